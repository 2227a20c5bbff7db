package io.rapport.scheduler.rules;

import static io.rapport.events.testing.TestTokens.bearer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.events.EventType;
import io.rapport.events.Topic;
import io.rapport.events.testing.TopicWatcher;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;

/** The rules driven by touch-points, fed with real events on Kafka. */
@QuarkusTest
class InteractionRulesTest {

    @Inject
    KafkaClientService kafka;

    private final RulesFixture fixture = new RulesFixture();

    @BeforeEach
    void awaitPartitionAssignment() {
        fixture.awaitAssignment(kafka);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aTouchPointResolvesTheCheckInAndTheNextOneCountsFromIt() {
        fixture.contactEvent(EventType.CONTACT_CREATED, 0, "PROSPECT", false);
        fixture.awaitTask("CHECK_IN", "OPEN", "2026-04-01T09:00:00Z");

        Instant call = Instant.parse("2026-03-20T14:00:00Z");
        try (TopicWatcher tasksTopic = TopicWatcher.local(Topic.TASKS.topicName())) {
            fixture.interaction(UUID.randomUUID(), 0, "CALL", "OUTBOUND", call, false, null, null);
            fixture.awaitTask("CHECK_IN", "OPEN", "2026-04-19T14:00:00Z");
            assertThat(tasksTopic.await(r -> fixture.contact.toString().equals(r.key())
                    && "rapport.task.auto-resolved.v1".equals(TopicWatcher.header(r, "ce_type")), RulesFixture.BOUND).value())
                    .contains("CHECK_IN");
        }
        JsonPath all = fixture.tasks(null);
        assertThat(all.getList("items.status")).containsExactlyInAnyOrder("AUTO_RESOLVED", "OPEN");
        assertThat(all.getString("items.find { it.status == 'OPEN' }.reason"))
                .isEqualTo("Last touch-point on 2026-03-20; check-in cadence 30 days");

        // an internal note is no touch-point
        fixture.interaction(UUID.randomUUID(), 0, "NOTE", "INTERNAL", Instant.parse("2026-03-25T10:00:00Z"), false, null, null);
        fixture.awaitMarker();
        assertThat(fixture.tasks("OPEN").getString("items[0].dueAt")).isEqualTo("2026-04-19T14:00:00Z");
    }

    @Test
    void anInboundMessageAwaitingAReplyRaisesRespondAndTheReplyResolvesIt() {
        fixture.contactEvent(EventType.CONTACT_CREATED, 0, "ACTIVE_CUSTOMER", false);
        fixture.awaitTask("CHECK_IN", "OPEN", "2026-04-01T09:00:00Z");

        UUID inbound = UUID.randomUUID();
        fixture.interaction(inbound, 0, "EMAIL", "INBOUND", Instant.parse("2026-03-03T08:00:00Z"), true, null, null);
        JsonPath respond = fixture.awaitTask("RESPOND", "OPEN", "2026-03-04T08:00:00Z");
        assertThat(respond.getString("items.find { it.kind == 'RESPOND' }.priority")).isEqualTo("HIGH");
        assertThat(respond.getString("items.find { it.kind == 'RESPOND' }.reason"))
                .isEqualTo("Inbound email on 2026-03-03 awaits a reply; response SLA 24 h");

        fixture.interaction(UUID.randomUUID(), 0, "EMAIL", "OUTBOUND", Instant.parse("2026-03-03T11:00:00Z"), false, inbound,
                null);
        fixture.awaitTask("RESPOND", "AUTO_RESOLVED", "2026-03-04T08:00:00Z");
    }

    @Test
    void negativeSentimentRaisesRecovery() {
        fixture.contactEvent(EventType.CONTACT_CREATED, 0, "ACTIVE_CUSTOMER", false);
        fixture.awaitTask("CHECK_IN", "OPEN", "2026-04-01T09:00:00Z");
        fixture.interaction(UUID.randomUUID(), 0, "MEETING", "OUTBOUND", Instant.parse("2026-03-05T10:00:00Z"), false, null,
                "VERY_NEGATIVE");
        JsonPath recovery = fixture.awaitTask("RECOVERY", "OPEN", "2026-03-07T10:00:00Z");
        assertThat(recovery.getString("items.find { it.kind == 'RECOVERY' }.priority")).isEqualTo("HIGH");
        assertThat(recovery.getString("items.find { it.kind == 'RECOVERY' }.reason"))
                .startsWith("Very negative sentiment in the meeting of 2026-03-05");
    }

    @Test
    void doNotContactAndFormerContactsGetNoCheckIn() {
        fixture.contactEvent(EventType.CONTACT_CREATED, 0, "ACTIVE_CUSTOMER", false);
        fixture.awaitTask("CHECK_IN", "OPEN", "2026-04-01T09:00:00Z");
        fixture.contactEvent(EventType.CONTACT_UPDATED, 1, "ACTIVE_CUSTOMER", true);
        fixture.awaitTask("CHECK_IN", "AUTO_RESOLVED", "2026-04-01T09:00:00Z");
        fixture.contactEvent(EventType.CONTACT_UPDATED, 2, "FORMER", false);
        fixture.interaction(UUID.randomUUID(), 0, "CALL", "OUTBOUND", Instant.parse("2026-03-10T10:00:00Z"), false, null, null);
        fixture.awaitMarker();
        assertThat(fixture.tasks("OPEN").getList("items")).isEmpty();
    }

    @Test
    void anErasedContactsTasksCloseKeepNoTextAndNothingNewIsRaised() {
        fixture.contactEvent(EventType.CONTACT_CREATED, 0, "ACTIVE_CUSTOMER", false);
        UUID inbound = UUID.randomUUID();
        fixture.interaction(inbound, 0, "MESSAGE", "INBOUND", Instant.parse("2026-03-03T08:00:00Z"), true, null, null);
        fixture.awaitTask("RESPOND", "OPEN", "2026-03-04T08:00:00Z");
        UUID commitment = UUID.randomUUID();
        fixture.send(EventType.COMMITMENT_MADE, """
                {"id": "%s", "version": 0, "contactId": "%s", "owner": "%s", "dueAt": "2026-03-20T09:00:00Z",
                 "status": "OPEN"}""".formatted(commitment, fixture.contact, fixture.rep), commitment);
        fixture.awaitTask("COMMITMENT_DUE", "OPEN", "2026-03-18T09:00:00Z");
        // the contact's own event comes on another topic, applied by another consumer: its check-in may come last
        await().atMost(RulesFixture.BOUND).untilAsserted(() -> assertThat(
                fixture.tasks("OPEN").getString("items.find { it.kind == 'CHECK_IN' }.id")).isNotNull());
        String checkIn = fixture.tasks("OPEN").getString("items.find { it.kind == 'CHECK_IN' }.id");
        given().header("Authorization", bearer(fixture.rep, "rep")).header("If-Match", "\"0\"")
                .contentType(ContentType.JSON).body("{\"note\": \"talked about her treatment\"}")
                .when().post("/api/v1/tasks/" + checkIn + "/complete").then().statusCode(200);

        fixture.send(EventType.CONTACT_ERASED, "{\"id\": \"%s\", \"erasedAt\": \"%s\"}".formatted(fixture.contact, RulesFixture.CREATED));
        await().atMost(RulesFixture.BOUND).untilAsserted(() -> assertThat(fixture.tasks("OPEN").getList("items")).isEmpty());
        String everything = fixture.tasks(null).prettify();
        assertThat(everything).doesNotContain("treatment").contains("COMMITMENT_DUE");
        fixture.interaction(UUID.randomUUID(), 0, "MESSAGE", "INBOUND", Instant.parse("2026-03-06T08:00:00Z"), true, null,
                "NEGATIVE");
        fixture.awaitMarker();
        assertThat(fixture.tasks("OPEN").getList("items")).isEmpty();
    }

    @Test
    void anOlderInteractionSnapshotArrivingLateChangesNothing() {
        fixture.contactEvent(EventType.CONTACT_CREATED, 0, "ACTIVE_CUSTOMER", false);
        fixture.awaitTask("CHECK_IN", "OPEN", "2026-04-01T09:00:00Z");
        UUID inbound = UUID.randomUUID();
        fixture.interaction(inbound, 1, "EMAIL", "INBOUND", Instant.parse("2026-03-03T08:00:00Z"), false, null, null);
        fixture.interaction(inbound, 0, "EMAIL", "INBOUND", Instant.parse("2026-03-03T08:00:00Z"), true, null, null);
        fixture.awaitMarker();
        assertThat(fixture.tasks(null).getList("items.kind")).doesNotContain("RESPOND");
    }
}
