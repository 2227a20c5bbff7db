package io.rapport.interactions;

import static io.rapport.interactions.rest.InteractionsApi.as;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.events.testing.CloudEventSender;
import io.rapport.events.testing.HostileInputTest;
import io.rapport.interactions.rest.InteractionsApi;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;

@QuarkusTest
class InteractionsHostileInputTest extends HostileInputTest {

    private static final String DUE = Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();

    @Inject
    KafkaClientService kafka;

    private UUID contact;
    private Map<String, String> existing;

    @BeforeEach
    void existingResources() {
        if (existing != null) {
            return;
        }
        InteractionsApi.awaitPartitionAssignment(kafka);
        try (CloudEventSender sender = CloudEventSender.local()) {
            contact = InteractionsApi.knownContact(sender, OWNER);
        }
        String interaction = InteractionsApi.logInteraction(OWNER, "rep",
                InteractionsApi.interactionJson(contact, "CALL", "OUTBOUND", "2026-01-12T10:00:00Z"));
        String commitment = InteractionsApi.makeCommitment(OWNER, "rep",
                InteractionsApi.commitmentJson(contact, "Send the deck", DUE));
        existing = Map.of("contactId", contact.toString(), "ownerId", OWNER,
                "/api/v1/interactions/{id}#id", interaction, "/api/v1/commitments/{id}#id", commitment,
                "/api/v1/commitments/{id}/fulfil#id", commitment, "/api/v1/commitments/{id}/cancel#id", commitment);
        as(OWNER, "rep").get("/api/v1/interactions/" + interaction).then().statusCode(200);
    }

    @Override
    protected Map<String, String> existingPathValues() {
        return existing;
    }

    @Override
    protected Map<String, String> validBodies() {
        String interaction = """
                {"contactId": "%s", "type": "MEETING", "direction": "OUTBOUND", "occurredAt": "2026-01-12T10:00:00Z",
                 "durationMinutes": 25, "subject": "Quarterly review", "summary": "Walked through the numbers.",
                 "sentiment": "POSITIVE", "needsHeard": ["SSO"], "nextSteps": "Send the whitepaper",
                 "requiresResponse": true, "attachments": [{"url": "https://docs.example.com/q1.pdf", "title": "Q1"}]}"""
                .formatted(contact);
        String commitment = InteractionsApi.commitmentJson(contact, "Send the deck", DUE);
        return Map.of(
                "POST /api/v1/interactions", interaction,
                "PUT /api/v1/interactions/{id}", interaction,
                "PATCH /api/v1/interactions/{id}", "{\"summary\": \"Better\", \"needsHeard\": [\"SSO\", \"SAML\"]}",
                "POST /api/v1/commitments", commitment,
                "PUT /api/v1/commitments/{id}", commitment,
                "PATCH /api/v1/commitments/{id}", "{\"description\": \"Send the updated deck\"}",
                "POST /api/v1/commitments/{id}/fulfil", "{\"fulfilledAt\": \"2026-01-12T10:00:00Z\"}",
                "POST /api/v1/commitments/{id}/cancel", "{\"reason\": \"not needed\"}");
    }

    @Override
    protected List<String> tablesWrittenInTheBackground() {
        return List.of("contact_projection");
    }
}
