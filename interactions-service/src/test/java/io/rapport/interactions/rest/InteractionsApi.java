package io.rapport.interactions.rest;

import static io.rapport.events.testing.TestTokens.bearer;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.rapport.events.EventType;
import io.rapport.events.testing.CloudEventSender;
import io.rapport.events.testing.ConsumerAssignments;
import io.rapport.events.testing.TopicWatcher;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;

/**
 * Shorthands for the interactions API as a given user calls it, and for the contact events that populate the
 * service's contact projection: they go through Kafka, as contacts-service would send them.
 */
public final class InteractionsApi {

    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String MERGE_PATCH = "application/merge-patch+json";
    public static final Duration BOUND = Duration.ofSeconds(30);
    public static final Instant CREATED = Instant.parse("2026-01-10T09:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private InteractionsApi() {
    }

    public static RequestSpecification as(String user, String role) {
        return given().header("Authorization", bearer(user, role)).contentType(ContentType.JSON);
    }

    /** The consumer starts at the end of the topic: events sent before it has its partitions would be missed. */
    public static void awaitPartitionAssignment(KafkaClientService kafka) {
        ConsumerAssignments.await(kafka, "contact-events");
    }

    /** Sends contact.created for a new contact owned by {@code owner} and waits until the service knows it. */
    public static UUID knownContact(CloudEventSender sender, String owner) {
        UUID contact = UUID.randomUUID();
        sendSnapshot(sender, EventType.CONTACT_CREATED, UUID.randomUUID().toString(), contact, 0, owner);
        awaitTimelineStatus(contact, 200);
        return contact;
    }

    public static void sendSnapshot(CloudEventSender sender, EventType type, String eventId, UUID contact,
            long version, String owner) {
        String data = """
                {"id": "%s", "version": %d, "owner": "%s", "firstName": "Ada", "lastName": "Lovelace",
                 "displayName": "Ada Lovelace", "primaryEmail": "ada@example.com", "checkInCadenceDays": 30,
                 "createdAt": "%s", "updatedAt": "%s"}""".formatted(contact, version, owner, CREATED, CREATED);
        sender.send(type, eventId, contact.toString(), contact.toString(), CREATED, data);
    }

    public static void sendMerged(CloudEventSender sender, UUID merged, UUID survivor) {
        sender.send(EventType.CONTACT_MERGED, UUID.randomUUID().toString(), merged.toString(), merged.toString(),
                CREATED, """
                        {"mergedId": "%s", "survivorId": "%s", "mergedAt": "%s"}""".formatted(merged, survivor, CREATED));
    }

    public static void sendErased(CloudEventSender sender, UUID contact) {
        sender.send(EventType.CONTACT_ERASED, UUID.randomUUID().toString(), contact.toString(), contact.toString(),
                CREATED, """
                        {"id": "%s", "erasedAt": "%s"}""".formatted(contact, CREATED));
    }

    /** Polls the contact's timeline (as an admin) until it answers {@code status}. */
    public static void awaitTimelineStatus(UUID contact, int status) {
        await().atMost(BOUND).until(() -> as("root", "admin").get("/api/v1/contacts/" + contact + "/timeline")
                .statusCode() == status);
    }

    public static String interactionJson(UUID contact, String type, String direction, String occurredAt) {
        return """
                {"contactId": "%s", "type": "%s", "direction": "%s", "occurredAt": "%s"}"""
                .formatted(contact, type, direction, occurredAt);
    }

    public static String logInteraction(String user, String role, String json) {
        return as(user, role).body(json).post("/api/v1/interactions").then().statusCode(201).extract().path("id");
    }

    public static String commitmentJson(UUID contact, String description, String dueAt) {
        return """
                {"contactId": "%s", "description": "%s", "dueAt": "%s"}""".formatted(contact, description, dueAt);
    }

    public static String makeCommitment(String user, String role, String json) {
        return as(user, role).body(json).post("/api/v1/commitments").then().statusCode(201).extract().path("id");
    }

    public static String etag(String user, String role, String path) {
        return as(user, role).get(path).then().statusCode(200).extract().header("ETag");
    }

    /** The next record on the watched topic for this contact with this CloudEvents type. */
    public static ConsumerRecord<String, String> awaitEvent(TopicWatcher watcher, UUID contact, EventType type,
            String subject) {
        return watcher.await(r -> contact.toString().equals(r.key())
                && type.cloudEventType().equals(TopicWatcher.header(r, "ce_type"))
                && subject.equals(TopicWatcher.header(r, "ce_subject")), BOUND);
    }

    public static JsonNode data(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value());
        } catch (Exception e) {
            throw new AssertionError("event data is not JSON: " + record.value(), e);
        }
    }
}
