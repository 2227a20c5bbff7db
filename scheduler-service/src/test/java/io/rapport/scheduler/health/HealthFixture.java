package io.rapport.scheduler.health;

import static io.rapport.events.testing.TestTokens.bearer;
import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.rapport.events.EventType;
import io.rapport.events.testing.CloudEventSender;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/**
 * Contacts of one rep, driven by events sent to Kafka as the other services would send them, and their health read
 * back through the API.
 */
final class HealthFixture implements AutoCloseable {

    static final Duration BOUND = Duration.ofSeconds(30);
    static final Instant CREATED = Instant.parse("2026-03-02T09:00:00Z");

    final CloudEventSender sender = CloudEventSender.local();
    final String rep = "rep-" + UUID.randomUUID();

    UUID contact() {
        UUID contact = UUID.randomUUID();
        send(EventType.CONTACT_CREATED, contact, contact, """
                {"id": "%s", "version": 0, "owner": "%s", "firstName": "Ada", "displayName": "Ada Lovelace",
                 "lifecycleStage": "ACTIVE_CUSTOMER", "doNotContact": false, "checkInCadenceDays": 30,
                 "createdAt": "%s", "updatedAt": "%s"}""".formatted(contact, rep, CREATED, CREATED));
        return contact;
    }

    UUID interaction(UUID contact, String type, String direction, Instant occurredAt, boolean requiresResponse,
            UUID inReplyTo, String sentiment) {
        UUID id = UUID.randomUUID();
        send(EventType.INTERACTION_LOGGED, contact, id, """
                {"id": "%s", "version": 0, "contactId": "%s", "owner": "%s", "type": "%s", "direction": "%s",
                 "occurredAt": "%s", "requiresResponse": %b, "inReplyTo": %s, "sentiment": %s}"""
                .formatted(id, contact, rep, type, direction, occurredAt, requiresResponse, quoted(inReplyTo),
                        quoted(sentiment)));
        return id;
    }

    void commitment(UUID contact, EventType type, String status, Instant dueAt, Instant fulfilledAt) {
        UUID id = UUID.randomUUID();
        send(type, contact, id, """
                {"id": "%s", "version": 0, "contactId": "%s", "owner": "%s",
                 "dueAt": "%s", "status": "%s", "fulfilledAt": %s}"""
                .formatted(id, contact, rep, dueAt, status, quoted(fulfilledAt)));
    }

    void nps(UUID contact, int score, String npsClass, Instant receivedAt) {
        UUID request = UUID.randomUUID();
        send(EventType.FEEDBACK_RECEIVED, contact, request, """
                {"requestId": "%s", "contactId": "%s", "owner": "%s", "npsScore": %d, "npsClass": "%s",
                 "commentLength": 0, "source": "CLIENT", "receivedAt": "%s"}"""
                .formatted(request, contact, rep, score, npsClass, receivedAt));
    }

    void send(EventType type, UUID contact, UUID subject, String data) {
        sender.send(type, UUID.randomUUID().toString(), contact.toString(), subject.toString(), CREATED, data);
    }

    ValidatableResponse health(UUID contact, String user, String role) {
        return given().header("Authorization", bearer(user, role))
                .when().get("/api/v1/contacts/" + contact + "/health").then();
    }

    JsonPath health(UUID contact) {
        return health(contact, rep, "rep").statusCode(200).extract().jsonPath();
    }

    private static String quoted(Object value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    @Override
    public void close() {
        sender.close();
    }
}
