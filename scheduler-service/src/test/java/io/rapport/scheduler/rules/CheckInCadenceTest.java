package io.rapport.scheduler.rules;

import static io.rapport.events.testing.TestTokens.bearer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.core.ThrowingRunnable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.events.EventType;
import io.rapport.events.testing.Metrics;
import io.rapport.scheduler.MovableClock;
import io.rapport.scheduler.sweep.ContactSweeper;
import io.rapport.scheduler.task.service.OpenTaskGauge;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;

/**
 * The check-in cadence never stops silently: a check-in a rep completes or dismisses without logging a touch-point is
 * followed by the next one, counted from then; and a contact with a maximum interval gets an URGENT check-in once it
 * has gone that long without a touch-point, however many check-ins were ticked off meanwhile.
 */
@QuarkusTest
class CheckInCadenceTest {

    @Inject
    KafkaClientService kafka;
    @Inject
    MovableClock clock;
    @Inject
    ContactSweeper sweeper;
    @Inject
    OpenTaskGauge openTasks;

    private final RulesFixture fixture = new RulesFixture();

    @BeforeEach
    void setUp() {
        fixture.awaitAssignment(kafka);
    }

    @AfterEach
    void tearDown() {
        clock.reset();
        fixture.close();
    }

    @Test
    void aCompletedOrDismissedCheckInIsFollowedByTheNextCountedFromThen() {
        clock.travelTo(Instant.parse("2026-04-02T10:00:00Z"));
        contact(null);
        String first = (String) openCheckIns().get(0).get("id");

        Instant before = clock.instant();
        act(first, "complete", "{\"note\": \"emailed, no answer yet\"}");
        Instant after = clock.instant();
        // answered with the next check-in already open: no event, no sweep needed
        Map<String, Object> next = openCheckIns().get(0);
        assertThat(next.get("id")).isNotEqualTo(first);
        assertThat(Instant.parse((String) next.get("dueAt")))
                .isBetween(before.plus(Duration.ofDays(30)), after.plus(Duration.ofDays(30)));
        assertThat(next.get("reason")).isEqualTo("Last check-in closed on 2026-04-02; check-in cadence 30 days");

        // a touch-point after the completion counts from itself
        fixture.interaction(UUID.randomUUID(), 0, "CALL", "OUTBOUND", Instant.parse("2026-04-10T08:00:00Z"), false,
                null, null);
        fixture.awaitTask("CHECK_IN", "OPEN", "2026-05-10T08:00:00Z");
        assertThat(openCheckIns()).hasSize(1);

        // a dismissed one too is followed by the next
        clock.travelTo(Instant.parse("2026-05-12T10:00:00Z"));
        String third = (String) openCheckIns().get(0).get("id");
        act(third, "dismiss", "{\"reason\": \"on holiday\"}");
        assertThat(openCheckIns()).singleElement().satisfies(task -> {
            assertThat(task.get("id")).isNotEqualTo(third);
            assertThat((String) task.get("dueAt")).startsWith("2026-06-11T10:00");
        });
        // replayed or re-evaluated later, nothing is raised twice
        fixture.contactEvent(EventType.CONTACT_UPDATED, 1, "ACTIVE_CUSTOMER", false);
        fixture.awaitMarker();
        assertThat(openCheckIns()).hasSize(1);
        assertThat(fixture.tasks(null).getList("items.findAll { it.kind == 'CHECK_IN' }.status"))
                .containsExactlyInAnyOrder("COMPLETED", "AUTO_RESOLVED", "DISMISSED", "OPEN");
    }

    @Test
    void aContactPastItsMaximumIntervalWithoutATouchPointGetsAnUrgentCheckIn() {
        clock.travelTo(Instant.parse("2026-03-20T10:00:00Z"));
        contact(45);
        fixture.interaction(UUID.randomUUID(), 0, "EMAIL", "OUTBOUND", Instant.parse("2026-03-03T09:00:00Z"), false,
                null, null);
        fixture.awaitTask("CHECK_IN", "OPEN", "2026-04-02T09:00:00Z");

        // the cadence's check-in is ticked off without a touch-point: the count towards the maximum goes on
        clock.travelTo(Instant.parse("2026-04-03T10:00:00Z"));
        act((String) openCheckIns().get(0).get("id"), "complete", "{}");
        clock.travelTo(Instant.parse("2026-04-17T08:00:00Z"));
        sweepUntil(() -> assertThat(urgent()).isEmpty());

        clock.travelTo(Instant.parse("2026-04-17T10:00:00Z")); // 45 days after the touch-point on 3 March
        sweepUntil(() -> assertThat(urgent()).singleElement().satisfies(task -> {
            assertThat(task).containsEntry("status", "OPEN").containsEntry("dueAt", "2026-04-17T09:00:00Z")
                    .containsEntry("reason", "No touch-point since 2026-03-03: longer than the 45 days this contact"
                            + " may go without one");
        }));
        assertThat(openCheckIns()).hasSize(2); // the cadence's own check-in stays beside it
        // operators see the sweep's work and the URGENT check-ins open
        assertThat(Metrics.sum("rapport_sweep_rows_total", "table=\"contact_projection\"")).isGreaterThanOrEqualTo(1);
        assertThat(Metrics.sum("rapport_sweep_duration_seconds_count", "table=\"contact_projection\""))
                .isGreaterThanOrEqualTo(1);
        openTasks.measure();
        assertThat(Metrics.sum("rapport_tasks_open_tasks", "kind=\"CHECK_IN\"", "priority=\"URGENT\""))
                .isGreaterThanOrEqualTo(1);

        // a touch-point resolves it
        fixture.interaction(UUID.randomUUID(), 0, "MEETING", "OUTBOUND", Instant.parse("2026-04-17T09:30:00Z"), false,
                null, null);
        await().atMost(RulesFixture.BOUND).untilAsserted(() -> assertThat(urgent()).singleElement()
                .satisfies(task -> assertThat(task).containsEntry("status", "AUTO_RESOLVED")));
        assertThat(openCheckIns()).singleElement()
                .satisfies(task -> assertThat(task).containsEntry("dueAt", "2026-05-17T09:30:00Z"));
    }

    private void contact(Integer maxIntervalDays) {
        fixture.send(EventType.CONTACT_CREATED, """
                {"id": "%s", "version": 0, "owner": "%s", "firstName": "Ada", "displayName": "Ada Lovelace",
                 "lifecycleStage": "ACTIVE_CUSTOMER", "doNotContact": false, "checkInCadenceDays": 30,
                 "checkInMaxIntervalDays": %s, "createdAt": "%s", "updatedAt": "%s"}"""
                .formatted(fixture.contact, fixture.rep, maxIntervalDays, RulesFixture.CREATED, RulesFixture.CREATED));
        await().atMost(RulesFixture.BOUND).untilAsserted(() -> assertThat(openCheckIns()).isNotEmpty());
    }

    private void act(String task, String action, String body) {
        String version = given().header("Authorization", bearer(fixture.rep, "rep"))
                .when().get("/api/v1/tasks/" + task).then().statusCode(200).extract().header("ETag");
        given().header("Authorization", bearer(fixture.rep, "rep")).header("If-Match", version)
                .contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/tasks/" + task + "/" + action).then().statusCode(200);
    }

    private List<Map<String, Object>> openCheckIns() {
        return fixture.tasks("OPEN").getList("items.findAll { it.kind == 'CHECK_IN' }");
    }

    private List<Map<String, Object>> urgent() {
        return fixture.tasks(null).getList("items.findAll { it.kind == 'CHECK_IN' && it.priority == 'URGENT' }");
    }

    private void sweepUntil(ThrowingRunnable expectation) {
        RulesFixture.sweepUntil(sweeper, expectation);
    }
}
