package io.rapport.scheduler.consumer;

import static io.rapport.events.testing.TestTokens.bearer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.events.EventType;
import io.rapport.events.Topic;
import io.rapport.events.testing.CloudEventSender;
import io.restassured.path.json.JsonPath;

/**
 * Dead letters are applied again on an operator's request, through the consumer of the topic they came from: a valid
 * event is applied once however often it is re-driven, one that still fails goes back to the dead-letter topic, and
 * the answer counts each case.
 */
@QuarkusTest
class DeadLetterRedriveTest {

    private static final String DEAD_LETTERS = "rapport.scheduler.dlq.v1";
    private static final Instant CREATED = Instant.parse("2026-01-10T09:00:00Z");

    private final CloudEventSender sender = CloudEventSender.local();
    private final String rep = "rep-" + UUID.randomUUID();

    @AfterEach
    void close() {
        sender.close();
    }

    @Test
    void aDeadLetterIsAppliedOnceAndOneThatStillFailsStaysDead() {
        // whatever earlier runs left is re-driven first, so that what follows counts only this test's letters
        JsonPath before = redrive();

        UUID contact = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        sender.sendRecord(deadLetter(EventType.CONTACT_CREATED, eventId, contact, """
                {"id": "%s", "version": 0, "owner": "%s", "firstName": "Ada", "displayName": "Ada",
                 "checkInCadenceDays": 14, "createdAt": "%s", "updatedAt": "%s"}"""
                .formatted(contact, rep, CREATED, CREATED)));
        sender.sendRecord(deadLetter(EventType.CONTACT_CREATED, UUID.randomUUID().toString(), UUID.randomUUID(),
                "{\"id\": \"still missing its owner\"}"));
        given().header("Authorization", bearer("ops", "admin")).when().get("/api/v1/admin/dead-letters")
                .then().statusCode(200).body("'" + DEAD_LETTERS + "'", is(before.getInt("deadAgain") + 2));

        JsonPath first = redrive();
        assertThat(first.getInt("read")).isEqualTo(before.getInt("deadAgain") + 2);
        assertThat(first.getInt("applied")).isEqualTo(1);
        assertThat(first.getInt("alreadyApplied")).isZero();
        assertThat(first.getInt("deadAgain")).isEqualTo(before.getInt("deadAgain") + 1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given()
                .header("Authorization", bearer(rep, "rep")).queryParam("contactId", contact.toString())
                .when().get("/api/v1/tasks")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].kind", is("CHECK_IN"))
                .body("items[0].sourceEventIds", hasItem(eventId)));

        // the same letter dead again (say, written twice): applied before, so nothing changes
        sender.sendRecord(deadLetter(EventType.CONTACT_CREATED, eventId, contact, "{}"));
        JsonPath second = redrive();
        assertThat(second.getInt("applied")).isZero();
        assertThat(second.getInt("alreadyApplied")).isEqualTo(1);
        assertThat(second.getInt("deadAgain")).isEqualTo(first.getInt("deadAgain"));
        given().header("Authorization", bearer(rep, "rep")).queryParam("contactId", contact.toString())
                .when().get("/api/v1/tasks").then().body("items", hasSize(1));
    }

    @Test
    void onlyAnAdminMayRedrive() {
        given().header("Authorization", bearer("someone", "manager")).when().post("/api/v1/admin/dead-letters/redrive")
                .then().statusCode(403);
    }

    private static JsonPath redrive() {
        return given().header("Authorization", bearer("ops", "admin"))
                .when().post("/api/v1/admin/dead-letters/redrive")
                .then().statusCode(200).extract().jsonPath();
    }

    /** A record as the channel's dead-letter strategy writes it: the original's headers and where it came from. */
    private static ProducerRecord<String, String> deadLetter(EventType type, String eventId, UUID contact,
            String data) {
        ProducerRecord<String, String> original = CloudEventSender.record(type, eventId, contact.toString(),
                contact.toString(), CREATED, data);
        ProducerRecord<String, String> dead = new ProducerRecord<>(DEAD_LETTERS, contact.toString(), data);
        original.headers().forEach(dead.headers()::add);
        dead.headers().add("dead-letter-topic", Topic.CONTACTS.topicName().getBytes(StandardCharsets.UTF_8));
        dead.headers().add("dead-letter-reason", "Unable to acquire JDBC Connection".getBytes(StandardCharsets.UTF_8));
        return dead;
    }
}
