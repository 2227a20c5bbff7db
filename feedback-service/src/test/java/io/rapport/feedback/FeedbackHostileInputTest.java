package io.rapport.feedback;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.events.testing.CloudEventSender;
import io.rapport.events.testing.HostileInputTest;
import io.rapport.feedback.testing.FeedbackApi;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

@QuarkusTest
class FeedbackHostileInputTest extends HostileInputTest {

    @Inject
    KafkaClientService kafka;

    @Inject
    EntityManager rateLimits;

    private UUID contact;
    private Map<String, String> existing;

    @BeforeEach
    void existingResources() {
        if (existing != null) {
            return;
        }
        FeedbackApi.awaitPartitionAssignment(kafka);
        try (CloudEventSender sender = CloudEventSender.local()) {
            contact = FeedbackApi.knownContact(sender, OWNER, "Ada", null);
        }
        JsonPath survey = FeedbackApi.createSurvey(OWNER, contact, "NPS");
        existing = Map.of("contactId", contact.toString(), "id", survey.getString("id"), "token",
                survey.getString("token"));
    }

    @Override
    protected Map<String, String> existingPathValues() {
        return existing;
    }

    @Override
    protected Map<String, String> validBodies() {
        return Map.of(
                "POST /api/v1/surveys", """
                        {"contactId": "%s", "kind": "BOTH", "channel": "LINK", "expiresAt": "2099-01-01T00:00:00Z"}"""
                        .formatted(contact),
                "POST /api/v1/surveys/{id}/response", "{\"npsScore\": 9, \"comment\": \"Quick and kind\"}",
                "POST /api/v1/public/surveys/{token}/response", "{\"npsScore\": 9, \"comment\": \"Quick and kind\"}");
    }

    /** The public endpoints take from their rate limits before anything else: each request starts with full buckets. */
    @Override
    protected void beforeEachRequest() {
        QuarkusTransaction.requiringNew().run(() -> rateLimits.createNativeQuery("delete from public_rate_limit")
                .executeUpdate());
    }

    @Override
    protected List<String> tablesWrittenInTheBackground() {
        // the contact projection, and the public endpoints' rate-limit buckets, which count every request
        return List.of("feedback_contact", "public_rate_limit");
    }
}
