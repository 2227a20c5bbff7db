package io.rapport.scheduler.digest;

import static io.rapport.events.testing.TestTokens.bearer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.delivery.DeliveryDispatcher;
import io.rapport.events.EventType;
import io.rapport.events.testing.CloudEventSender;
import io.rapport.events.testing.ConsumerAssignments;
import io.rapport.mail.testing.Mailbox;
import io.rapport.scheduler.MovableClock;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;

/**
 * Each rep's agenda by email at a time of their own day, read back from the local SMTP server: once a day whatever
 * runs the sweep, nothing on an empty day unless asked. The clock moves; nothing sleeps.
 */
@QuarkusTest
class DigestTest {

    private static final Duration BOUND = Duration.ofSeconds(30);
    /** 05:00 UTC, 06:00 in Berlin, of a day to come: the digest is due at 07:30 Berlin time, 06:30 UTC. */
    private static final LocalDate DAY = LocalDate.now(ZoneOffset.UTC).plusDays(3);
    private static final Instant MORNING = DAY.atTime(5, 0).toInstant(ZoneOffset.UTC);

    @Inject
    KafkaClientService kafka;
    @Inject
    MovableClock clock;
    @Inject
    DigestSweeper sweeper;
    @Inject
    TaskAlertSweeper alerts;
    @Inject
    SentMailPurge purge;
    @Inject
    EntityManager entityManager;
    @Inject
    DeliveryDispatcher dispatcher;

    private final CloudEventSender sender = CloudEventSender.local();
    private final String rep = "rep-" + UUID.randomUUID();
    private final String address = Mailbox.freshAddress("rep");

    @BeforeEach
    void setUp() {
        ConsumerAssignments.await(kafka, "contact-events", "interaction-events");
        clock.travelTo(MORNING);
    }

    @AfterEach
    void tearDown() {
        clock.reset();
        sender.close();
    }

    @Test
    void aRepGetsTheirAgendaByEmailOnceADayAtTheirTimeOfDay() throws Exception {
        UUID contact = contact(MORNING.minus(Duration.ofDays(3)), "Ada Lovelace"); // CHECK_IN two days overdue
        String task = awaitOpenTask(contact);
        JsonPath set = as(rep).body(settings("07:30", "Europe/Berlin", true, false))
                .when().put("/api/v1/owners/" + rep + "/digest")
                .then().statusCode(200)
                .body("owner", is(rep)).body("address", is(address)).body("time", is("07:30:00"))
                .body("timezone", is("Europe/Berlin")).body("enabled", is(true)).body("lastDigest", nullValue())
                .extract().jsonPath();
        assertThat(Instant.parse(set.getString("nextDigestAt"))).isEqualTo(DAY.atTime(6, 30).toInstant(ZoneOffset.UTC));
        // the settings are tagged by their content: a copy is revalidated, until a digest goes out
        String settingsTag = as(rep).when().get("/api/v1/owners/" + rep + "/digest").then().statusCode(200)
                .extract().header("ETag");
        as(rep).header("If-None-Match", settingsTag).when().get("/api/v1/owners/" + rep + "/digest")
                .then().statusCode(304).header("ETag", is(settingsTag)).body(is(""));

        sweeper.sweep(); // 06:00 in Berlin: not yet
        assertThat(digests()).isZero();

        clock.advance(Duration.ofMinutes(95)); // 07:35 in Berlin
        sweeper.sweep();
        MimeMessage mail = Mailbox.awaitMessages(address, 1).get(0);
        assertThat(mail.getSubject()).isEqualTo("Your day, " + DAY.getDayOfWeek().getDisplayName(
                java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH) + " " + DAY.getDayOfMonth() + " "
                + DAY.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH)
                + ": 1 overdue, 0 today, 0 coming up");
        String text = Mailbox.part(mail, "text/plain");
        assertThat(text).contains("Overdue (1)").contains("- Ada Lovelace: CHECK_IN (NORMAL), due")
                .contains("check-in cadence 1 days")
                .contains("https://app.example.com/contacts/" + contact + "?task=" + task)
                .doesNotContain("Today (");
        assertThat(Mailbox.part(mail, "text/html"))
                .contains("<a href=\"https://app.example.com/contacts/" + contact + "?task=" + task + "\"");
        await().atMost(BOUND).untilAsserted(() -> as(rep).when().get("/api/v1/owners/" + rep + "/digest")
                .then().statusCode(200).body("lastDigest.date", is(DAY.toString()))
                .body("lastDigest.deliveryStatus", is("SENT"))
                .body("nextDigestAt", is(DAY.plusDays(1).atTime(6, 30).toInstant(ZoneOffset.UTC).toString())));
        String sentTag = as(rep).header("If-None-Match", settingsTag).when().get("/api/v1/owners/" + rep + "/digest")
                .then().statusCode(200).body("lastDigest.deliveryStatus", is("SENT")).extract().header("ETag");
        assertThat(sentTag).isNotEqualTo(settingsTag).startsWith("\"");

        // another sweep, or a replica that read the subscription before it moved on: still one digest that day
        sweeper.sweep();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "update digest_subscription set next_digest_at = ?1 where owner = ?2")
                .setParameter(1, DAY.atTime(6, 30).toInstant(ZoneOffset.UTC)).setParameter(2, rep).executeUpdate());
        sweeper.sweep();
        assertThat(digests()).isEqualTo(1);

        clock.advance(Duration.ofDays(1)); // the next morning
        sweeper.sweep();
        assertThat(Mailbox.awaitMessages(address, 2)).hasSize(2);
        assertThat(digests()).isEqualTo(2);
    }

    @Test
    void anEmptyDaySendsNothingUnlessTheRepAskedForIt() {
        as(rep).body(settings("06:00", "UTC", true, false)).when().put("/api/v1/owners/" + rep + "/digest")
                .then().statusCode(200);
        String keen = "rep-" + UUID.randomUUID();
        String keenAddress = Mailbox.freshAddress("keen");
        as(keen).body(settings("06:00", "UTC", true, true).replace(address, keenAddress))
                .when().put("/api/v1/owners/" + keen + "/digest").then().statusCode(200);

        clock.advance(Duration.ofHours(1));
        sweeper.sweep();
        assertThat(Mailbox.part(Mailbox.awaitMessages(keenAddress, 1).get(0), "text/plain"))
                .contains("Nothing is due");
        await().atMost(BOUND).untilAsserted(() -> as(rep).when().get("/api/v1/owners/" + rep + "/digest")
                .then().body("lastDigest.deliveryStatus", is("CANCELLED"))
                .body("lastDigest.deliveryError", is("Nothing on the agenda")));
        assertThat(Mailbox.messages(address)).isEmpty();
    }

    @Test
    void aDigestStillUnsentWhenTheNextOneIsDueIsGivenUp() {
        as(rep).body(settings("04:30", "UTC", true, true)).when().put("/api/v1/owners/" + rep + "/digest")
                .then().statusCode(200);
        // yesterday's digest, which a mail server kept refusing until after today's was due at 04:30
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                insert into digest (id, owner, digest_date, address, timezone, send_when_empty, created_at,
                                    delivery_status, delivery_attempts, next_delivery_at)
                values (gen_random_uuid(), ?1, ?2, ?3, 'UTC', true, ?4, 'QUEUED', 5, ?4)""")
                .setParameter(1, rep).setParameter(2, DAY.minusDays(1)).setParameter(3, address)
                .setParameter(4, MORNING.minus(Duration.ofHours(1))).executeUpdate());
        dispatcher.wake();
        await().atMost(BOUND).untilAsserted(() -> as(rep).when().get("/api/v1/owners/" + rep + "/digest")
                .then().body("lastDigest.date", is(DAY.minusDays(1).toString()))
                .body("lastDigest.deliveryStatus", is("CANCELLED"))
                .body("lastDigest.deliveryError", is("The next day's digest is due")));
        assertThat(Mailbox.messages(address)).isEmpty();
    }

    @Test
    void anUrgentOrHighTaskIsEmailedAtOnceToTheRepsWhoAskedForIt() throws Exception {
        UUID before = contact(MORNING.minus(Duration.ofDays(1)), "Ada Lovelace");
        inbound(before, MORNING.minus(Duration.ofHours(34))); // RESPOND, HIGH, raised before the rep asked
        awaitOpenTasks(before, 2);
        clock.advance(Duration.ofMinutes(1));
        as(rep).body(withInstantAlerts(settings("07:30", "Europe/Berlin", false, false)))
                .when().put("/api/v1/owners/" + rep + "/digest")
                .then().statusCode(200).body("instantAlerts", is(true));

        UUID contact = contact(MORNING.minus(Duration.ofDays(1)), "Grace Hopper"); // CHECK_IN, NORMAL: no alert
        inbound(contact, MORNING.minus(Duration.ofHours(34)));                     // RESPOND, HIGH
        String respond = awaitOpenTasks(contact, 2).stream().filter(task -> task.kind().equals("RESPOND"))
                .findFirst().orElseThrow().id();
        alerts.sweep();
        MimeMessage alert = Mailbox.awaitMessages(address, 1).get(0);
        assertThat(alert.getSubject()).startsWith("HIGH: RESPOND for Grace Hopper, due ").endsWith("(Europe/Berlin)");
        assertThat(alert.getHeader("X-Rapport-Task")).containsExactly(respond);
        assertThat(Mailbox.part(alert, "text/plain"))
                .contains("https://app.example.com/contacts/" + contact + "?task=" + respond);

        alerts.sweep(); // once per task
        await().atMost(BOUND).until(() -> alertStatus(respond), "SENT"::equals);
        assertThat(Mailbox.messages(address)).hasSize(1);

        // an URGENT one, a follow-up added by hand, is alerted as well
        String urgent = as(rep).body("""
                {"contactId": "%s", "subject": "Contract at risk", "dueAt": "%s", "priority": "URGENT"}"""
                .formatted(contact, MORNING.plus(Duration.ofHours(2)))).when().post("/api/v1/tasks")
                .then().statusCode(201).extract().path("id");
        alerts.sweep();
        MimeMessage urgentAlert = Mailbox.awaitMessages(address, 2).stream()
                .filter(mail -> urgent.equals(header(mail, "X-Rapport-Task"))).findFirst().orElseThrow();
        assertThat(urgentAlert.getSubject()).startsWith("URGENT: FOLLOW_UP for Grace Hopper, due ");
    }

    private static String header(MimeMessage mail, String name) {
        try {
            String[] values = mail.getHeader(name);
            return values == null ? null : values[0];
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void digestsDoneWithAreForgottenAfterNinetyDaysAndThoseStillToSendAreKept() {
        as(rep).body(settings("06:00", "UTC", true, true)).when().put("/api/v1/owners/" + rep + "/digest")
                .then().statusCode(200);
        clock.advance(Duration.ofHours(1));
        sweeper.sweep();
        await().atMost(BOUND).untilAsserted(() -> as(rep).when().get("/api/v1/owners/" + rep + "/digest")
                .then().body("lastDigest.deliveryStatus", is("SENT")));
        // an old digest still to send (its next attempt a year ahead): kept, whatever its age
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                insert into digest (id, owner, digest_date, address, timezone, send_when_empty, created_at,
                                    delivery_status, next_delivery_at)
                values (?1, ?2, ?3, ?4, 'UTC', false, ?5, 'QUEUED', ?6)""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, rep).setParameter(3, DAY.minusDays(200))
                .setParameter(4, address).setParameter(5, MORNING.minus(Duration.ofDays(200)))
                .setParameter(6, MORNING.plus(Duration.ofDays(365))).executeUpdate());

        clock.advance(Duration.ofDays(91));
        purge.purge();
        assertThat(digests()).isEqualTo(1);
        as(rep).when().get("/api/v1/owners/" + rep + "/digest").then()
                .body("lastDigest.date", is(DAY.minusDays(200).toString()))
                .body("lastDigest.deliveryStatus", is("QUEUED"));
    }

    @Test
    void aDigestSwitchedOffIsNotSent() {
        as(rep).body(settings("04:00", "UTC", false, true)).when().put("/api/v1/owners/" + rep + "/digest")
                .then().statusCode(200).body("enabled", is(false)).body("nextDigestAt", nullValue());
        clock.advance(Duration.ofDays(1));
        sweeper.sweep();
        assertThat(digests()).isZero();
    }

    @Test
    void aRepSetsOnlyTheirOwnDigestAndBadSettingsAreRefused() {
        String path = "/api/v1/owners/" + rep + "/digest";
        as("someone-else").body(settings("07:30", "UTC", true, false)).when().put(path).then().statusCode(403);
        given().header("Authorization", bearer("ivan", "integrator")).contentType(ContentType.JSON)
                .body(settings("07:30", "UTC", true, false)).when().put(path).then().statusCode(403);
        as("someone-else").when().get(path).then().statusCode(403);
        as(rep).when().get(path).then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", bearer("carol", "manager")).contentType(ContentType.JSON)
                .body(settings("07:30", "UTC", true, false)).when().put(path).then().statusCode(200);

        as(rep).body("""
                {"address": "not an address", "time": "07:30", "timezone": "Mars/Base"}""")
                .when().put(path)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItems("address", "timezone", "enabled"));
        as(rep).body(settings("25:00", "UTC", true, false)).when().put(path)
                .then().statusCode(400).contentType("application/problem+json");
        as(rep).when().get(path).then().statusCode(200).body("time", is("07:30:00")); // the manager's, unchanged
    }

    private String settings(String time, String zone, boolean enabled, boolean whenEmpty) {
        return """
                {"address": "%s", "time": "%s", "timezone": "%s", "enabled": %s, "sendWhenEmpty": %s}"""
                .formatted(address, time, zone, enabled, whenEmpty);
    }

    private String withInstantAlerts(String settings) {
        return settings.replace("}", ", \"instantAlerts\": true}");
    }

    private static RequestSpecification as(String user) {
        return given().header("Authorization", bearer(user, "rep")).contentType(ContentType.JSON);
    }

    private long digests() {
        return ((Number) entityManager.createNativeQuery("select count(*) from digest where owner = ?1")
                .setParameter(1, rep).getSingleResult()).longValue();
    }

    private UUID contact(Instant created, String name) {
        UUID contact = UUID.randomUUID();
        sender.send(EventType.CONTACT_CREATED, UUID.randomUUID().toString(), contact.toString(), contact.toString(),
                created, """
                        {"id": "%s", "version": 0, "owner": "%s", "firstName": "Ada", "displayName": "%s",
                         "checkInCadenceDays": 1, "createdAt": "%s", "updatedAt": "%s"}"""
                        .formatted(contact, rep, name, created, created));
        return contact;
    }

    private record OpenTask(String id, String kind) {
    }

    private List<OpenTask> awaitOpenTasks(UUID contact, int count) {
        return await().atMost(BOUND).until(() -> given().header("Authorization", bearer(rep, "rep"))
                .queryParam("contactId", contact.toString()).queryParam("status", "OPEN")
                .when().get("/api/v1/tasks").then().statusCode(200).extract().jsonPath()
                .<java.util.Map<String, String>> getList("items").stream()
                .map(item -> new OpenTask(item.get("id"), item.get("kind"))).toList(), tasks -> tasks.size() == count);
    }

    private String alertStatus(String task) {
        // polled on Awaitility's thread: a transaction of its own
        List<?> status = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("select delivery_status from task_alert where id = ?1")
                .setParameter(1, UUID.fromString(task)).getResultList());
        return status.isEmpty() ? null : (String) status.get(0);
    }

    private void inbound(UUID contact, Instant at) {
        UUID id = UUID.randomUUID();
        sender.send(EventType.INTERACTION_LOGGED, UUID.randomUUID().toString(), contact.toString(), id.toString(),
                at, """
                        {"id": "%s", "version": 0, "contactId": "%s", "owner": "%s", "type": "EMAIL",
                         "direction": "INBOUND", "occurredAt": "%s", "requiresResponse": true}"""
                        .formatted(id, contact, rep, at));
    }

    private String awaitOpenTask(UUID contact) {
        return await().atMost(BOUND).until(() -> given().header("Authorization", bearer(rep, "rep"))
                .queryParam("contactId", contact.toString()).queryParam("status", "OPEN")
                .when().get("/api/v1/tasks").then().statusCode(200).extract().jsonPath().<String> getList("items.id"),
                ids -> ids.size() == 1).get(0);
    }
}
