package io.rapport.scheduler;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.events.testing.HostileInputTest;

@QuarkusTest
class SchedulerHostileInputTest extends HostileInputTest {

    @Override
    protected Map<String, String> existingPathValues() {
        return Map.of("ownerId", OWNER);
    }

    @Override
    protected Map<String, String> validBodies() {
        return Map.of(
                // a contact nobody knows (contacts-service's stub says so): the valid body is refused with 422 too
                "POST /api/v1/tasks", "{\"contactId\": \"" + UUID.randomUUID()
                        + "\", \"subject\": \"Call\", \"dueAt\": \"2099-01-01T00:00:00Z\"}",
                "POST /api/v1/tasks/{id}/complete", "{\"note\": \"called her\"}",
                "POST /api/v1/tasks/{id}/snooze", "{\"until\": \"2099-01-01T00:00:00Z\"}",
                "POST /api/v1/tasks/{id}/dismiss", "{\"reason\": \"handled by phone\"}");
    }

    @Override
    protected List<String> tablesWrittenInTheBackground() {
        // the projections and the tasks they raise follow the events other tests send
        return List.of("contact_projection", "interaction_projection", "commitment_projection", "feedback_projection",
                "task", "relationship_health", "survey_request");
    }
}
