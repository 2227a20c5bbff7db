package io.rapport.scheduler.rules;

import static io.rapport.events.testing.TestTokens.bearer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.events.EventType;
import io.rapport.scheduler.MovableClock;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;

/**
 * A merge keeps every follow-up: what the duplicate's history still called for (a message awaiting a reply, an
 * unhappy call, a dissatisfied survey answer, a promise coming due) is open on the survivor, and stays single when
 * the merge is applied again; events about the duplicate that arrive after the merge land on the survivor.
 */
@QuarkusTest
class MergedFollowUpsTest {

    private static final Instant TODAY = RulesFixture.CREATED.plus(Duration.ofDays(7));

    @Inject
    KafkaClientService kafka;
    @Inject
    MovableClock clock;

    private final RulesFixture duplicate = new RulesFixture();
    private final RulesFixture survivor = duplicate.anotherContact();

    @BeforeEach
    void setUp() {
        clock.travelTo(TODAY); // no survey is due yet
        duplicate.awaitAssignment(kafka);
        for (RulesFixture contact : List.of(duplicate, survivor)) {
            contact.contactEvent(EventType.CONTACT_CREATED, 0, "ACTIVE_CUSTOMER", false);
            contact.awaitTask("CHECK_IN", "OPEN", "2026-04-01T09:00:00Z");
        }
    }

    @AfterEach
    void close() {
        clock.reset();
        duplicate.close();
        survivor.close();
    }

    @Test
    void theSurvivorKeepsEveryFollowUpTheDuplicateStillCalledFor() {
        UUID inbound = UUID.randomUUID();
        UUID unhappyCall = UUID.randomUUID();
        UUID commitment = UUID.randomUUID();
        UUID survey = UUID.randomUUID();
        duplicate.interaction(unhappyCall, 0, "CALL", "OUTBOUND", Instant.parse("2026-03-07T10:00:00Z"), false, null,
                "NEGATIVE");
        duplicate.interaction(inbound, 0, "EMAIL", "INBOUND", Instant.parse("2026-03-08T10:00:00Z"), true, null,
                null);
        duplicate.commitment(commitment, 0, "OPEN", Instant.parse("2026-03-20T17:00:00Z"));
        duplicate.feedback(survey, null, null, 2, "DISSATISFIED", Instant.parse("2026-03-08T12:00:00Z"));
        await().atMost(RulesFixture.BOUND).untilAsserted(() -> assertThat(openSubjects(duplicate)).containsOnlyKeys(
                "CHECK_IN", "interaction:" + unhappyCall + " RECOVERY", "interaction:" + inbound + " RESPOND",
                "commitment:" + commitment + " COMMITMENT_DUE", "feedback:" + survey + " RECOVERY"));
        Map<String, Map<String, Object>> before = openSubjects(duplicate);
        String snoozedUntil = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS).toString();
        snooze(before.get("commitment:" + commitment + " COMMITMENT_DUE"), snoozedUntil);

        merge();

        await().atMost(RulesFixture.BOUND).untilAsserted(() -> assertThat(openSubjects(survivor)).containsOnlyKeys(
                "CHECK_IN", "interaction:" + unhappyCall + " RECOVERY", "interaction:" + inbound + " RESPOND",
                "commitment:" + commitment + " COMMITMENT_DUE", "feedback:" + survey + " RECOVERY"));
        Map<String, Map<String, Object>> after = openSubjects(survivor);
        for (String followUp : List.of("interaction:" + unhappyCall + " RECOVERY", "interaction:" + inbound + " RESPOND",
                "commitment:" + commitment + " COMMITMENT_DUE", "feedback:" + survey + " RECOVERY")) {
            Map<String, Object> carried = after.get(followUp);
            Map<String, Object> original = before.get(followUp);
            assertThat(carried.get("id")).isNotEqualTo(original.get("id"));
            for (String member : List.of("dueAt", "reason", "priority", "rule", "owner")) {
                assertThat(carried.get(member)).as(followUp + " " + member).isEqualTo(original.get(member));
            }
        }
        Map<String, Object> promise = after.get("commitment:" + commitment + " COMMITMENT_DUE");
        assertThat(promise.get("status")).isEqualTo("SNOOZED");
        assertThat(promise.get("snoozedUntil")).isEqualTo(snoozedUntil);
        assertThat(duplicate.tasks(null).getList("items.findAll { it.status != 'AUTO_RESOLVED' }")).isEmpty();
        assertThat(duplicate.tasks(null).getList("items.findAll { it.kind != 'CHECK_IN' }.resolution", String.class))
                .hasSize(4).containsOnly("merged into contact " + survivor.contact);

        // the same merge applied again (redelivered under another event id) carries nothing twice
        merge();
        awaitContactEventsApplied();
        assertThat(openSubjects(survivor)).hasSize(5);
        assertThat(survivor.tasks(null).getList("items.findAll { it.kind != 'CHECK_IN' }")).hasSize(4);

        // a reply to the survivor answers the message the duplicate received
        survivor.interaction(UUID.randomUUID(), 0, "EMAIL", "OUTBOUND", Instant.parse("2026-03-09T08:00:00Z"), false,
                inbound, null);
        await().atMost(RulesFixture.BOUND).untilAsserted(() -> assertThat(openSubjects(survivor))
                .doesNotContainKey("interaction:" + inbound + " RESPOND"));

        // a message logged for the duplicate just before the merge, applied after it, is the survivor's to answer
        UUID late = UUID.randomUUID();
        duplicate.interaction(late, 0, "EMAIL", "INBOUND", Instant.parse("2026-03-09T08:30:00Z"), true, null, null);
        await().atMost(RulesFixture.BOUND).untilAsserted(() -> assertThat(openSubjects(survivor))
                .containsKey("interaction:" + late + " RESPOND"));
        assertThat(duplicate.tasks(null).getList("items.subject")).doesNotContain("interaction:" + late);
    }

    @Test
    void aMessageToTheDuplicateThatTheSurvivorAnsweredLaterNeedsNoReply() {
        UUID toDuplicate = UUID.randomUUID();
        duplicate.interaction(toDuplicate, 0, "EMAIL", "INBOUND", Instant.parse("2026-03-05T10:00:00Z"), true, null,
                null);
        survivor.interaction(UUID.randomUUID(), 0, "EMAIL", "OUTBOUND", Instant.parse("2026-03-06T10:00:00Z"), false,
                null, null);
        await().atMost(RulesFixture.BOUND).untilAsserted(() -> assertThat(openSubjects(duplicate))
                .containsKey("interaction:" + toDuplicate + " RESPOND"));
        survivor.awaitMarker(); // the survivor's reply is applied

        merge();

        await().atMost(RulesFixture.BOUND).untilAsserted(() -> assertThat(openSubjects(duplicate)).isEmpty());
        assertThat(openSubjects(survivor)).containsOnlyKeys("CHECK_IN");
        // carried with the rest of the history, and at once closed as answered
        assertThat(survivor.tasks(null).getString(
                "items.find { it.subject == 'interaction:" + toDuplicate + "' }.resolution"))
                .startsWith("answered by the outbound email ");
    }

    @Test
    void aMessageToTheSurvivorThatTheDuplicateAnsweredLaterIsAnswered() {
        UUID toSurvivor = UUID.randomUUID();
        UUID duplicateReply = UUID.randomUUID();
        survivor.interaction(toSurvivor, 0, "EMAIL", "INBOUND", Instant.parse("2026-03-07T10:00:00Z"), true, null,
                null);
        duplicate.interaction(duplicateReply, 0, "CALL", "OUTBOUND", Instant.parse("2026-03-08T10:00:00Z"), false,
                null, null);
        await().atMost(RulesFixture.BOUND).untilAsserted(() -> assertThat(openSubjects(survivor))
                .containsKey("interaction:" + toSurvivor + " RESPOND"));
        duplicate.awaitMarker(); // the duplicate's call is applied

        merge();

        await().atMost(RulesFixture.BOUND).untilAsserted(() -> assertThat(survivor.tasks(null).getString(
                "items.find { it.subject == 'interaction:" + toSurvivor + "' }.resolution"))
                .isEqualTo("answered by the outbound call " + duplicateReply));
        assertThat(openSubjects(survivor)).containsOnlyKeys("CHECK_IN");
    }

    @Test
    void aFollowUpARepClosedOnTheDuplicateIsNotRaisedAgainOnTheSurvivor() {
        UUID message = UUID.randomUUID();
        Instant sent = Instant.parse("2026-03-05T10:00:00Z");
        duplicate.interaction(message, 0, "EMAIL", "INBOUND", sent, true, null, null);
        await().atMost(RulesFixture.BOUND).untilAsserted(() -> assertThat(openSubjects(duplicate))
                .containsKey("interaction:" + message + " RESPOND"));
        complete(openSubjects(duplicate).get("interaction:" + message + " RESPOND"));

        merge();
        await().atMost(RulesFixture.BOUND).untilAsserted(() -> assertThat(openSubjects(duplicate)).isEmpty());
        // a later version of the message (its subject corrected, say) comes for the duplicate, after the merge
        duplicate.interaction(message, 1, "EMAIL", "INBOUND", sent, true, null, null);
        duplicate.awaitMarker();

        assertThat(openSubjects(survivor)).containsOnlyKeys("CHECK_IN");
        assertThat(survivor.tasks(null).getString("items.find { it.subject == 'interaction:" + message + "' }.status"))
                .isEqualTo("COMPLETED");
    }

    private void merge() {
        duplicate.send(EventType.CONTACT_MERGED, """
                {"mergedId": "%s", "survivorId": "%s", "mergedAt": "%s"}"""
                .formatted(duplicate.contact, survivor.contact, TODAY));
    }

    /**
     * A contact created on the contact events' partition of the merge (its key), and its check-in awaited: every
     * contact event sent before it has been applied.
     */
    private void awaitContactEventsApplied() {
        UUID marker = UUID.randomUUID();
        duplicate.sender.send(EventType.CONTACT_CREATED, UUID.randomUUID().toString(), duplicate.contact.toString(),
                marker.toString(), RulesFixture.CREATED, """
                        {"id": "%s", "version": 0, "owner": "%s", "firstName": "Marker", "displayName": "Marker",
                         "lifecycleStage": "ACTIVE_CUSTOMER", "doNotContact": false, "checkInCadenceDays": 30,
                         "createdAt": "%s", "updatedAt": "%s"}"""
                        .formatted(marker, duplicate.rep, RulesFixture.CREATED, RulesFixture.CREATED));
        await().atMost(RulesFixture.BOUND).untilAsserted(() -> given()
                .header("Authorization", bearer(duplicate.rep, "rep")).queryParam("contactId", marker.toString())
                .when().get("/api/v1/tasks").then().statusCode(200).body("items.kind", hasItem("CHECK_IN")));
    }

    /** The contact's open and snoozed tasks by subject and kind (the check-in by its kind alone). */
    private static Map<String, Map<String, Object>> openSubjects(RulesFixture contact) {
        List<Map<String, Object>> open = contact.tasks(null)
                .getList("items.findAll { it.status == 'OPEN' || it.status == 'SNOOZED' }");
        Map<String, Map<String, Object>> bySubject = new HashMap<>();
        for (Map<String, Object> task : open) {
            String key = "CHECK_IN".equals(task.get("kind")) ? "CHECK_IN" : task.get("subject") + " " + task.get("kind");
            assertThat(bySubject.put(key, task)).as("a second open task for " + key).isNull();
        }
        return bySubject;
    }

    private void complete(Map<String, Object> task) {
        given().header("Authorization", bearer(duplicate.rep, "rep")).contentType("application/json")
                .header("If-Match", "\"" + task.get("version") + "\"").body("{\"note\": \"called her back\"}")
                .when().post("/api/v1/tasks/" + task.get("id") + "/complete")
                .then().statusCode(200);
    }

    private void snooze(Map<String, Object> task, String until) {
        given().header("Authorization", bearer(duplicate.rep, "rep")).contentType("application/json")
                .header("If-Match", "\"" + task.get("version") + "\"")
                .body("{\"until\": \"" + until + "\"}")
                .when().post("/api/v1/tasks/" + task.get("id") + "/snooze")
                .then().statusCode(200);
    }
}
