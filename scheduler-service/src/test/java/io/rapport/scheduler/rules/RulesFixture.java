package io.rapport.scheduler.rules;

import static io.rapport.events.testing.TestTokens.bearer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.awaitility.core.ThrowingRunnable;

import io.rapport.events.EventType;
import io.rapport.events.testing.CloudEventSender;
import io.rapport.events.testing.ConsumerAssignments;
import io.rapport.scheduler.sweep.ContactSweeper;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;

/**
 * One contact of one rep, driven by events sent to Kafka as the other services would send them, and read back
 * through the tasks API.
 */
final class RulesFixture implements AutoCloseable {

    static final Duration BOUND = Duration.ofSeconds(30);
    static final Instant CREATED = Instant.parse("2026-03-02T09:00:00Z");

    final CloudEventSender sender = CloudEventSender.local();
    final String rep;
    final UUID contact = UUID.randomUUID();

    RulesFixture() {
        this("rep-" + UUID.randomUUID());
    }

    private RulesFixture(String rep) {
        this.rep = rep;
    }

    /** Another contact of the same rep. */
    RulesFixture anotherContact() {
        return new RulesFixture(rep);
    }

    /**
     * Sends a later event on the same partition (same key) about another contact and waits for its task: the
     * consumer applies a partition in order, so everything sent before it has been applied.
     */
    void awaitMarker() {
        UUID marker = UUID.randomUUID();
        UUID markerContact = UUID.randomUUID();
        sender.send(EventType.INTERACTION_LOGGED, UUID.randomUUID().toString(), contact.toString(), marker.toString(),
                CREATED, """
                        {"id": "%s", "version": 0, "contactId": "%s", "owner": "%s", "type": "EMAIL",
                         "direction": "INBOUND", "occurredAt": "2026-03-01T00:00:00Z", "requiresResponse": true}"""
                        .formatted(marker, markerContact, rep));
        await().atMost(BOUND).untilAsserted(() -> given().header("Authorization", bearer(rep, "rep"))
                .queryParam("contactId", markerContact.toString())
                .when().get("/api/v1/tasks").then().statusCode(200).body("items", hasSize(1)));
    }

    void contactEvent(EventType type, long version, String stage, boolean doNotContact) {
        send(type, """
                {"id": "%s", "version": %d, "owner": "%s", "firstName": "Ada", "displayName": "Ada Lovelace",
                 "lifecycleStage": "%s", "doNotContact": %b, "checkInCadenceDays": 30,
                 "createdAt": "%s", "updatedAt": "%s"}"""
                .formatted(contact, version, rep, stage, doNotContact, CREATED, CREATED), contact);
    }

    void interaction(UUID id, long version, String type, String direction, Instant occurredAt,
            boolean requiresResponse, UUID inReplyTo, String sentiment) {
        send(EventType.INTERACTION_LOGGED, """
                {"id": "%s", "version": %d, "contactId": "%s", "owner": "%s", "type": "%s", "direction": "%s",
                 "occurredAt": "%s", "requiresResponse": %b, "inReplyTo": %s, "sentiment": %s}"""
                .formatted(id, version, contact, rep, type, direction, occurredAt, requiresResponse,
                        inReplyTo == null ? "null" : "\"" + inReplyTo + "\"",
                        sentiment == null ? "null" : "\"" + sentiment + "\""), id);
    }

    void send(EventType type, String data, UUID subject) {
        sender.send(type, UUID.randomUUID().toString(), contact.toString(), subject.toString(), CREATED, data);
    }

    void send(EventType type, String data) {
        send(type, data, contact);
    }

    JsonPath awaitTask(String kind, String status, String dueAt) {
        await().atMost(BOUND).untilAsserted(() -> assertThat(tasks(null).getList(
                "items.findAll { it.kind == '" + kind + "' && it.status == '" + status + "' }.dueAt"))
                .contains(dueAt));
        return tasks(null);
    }

    JsonPath tasks(String status) {
        var request = given().header("Authorization", bearer(rep, "rep")).queryParam("contactId", contact.toString());
        if (status != null) {
            request.queryParam("status", status);
        }
        return request.when().get("/api/v1/tasks").then().statusCode(200).extract().jsonPath();
    }

    /** The scheduled sweep may hold some rows at the moment: sweep until what is due has been raised. */
    static void sweepUntil(ContactSweeper sweeper, ThrowingRunnable expectation) {
        await().atMost(BOUND).untilAsserted(() -> {
            sweeper.sweep();
            expectation.run();
        });
    }

    /** The consumers start at the end of their topics: events sent before they have partitions would be missed. */
    void awaitAssignment(KafkaClientService kafka) {
        ConsumerAssignments.await(kafka, "contact-events", "interaction-events", "feedback-events");
    }

    void commitment(UUID id, long version, String status, Instant dueAt) {
        send(EventType.valueOf("COMMITMENT_" + (status.equals("OPEN") ? "MADE" : status)), """
                {"id": "%s", "version": %d, "contactId": "%s", "owner": "%s",
                 "dueAt": "%s", "status": "%s"}""".formatted(id, version, contact, rep, dueAt, status), id);
    }

    void feedback(UUID request, Integer nps, String npsClass, Integer csat, String csatClass, Instant receivedAt) {
        send(EventType.FEEDBACK_RECEIVED, """
                {"requestId": "%s", "contactId": "%s", "owner": "%s", "npsScore": %s, "npsClass": %s,
                 "csatScore": %s, "csatClass": %s, "commentLength": 0, "source": "CLIENT", "receivedAt": "%s"}"""
                .formatted(request, contact, rep, nps, quoted(npsClass), csat, quoted(csatClass), receivedAt), request);
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    @Override
    public void close() {
        sender.close();
    }
}
