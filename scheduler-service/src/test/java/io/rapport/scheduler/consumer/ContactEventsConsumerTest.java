package io.rapport.scheduler.consumer;

import static io.rapport.events.testing.TestTokens.bearer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.events.EventType;
import io.rapport.events.Topic;
import io.rapport.events.testing.CloudEventSender;
import io.rapport.events.testing.ConsumerAssignments;
import io.rapport.events.testing.TopicWatcher;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import jakarta.inject.Inject;

@QuarkusTest
class ContactEventsConsumerTest {

    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final Instant CREATED = Instant.parse("2026-01-10T09:00:00Z");

    private final CloudEventSender sender = CloudEventSender.local();
    private final String rep = "rep-" + UUID.randomUUID();

    @Inject
    KafkaClientService kafka;

    /** The consumer starts at the end of the topic: events sent before it has its partitions would be missed. */
    @BeforeEach
    void awaitPartitionAssignment() {
        ConsumerAssignments.await(kafka, "contact-events");
    }

    @AfterEach
    void close() {
        sender.close();
    }

    @Test
    void contactCreatedRaisesACheckInTaskDueAfterTheCadence() throws Exception {
        UUID contact = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        try (TopicWatcher tasksTopic = TopicWatcher.local(Topic.TASKS.topicName())) {
            sendContact(EventType.CONTACT_CREATED, eventId, contact, contact, 0, 14);

            awaitTasks(contact, rep, 1)
                    .body("items[0].kind", is("CHECK_IN"))
                    .body("items[0].status", is("OPEN"))
                    .body("items[0].owner", is(rep))
                    .body("items[0].dueAt", is("2026-01-24T09:00:00Z"))
                    .body("items[0].reason", containsString("check-in cadence 14 days"))
                    .body("items[0].rule", is("check-in-cadence"))
                    .body("items[0].sourceEventIds", hasItem(eventId));

            ConsumerRecord<String, String> created = tasksTopic.await(r -> contact.toString().equals(r.key()), BOUND);
            assertThat(TopicWatcher.header(created, "ce_type")).isEqualTo("rapport.task.created.v1");
            JsonNode data = new ObjectMapper().readTree(created.value());
            assertThat(data.get("kind").asText()).isEqualTo("CHECK_IN");
            assertThat(data.get("contactId").asText()).isEqualTo(contact.toString());
            assertThat(data.get("dueAt").asText()).isEqualTo("2026-01-24T09:00:00Z");
        }
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        UUID contact = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        sendContact(EventType.CONTACT_CREATED, eventId, contact, contact, 0, 30);
        sendContact(EventType.CONTACT_CREATED, eventId, contact, contact, 0, 30);
        awaitMarkerBehind(contact);

        tasksOf(contact, rep).body("items", hasSize(1)).body("nextCursor", nullValue());
    }

    @Test
    void anOlderSnapshotArrivingLateChangesNothing() {
        UUID contact = UUID.randomUUID();
        sendContact(EventType.CONTACT_UPDATED, UUID.randomUUID().toString(), contact, contact, 2, 10);
        sendContact(EventType.CONTACT_CREATED, UUID.randomUUID().toString(), contact, contact, 0, 30);
        awaitMarkerBehind(contact);

        tasksOf(contact, rep).body("items", hasSize(1)).body("items[0].dueAt", is("2026-01-20T09:00:00Z"));
    }

    @Test
    void poisonMessagesGoToTheDeadLetterTopicAndConsumptionGoesOn() {
        UUID contact = UUID.randomUUID();
        String key = contact.toString();
        try (TopicWatcher deadLetters = TopicWatcher.local("rapport.scheduler.dlq.v1")) {
            sender.send(EventType.CONTACT_CREATED, UUID.randomUUID().toString(), key, key, CREATED, "{not json");
            sender.sendRecord(new ProducerRecord<>(Topic.CONTACTS.topicName(), key, "{\"no\":\"cloudevent\"}"));
            sender.send(EventType.CONTACT_CREATED, UUID.randomUUID().toString(), key, key, CREATED,
                    "{\"id\":\"" + key + "\",\"version\":0}");

            List<ConsumerRecord<String, String>> dead = deadLetters.awaitAll(r -> key.equals(r.key()), 3, BOUND);
            assertThat(dead).extracting(r -> TopicWatcher.header(r, "dead-letter-reason"))
                    .containsExactly("data of event " + TopicWatcher.header(dead.get(0), "ce_id") + " is not JSON",
                            "not a CloudEvent: ce_ headers missing",
                            "contact snapshot in event " + TopicWatcher.header(dead.get(2), "ce_id")
                                    + " lacks id or owner");
            assertThat(dead).extracting(r -> TopicWatcher.header(r, "dead-letter-topic"))
                    .containsOnly(Topic.CONTACTS.topicName());
        }
        sendContact(EventType.CONTACT_CREATED, UUID.randomUUID().toString(), contact, contact, 0, 30);
        awaitTasks(contact, rep, 1);
    }

    /**
     * Events are applied a batch at a time, in one transaction: a poison event inside a batch rolls it back, goes to
     * the dead-letter topic alone, and the rest of the batch is applied, each event once even when it came twice.
     */
    @Test
    void aPoisonEventInsideABatchIsDeadLetteredAloneAndTheRestOfTheBatchApplied() {
        UUID first = UUID.randomUUID();
        UUID poisoned = UUID.randomUUID();
        UUID last = UUID.randomUUID();
        String firstEvent = UUID.randomUUID().toString();
        String poisonEvent = UUID.randomUUID().toString();
        KafkaConsumer<Object, Object> consumer = kafka.getConsumer("contact-events");
        try (TopicWatcher deadLetters = TopicWatcher.local("rapport.scheduler.dlq.v1")) {
            // held back, so that one poll returns all of them: one batch
            consumer.pause().await().atMost(BOUND);
            try {
                sendContact(EventType.CONTACT_CREATED, firstEvent, first, first, 0, 30);
                sender.send(EventType.CONTACT_CREATED, poisonEvent, first.toString(), poisoned.toString(), CREATED,
                        "{\"id\":\"" + poisoned + "\",\"version\":0}");
                sendContact(EventType.CONTACT_CREATED, firstEvent, first, first, 0, 30);
                sendContact(EventType.CONTACT_CREATED, UUID.randomUUID().toString(), first, last, 0, 30);
            } finally {
                consumer.resume().await().atMost(BOUND);
            }
            awaitTasks(last, rep, 1);
            awaitTasks(first, rep, 1);
            // a later event on the partition has been applied: the batch before it, dead letter included, is done
            awaitMarkerBehind(first);
            List<ConsumerRecord<String, String>> dead = deadLetters.awaitAll(r -> first.toString().equals(r.key()), 1,
                    BOUND);
            assertThat(dead).extracting(r -> TopicWatcher.header(r, "ce_id")).as("only the poison event")
                    .containsOnly(poisonEvent);
        }
        tasksOf(poisoned, rep).body("items", hasSize(0));
    }

    @Test
    void aRepSeesOnlyTheirOwnTasks() {
        UUID contact = UUID.randomUUID();
        sendContact(EventType.CONTACT_CREATED, UUID.randomUUID().toString(), contact, contact, 0, 30);
        awaitTasks(contact, rep, 1);

        tasksOf(contact, "someone-else").body("items", hasSize(0));
        given().header("Authorization", bearer("carol", "manager"))
                .queryParam("contactId", contact.toString())
                .when().get("/api/v1/tasks")
                .then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void badFiltersAreRejected() {
        given().header("Authorization", bearer(rep, "rep")).queryParam("status", "LOST")
                .when().get("/api/v1/tasks")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("status"));
        given().header("Authorization", bearer(rep, "rep")).queryParam("contactId", "nope")
                .when().get("/api/v1/tasks")
                .then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", bearer(rep, "rep")).queryParam("limit", 5000)
                .when().get("/api/v1/tasks")
                .then().statusCode(400).contentType("application/problem+json");
    }

    /**
     * Sends a valid event for another contact on the same partition (same key) and waits for its task: the
     * consumer applies one partition in order, so everything sent before it has been processed.
     */
    private void awaitMarkerBehind(UUID key) {
        UUID marker = UUID.randomUUID();
        sendContact(EventType.CONTACT_CREATED, UUID.randomUUID().toString(), key, marker, 0, 30);
        awaitTasks(marker, rep, 1);
    }

    private void sendContact(EventType type, String eventId, UUID key, UUID contact, long version, int cadence) {
        String data = """
                {"id": "%s", "version": %d, "owner": "%s", "firstName": "Ada", "lastName": "Lovelace",
                 "displayName": "Ada Lovelace", "email": "ada@example.com", "checkInCadenceDays": %d,
                 "timezone": "Europe/London", "createdAt": "%s", "updatedAt": "%s"}"""
                .formatted(contact, version, rep, cadence, CREATED, CREATED);
        sender.send(type, eventId, key.toString(), contact.toString(), CREATED, data);
    }

    private ValidatableResponse awaitTasks(UUID contact, String user, int count) {
        await().atMost(BOUND).untilAsserted(() -> tasksOf(contact, user).body("items", hasSize(count)));
        return tasksOf(contact, user);
    }

    private static ValidatableResponse tasksOf(UUID contact, String user) {
        return given().header("Authorization", bearer(user, "rep"))
                .queryParam("contactId", contact.toString())
                .when().get("/api/v1/tasks")
                .then().statusCode(200);
    }
}
