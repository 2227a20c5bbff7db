package io.rapport.scheduler.rules;

import static io.rapport.events.testing.TestTokens.bearer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.events.EventType;
import io.rapport.events.Topic;
import io.rapport.events.testing.CloudEventSender;
import io.rapport.events.testing.TopicWatcher;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;

/** The rules driven by touch-points, fed with real events on Kafka. */
@QuarkusTest
class InteractionRulesTest {

    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final Instant CREATED = Instant.parse("2026-03-02T09:00:00Z");

    @Inject
    KafkaClientService kafka;

    private final CloudEventSender sender = CloudEventSender.local();
    private final String rep = "rep-" + UUID.randomUUID();
    private final UUID contact = UUID.randomUUID();

    @BeforeEach
    void awaitPartitionAssignment() {
        for (String channel : List.of("contact-events", "interaction-events")) {
            await().atMost(BOUND).until(() -> !kafka.getConsumer(channel).getAssignments()
                    .await().atMost(Duration.ofSeconds(5)).isEmpty());
        }
    }

    @AfterEach
    void close() {
        sender.close();
    }

    @Test
    void aTouchPointResolvesTheCheckInAndTheNextOneCountsFromIt() {
        contactEvent(EventType.CONTACT_CREATED, 0, "PROSPECT", false);
        awaitTask("CHECK_IN", "OPEN", "2026-04-01T09:00:00Z");

        Instant call = Instant.parse("2026-03-20T14:00:00Z");
        try (TopicWatcher tasksTopic = TopicWatcher.local(Topic.TASKS.topicName())) {
            interaction(UUID.randomUUID(), 0, "CALL", "OUTBOUND", call, false, null, null);
            awaitTask("CHECK_IN", "OPEN", "2026-04-19T14:00:00Z");
            assertThat(tasksTopic.await(r -> contact.toString().equals(r.key())
                    && "rapport.task.auto-resolved.v1".equals(TopicWatcher.header(r, "ce_type")), BOUND).value())
                    .contains("CHECK_IN");
        }
        JsonPath all = tasks(null);
        assertThat(all.getList("items.status")).containsExactlyInAnyOrder("AUTO_RESOLVED", "OPEN");
        assertThat(all.getString("items.find { it.status == 'OPEN' }.reason"))
                .isEqualTo("Last touch-point on 2026-03-20; check-in cadence 30 days");

        // an internal note is no touch-point
        interaction(UUID.randomUUID(), 0, "NOTE", "INTERNAL", Instant.parse("2026-03-25T10:00:00Z"), false, null, null);
        awaitMarker();
        assertThat(tasks("OPEN").getString("items[0].dueAt")).isEqualTo("2026-04-19T14:00:00Z");
    }

    @Test
    void anInboundMessageAwaitingAReplyRaisesRespondAndTheReplyResolvesIt() {
        contactEvent(EventType.CONTACT_CREATED, 0, "ACTIVE_CUSTOMER", false);
        awaitTask("CHECK_IN", "OPEN", "2026-04-01T09:00:00Z");

        UUID inbound = UUID.randomUUID();
        interaction(inbound, 0, "EMAIL", "INBOUND", Instant.parse("2026-03-03T08:00:00Z"), true, null, null);
        JsonPath respond = awaitTask("RESPOND", "OPEN", "2026-03-04T08:00:00Z");
        assertThat(respond.getString("items.find { it.kind == 'RESPOND' }.priority")).isEqualTo("HIGH");
        assertThat(respond.getString("items.find { it.kind == 'RESPOND' }.reason"))
                .isEqualTo("Inbound email on 2026-03-03 awaits a reply; response SLA 24 h");

        interaction(UUID.randomUUID(), 0, "EMAIL", "OUTBOUND", Instant.parse("2026-03-03T11:00:00Z"), false, inbound,
                null);
        awaitTask("RESPOND", "AUTO_RESOLVED", "2026-03-04T08:00:00Z");
    }

    @Test
    void negativeSentimentRaisesRecovery() {
        contactEvent(EventType.CONTACT_CREATED, 0, "ACTIVE_CUSTOMER", false);
        awaitTask("CHECK_IN", "OPEN", "2026-04-01T09:00:00Z");
        interaction(UUID.randomUUID(), 0, "MEETING", "OUTBOUND", Instant.parse("2026-03-05T10:00:00Z"), false, null,
                "VERY_NEGATIVE");
        JsonPath recovery = awaitTask("RECOVERY", "OPEN", "2026-03-07T10:00:00Z");
        assertThat(recovery.getString("items.find { it.kind == 'RECOVERY' }.priority")).isEqualTo("HIGH");
        assertThat(recovery.getString("items.find { it.kind == 'RECOVERY' }.reason"))
                .startsWith("Very negative sentiment in the meeting of 2026-03-05");
    }

    @Test
    void doNotContactAndFormerContactsGetNoCheckIn() {
        contactEvent(EventType.CONTACT_CREATED, 0, "ACTIVE_CUSTOMER", false);
        awaitTask("CHECK_IN", "OPEN", "2026-04-01T09:00:00Z");
        contactEvent(EventType.CONTACT_UPDATED, 1, "ACTIVE_CUSTOMER", true);
        awaitTask("CHECK_IN", "AUTO_RESOLVED", "2026-04-01T09:00:00Z");
        contactEvent(EventType.CONTACT_UPDATED, 2, "FORMER", false);
        interaction(UUID.randomUUID(), 0, "CALL", "OUTBOUND", Instant.parse("2026-03-10T10:00:00Z"), false, null, null);
        awaitMarker();
        assertThat(tasks("OPEN").getList("items")).isEmpty();
    }

    @Test
    void anErasedContactsTasksCloseAndNothingNewIsRaised() {
        contactEvent(EventType.CONTACT_CREATED, 0, "ACTIVE_CUSTOMER", false);
        UUID inbound = UUID.randomUUID();
        interaction(inbound, 0, "MESSAGE", "INBOUND", Instant.parse("2026-03-03T08:00:00Z"), true, null, null);
        awaitTask("RESPOND", "OPEN", "2026-03-04T08:00:00Z");

        send(EventType.CONTACT_ERASED, "{\"id\": \"%s\", \"erasedAt\": \"%s\"}".formatted(contact, CREATED));
        await().atMost(BOUND).untilAsserted(() -> assertThat(tasks("OPEN").getList("items")).isEmpty());
        interaction(UUID.randomUUID(), 0, "MESSAGE", "INBOUND", Instant.parse("2026-03-06T08:00:00Z"), true, null,
                "NEGATIVE");
        awaitMarker();
        assertThat(tasks("OPEN").getList("items")).isEmpty();
    }

    @Test
    void anOlderInteractionSnapshotArrivingLateChangesNothing() {
        contactEvent(EventType.CONTACT_CREATED, 0, "ACTIVE_CUSTOMER", false);
        awaitTask("CHECK_IN", "OPEN", "2026-04-01T09:00:00Z");
        UUID inbound = UUID.randomUUID();
        interaction(inbound, 1, "EMAIL", "INBOUND", Instant.parse("2026-03-03T08:00:00Z"), false, null, null);
        interaction(inbound, 0, "EMAIL", "INBOUND", Instant.parse("2026-03-03T08:00:00Z"), true, null, null);
        awaitMarker();
        assertThat(tasks(null).getList("items.kind")).doesNotContain("RESPOND");
    }

    /**
     * Sends a later event on the same partition (same key) about another contact and waits for its task: the
     * consumer applies a partition in order, so everything sent before it has been applied.
     */
    private void awaitMarker() {
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

    private void contactEvent(EventType type, long version, String stage, boolean doNotContact) {
        send(type, """
                {"id": "%s", "version": %d, "owner": "%s", "firstName": "Ada", "displayName": "Ada Lovelace",
                 "lifecycleStage": "%s", "doNotContact": %b, "checkInCadenceDays": 30,
                 "createdAt": "%s", "updatedAt": "%s"}"""
                .formatted(contact, version, rep, stage, doNotContact, CREATED, CREATED), contact);
    }

    private void interaction(UUID id, long version, String type, String direction, Instant occurredAt,
            boolean requiresResponse, UUID inReplyTo, String sentiment) {
        send(EventType.INTERACTION_LOGGED, """
                {"id": "%s", "version": %d, "contactId": "%s", "owner": "%s", "type": "%s", "direction": "%s",
                 "occurredAt": "%s", "requiresResponse": %b, "inReplyTo": %s, "sentiment": %s}"""
                .formatted(id, version, contact, rep, type, direction, occurredAt, requiresResponse,
                        inReplyTo == null ? "null" : "\"" + inReplyTo + "\"",
                        sentiment == null ? "null" : "\"" + sentiment + "\""), id);
    }

    private void send(EventType type, String data, UUID subject) {
        sender.send(type, UUID.randomUUID().toString(), contact.toString(), subject.toString(), CREATED, data);
    }

    private void send(EventType type, String data) {
        send(type, data, contact);
    }

    private JsonPath awaitTask(String kind, String status, String dueAt) {
        await().atMost(BOUND).untilAsserted(() -> assertThat(tasks(null).getList(
                "items.findAll { it.kind == '" + kind + "' && it.status == '" + status + "' }.dueAt"))
                .contains(dueAt));
        return tasks(null);
    }

    private JsonPath tasks(String status) {
        var request = given().header("Authorization", bearer(rep, "rep")).queryParam("contactId", contact.toString());
        if (status != null) {
            request.queryParam("status", status);
        }
        return request.when().get("/api/v1/tasks").then().statusCode(200).extract().jsonPath();
    }
}
