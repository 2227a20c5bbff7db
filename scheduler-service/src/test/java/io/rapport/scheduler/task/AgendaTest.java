package io.rapport.scheduler.task;

import static io.rapport.events.testing.TestTokens.bearer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.events.EventType;
import io.rapport.events.testing.CloudEventSender;
import io.rapport.events.testing.ConsumerAssignments;
import io.rapport.scheduler.MovableClock;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

@QuarkusTest
class AgendaTest {

    private static final Duration BOUND = Duration.ofSeconds(30);

    @Inject
    KafkaClientService kafka;
    @Inject
    MovableClock clock;
    @Inject
    EntityManager entityManager;

    private final CloudEventSender sender = CloudEventSender.local();
    private final String rep = "rep-" + UUID.randomUUID();
    /** Ten in the morning (UTC) of a fixed day: the agenda's "now". */
    private final Instant now = LocalDate.now(ZoneOffset.UTC).plusDays(1).atTime(10, 0).toInstant(ZoneOffset.UTC);

    @BeforeEach
    void setUp() {
        ConsumerAssignments.await(kafka, "contact-events", "interaction-events");
        clock.travelTo(now);
    }

    @AfterEach
    void tearDown() {
        clock.reset();
        sender.close();
    }

    @Test
    void theAgendaListsOverdueTodayAndUpcomingTasksMostUrgentFirst() {
        UUID old = contact(now.minus(Duration.ofDays(3)), 1, "Ada Lovelace"); // CHECK_IN due two days ago
        inbound(old, now.minus(Duration.ofHours(34)));        // RESPOND due ten hours ago, HIGH
        UUID fresh = contact(now, 3, "Grace Hopper");          // CHECK_IN due in three days
        commitment(fresh, now.plus(Duration.ofHours(53)));     // reminder due at 15:00 today
        awaitOpenTasks(4);

        JsonPath agenda = agenda("UTC");
        assertThat(agenda.getString("date")).isEqualTo(now.toString().substring(0, 10));
        assertThat(agenda.getList("overdue.kind")).containsExactly("RESPOND", "CHECK_IN");
        assertThat(agenda.getList("today.kind")).containsExactly("COMMITMENT_DUE");
        assertThat(agenda.getList("upcoming.kind")).containsExactly("CHECK_IN");
        assertThat(agenda.getBoolean("truncated")).isFalse();
        // each item names its contact, so the agenda renders without a call per row
        assertThat(agenda.getList("overdue.contactName")).containsExactly("Ada Lovelace", "Ada Lovelace");
        assertThat(agenda.getList("today.contactName")).containsExactly("Grace Hopper");
        given().header("Authorization", bearer(rep, "rep")).queryParam("contactId", fresh.toString())
                .when().get("/api/v1/tasks").then().statusCode(200)
                .body("items.contactName", everyItem(is("Grace Hopper")));

        // at 10:00 UTC it is already 23:00 in Auckland: the reminder at 15:00 UTC falls on its tomorrow
        JsonPath auckland = agenda("Pacific/Auckland");
        assertThat(auckland.getList("today.kind")).isEmpty();
        assertThat(auckland.getList("upcoming.kind")).containsExactly("COMMITMENT_DUE", "CHECK_IN");

        // an erased contact's name is gone from its tasks
        send(EventType.CONTACT_ERASED, old, old, """
                {"id": "%s", "erasedAt": "%s"}""".formatted(old, now));
        await().atMost(BOUND).untilAsserted(() -> given().header("Authorization", bearer(rep, "rep"))
                .queryParam("contactId", old.toString()).when().get("/api/v1/tasks").then().statusCode(200)
                .body("items", not(empty()))
                .body("items.status", everyItem(is("AUTO_RESOLVED")))
                .body("items.contactName", everyItem(nullValue())));
    }

    @Test
    void anAgendaOfMoreTasksThanItHoldsSaysSoAndCutsTheLatestDue() {
        // 501 open follow-ups a minute apart, from two hours ago on (half a minute off the clock's, which runs on
        // from "now"): the agenda holds 500
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                insert into task (id, version, contact_id, owner, kind, subject, status, priority, due_at, reason,
                                  rule, source_event_ids, created_at, updated_at)
                select gen_random_uuid(), 0, gen_random_uuid(), ?1, 'FOLLOW_UP', 'call ' || n, 'OPEN', 'NORMAL',
                       cast(?2 as timestamptz) + n * interval '1 minute' + interval '30 seconds', 'added by hand', 'manual-follow-up', '{}',
                       now(), now()
                from generate_series(1, 501) n""")
                .setParameter(1, rep).setParameter(2, now.minus(Duration.ofHours(2))).executeUpdate());
        try {
            JsonPath agenda = agenda("UTC");
            assertThat(agenda.getBoolean("truncated")).isTrue();
            List<String> shown = new ArrayList<>(agenda.getList("overdue.subject", String.class));
            shown.addAll(agenda.getList("today.subject", String.class));
            assertThat(shown).hasSize(500).contains("call 1", "call 500").doesNotContain("call 501");
            assertThat(agenda.getList("overdue.subject")).contains("call 1");
            assertThat(agenda.getList("upcoming")).isEmpty();
        } finally {
            QuarkusTransaction.requiringNew().run(() -> entityManager
                    .createNativeQuery("delete from task where owner = ?1").setParameter(1, rep).executeUpdate());
        }
    }

    @Test
    void aRepSeesOnlyTheirOwnAgendaAndBadParametersAreRejected() {
        given().header("Authorization", bearer("someone-else", "rep"))
                .when().get("/api/v1/owners/" + rep + "/agenda").then().statusCode(403);
        given().header("Authorization", bearer("carol", "manager"))
                .when().get("/api/v1/owners/" + rep + "/agenda").then().statusCode(200);
        given().header("Authorization", bearer(rep, "rep")).queryParam("timezone", "Mars/Base")
                .when().get("/api/v1/owners/" + rep + "/agenda")
                .then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", bearer(rep, "rep")).queryParam("days", 90)
                .when().get("/api/v1/owners/" + rep + "/agenda")
                .then().statusCode(400).contentType("application/problem+json");
    }

    private UUID contact(Instant created, int cadence, String name) {
        UUID contact = UUID.randomUUID();
        send(EventType.CONTACT_CREATED, contact, contact, """
                {"id": "%s", "version": 0, "owner": "%s", "firstName": "Ada", "displayName": "%s",
                 "checkInCadenceDays": %d, "createdAt": "%s", "updatedAt": "%s"}"""
                .formatted(contact, rep, name, cadence, created, created));
        return contact;
    }

    private void inbound(UUID contact, Instant at) {
        UUID id = UUID.randomUUID();
        send(EventType.INTERACTION_LOGGED, contact, id, """
                {"id": "%s", "version": 0, "contactId": "%s", "owner": "%s", "type": "EMAIL", "direction": "INBOUND",
                 "occurredAt": "%s", "requiresResponse": true}""".formatted(id, contact, rep, at));
    }

    private void commitment(UUID contact, Instant due) {
        UUID id = UUID.randomUUID();
        send(EventType.COMMITMENT_MADE, contact, id, """
                {"id": "%s", "version": 0, "contactId": "%s", "owner": "%s",
                 "dueAt": "%s", "status": "OPEN"}""".formatted(id, contact, rep, due));
    }

    private void send(EventType type, UUID contact, UUID subject, String data) {
        sender.send(type, UUID.randomUUID().toString(), contact.toString(), subject.toString(), now, data);
    }

    private void awaitOpenTasks(int count) {
        await().atMost(BOUND).untilAsserted(() -> assertThat(given().header("Authorization", bearer(rep, "rep"))
                .queryParam("owner", rep).queryParam("status", "OPEN")
                .when().get("/api/v1/tasks").then().statusCode(200).extract().jsonPath().getList("items"))
                .hasSize(count));
    }

    private JsonPath agenda(String timezone) {
        return given().header("Authorization", bearer(rep, "rep")).queryParam("timezone", timezone)
                .when().get("/api/v1/owners/" + rep + "/agenda").then().statusCode(200).extract().jsonPath();
    }
}
