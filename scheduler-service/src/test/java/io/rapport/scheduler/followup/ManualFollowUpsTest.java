package io.rapport.scheduler.followup;

import static io.rapport.events.testing.TestTokens.bearer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.events.EventType;
import io.rapport.events.Topic;
import io.rapport.events.testing.CloudEventSender;
import io.rapport.events.testing.ConsumerAssignments;
import io.rapport.events.testing.ContactsServiceStub;
import io.rapport.events.testing.TopicWatcher;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;

/**
 * Follow-ups a rep adds by hand: published, listed, put on the agenda and closed like the tasks the rules raise,
 * refused with the answers every service gives about contacts, carried over by a merge and purged by an erasure.
 */
@QuarkusTest
@QuarkusTestResource(ContactsServiceStub.class)
class ManualFollowUpsTest {

    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final String PROBLEM_JSON = "application/problem+json";

    @Inject
    KafkaClientService kafka;

    private final CloudEventSender sender = CloudEventSender.local();
    private final String rep = "rep-" + UUID.randomUUID();
    private final String due = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS).toString();

    @BeforeEach
    void awaitPartitionAssignment() {
        ConsumerAssignments.await(kafka, "contact-events");
    }

    @AfterEach
    void close() {
        sender.close();
    }

    @Test
    void aFollowUpIsPublishedListedOnTheAgendaAndClosedLikeAnyTask() throws Exception {
        UUID contact = projectedContact();
        String id;
        try (TopicWatcher topic = TopicWatcher.local(Topic.TASKS.topicName())) {
            id = as(rep, "rep").body(body(contact, "  Send the renewal proposal ", due, "HIGH",
                    "she asked for it by Friday"))
                    .when().post("/api/v1/tasks")
                    .then().statusCode(201).contentType(ContentType.JSON)
                    .header("ETag", "\"0\"")
                    .body("kind", is("FOLLOW_UP"))
                    .body("status", is("OPEN"))
                    .body("subject", is("Send the renewal proposal"))
                    .body("priority", is("HIGH"))
                    .body("dueAt", is(due))
                    .body("reason", is("Added by " + rep + ": she asked for it by Friday"))
                    .body("rule", is(ManualFollowUps.RULE))
                    .body("owner", is(rep))
                    .body("contactName", is("Ada Lovelace"))
                    .extract().path("id");
            ConsumerRecord<String, String> created = topic.await(r -> r.value().contains(id)
                    && "rapport.task.created.v1".equals(TopicWatcher.header(r, "ce_type")), BOUND);
            assertThat(created.key()).isEqualTo(contact.toString());
            JsonNode data = new ObjectMapper().readTree(created.value());
            assertThat(data.get("kind").asText()).isEqualTo("FOLLOW_UP");
            assertThat(data.get("rule").asText()).isEqualTo(ManualFollowUps.RULE);
            // what the rep wrote stays in the scheduler, where an erasure reaches it
            assertThat(created.value()).doesNotContain("renewal").doesNotContain("Friday");
        }
        as(rep, "rep").when().get("/api/v1/tasks/" + id).then().statusCode(200).header("ETag", "\"0\"");
        as(rep, "rep").queryParam("contactId", contact.toString()).queryParam("kind", "FOLLOW_UP")
                .when().get("/api/v1/tasks").then().statusCode(200).body("items.id", contains(id));
        as(rep, "rep").when().get("/api/v1/owners/" + rep + "/agenda")
                .then().statusCode(200).body("upcoming.id", hasItem(id));

        // one open follow-up per subject: the second names the first
        as(rep, "rep").body(body(contact, "Send the renewal proposal", due, null, null))
                .when().post("/api/v1/tasks")
                .then().statusCode(409).contentType(PROBLEM_JSON).body("otherTaskId", is(id));

        as(rep, "rep").header("If-Match", "\"0\"").body("{\"note\": \"sent\"}")
                .when().post("/api/v1/tasks/" + id + "/complete")
                .then().statusCode(200).body("status", is("COMPLETED"));
        // once it is done, the same subject may come up again: another task
        String again = as(rep, "rep").body(body(contact, "Send the renewal proposal", due, null, null))
                .when().post("/api/v1/tasks")
                .then().statusCode(201).body("priority", is("NORMAL")).body("reason", is("Added by " + rep))
                .extract().path("id");
        assertThat(again).isNotEqualTo(id);
    }

    @Test
    void badInputIsRefusedAndAddsNothing() {
        UUID contact = projectedContact();
        List<String> bodies = List.of(
                "{\"contactId\": \"" + contact + "\", \"dueAt\": \"" + due + "\"}",
                body(contact, " ", due, null, null),
                body(contact, "x".repeat(201), due, null, null),
                "{\"contactId\": \"" + contact + "\", \"subject\": \"Call\"}",
                body(contact, "Call", "next friday", null, null),
                body(contact, "Call", due, "SOON", null),
                body(contact, "Call", due, null, "x".repeat(1001)),
                "{\"contactId\": \"not-a-uuid\", \"subject\": \"Call\", \"dueAt\": \"" + due + "\"}",
                "{\"subject\": \"Call\", \"dueAt\": \"" + due + "\"}");
        for (String body : bodies) {
            as(rep, "rep").body(body).when().post("/api/v1/tasks")
                    .then().statusCode(400).contentType(PROBLEM_JSON).body("violations", notNullValue());
        }
        as(rep, "rep").queryParam("contactId", contact.toString()).queryParam("kind", "FOLLOW_UP")
                .when().get("/api/v1/tasks").then().statusCode(200).body("items.size()", is(0));
    }

    @Test
    void onlyAContactTheCallerMayChangeGetsAFollowUp() {
        UUID contact = projectedContact();
        as("someone-else", "rep").body(body(contact, "Call", due, null, null)).when().post("/api/v1/tasks")
                .then().statusCode(422).contentType(PROBLEM_JSON).body("violations[0].field", is("contactId"));
        as("ivy", "integrator").body(body(contact, "Call", due, null, null)).when().post("/api/v1/tasks")
                .then().statusCode(403);
        // contacts-service does not know it either (the stub's default answer)
        as(rep, "rep").body(body(UUID.randomUUID(), "Call", due, null, null)).when().post("/api/v1/tasks")
                .then().statusCode(422).contentType(PROBLEM_JSON);
        // a manager adds one for the rep: the rep owns it
        as("carol", "manager").body(body(contact, "Call", due, null, null)).when().post("/api/v1/tasks")
                .then().statusCode(201).body("owner", is(rep)).body("reason", is("Added by carol"));
    }

    @Test
    void aContactWhoseEventHasNotArrivedIsAskedOfContactsServiceWithTheCallersToken() {
        UUID contact = UUID.randomUUID();
        ContactsServiceStub.holds(contact, 0, rep, "Grace");
        as(rep, "rep").body(body(contact, "Welcome call", due, null, null)).when().post("/api/v1/tasks")
                .then().statusCode(201).body("contactName", is("Grace Lovelace")).body("owner", is(rep));
        assertThat(ContactsServiceStub.callers()).contains(rep);
        // the contact is projected now, as its event will project it: its check-in is there too
        as(rep, "rep").queryParam("contactId", contact.toString()).queryParam("kind", "CHECK_IN")
                .when().get("/api/v1/tasks").then().statusCode(200).body("items.size()", is(1));

        UUID erased = UUID.randomUUID();
        ContactsServiceStub.erased(erased);
        as(rep, "rep").body(body(erased, "Call", due, null, null)).when().post("/api/v1/tasks")
                .then().statusCode(409).contentType(PROBLEM_JSON);
        UUID merged = UUID.randomUUID();
        UUID survivor = UUID.randomUUID();
        ContactsServiceStub.merged(merged, survivor);
        as(rep, "rep").body(body(merged, "Call", due, null, null)).when().post("/api/v1/tasks")
                .then().statusCode(409).body("mergedInto", is(survivor.toString()));
        UUID unanswerable = UUID.randomUUID();
        ContactsServiceStub.failing(unanswerable);
        as(rep, "rep").body(body(unanswerable, "Call", due, null, null)).when().post("/api/v1/tasks")
                .then().statusCode(503).header("Retry-After", notNullValue());
        for (UUID refused : List.of(erased, merged, unanswerable)) {
            as(rep, "rep").queryParam("contactId", refused.toString()).when().get("/api/v1/tasks")
                    .then().statusCode(200).body("items.size()", is(0));
        }
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheFirstAnswer() {
        UUID contact = projectedContact();
        String key = UUID.randomUUID().toString();
        String first = as(rep, "rep").header("Idempotency-Key", key).body(body(contact, "Call", due, null, null))
                .when().post("/api/v1/tasks").then().statusCode(201).extract().path("id");
        as(rep, "rep").header("Idempotency-Key", key).body(body(contact, "Call", due, null, null))
                .when().post("/api/v1/tasks").then().statusCode(201).header("Idempotent-Replayed", "true")
                .header("Location", endsWith(first)).body("id", is(first));
        as(rep, "rep").header("Idempotency-Key", key).body(body(contact, "Call back", due, null, null))
                .when().post("/api/v1/tasks").then().statusCode(422);
        as(rep, "rep").queryParam("contactId", contact.toString()).queryParam("kind", "FOLLOW_UP")
                .when().get("/api/v1/tasks").then().statusCode(200).body("items.id", contains(first));
    }

    @Test
    void aMergeCarriesTheFollowUpOverAndAnErasureLeavesNoTextOfIt() {
        UUID duplicate = projectedContact();
        UUID survivor = projectedContact();
        String key = UUID.randomUUID().toString();
        as(rep, "rep").header("Idempotency-Key", key)
                .body(body(duplicate, "Bring the contract draft", due, "URGENT", "about her divorce settlement"))
                .when().post("/api/v1/tasks").then().statusCode(201);

        send(EventType.CONTACT_MERGED, duplicate, """
                {"mergedId": "%s", "survivorId": "%s", "mergedAt": "%s"}""".formatted(duplicate, survivor,
                Instant.now()));
        await().atMost(BOUND).untilAsserted(() -> as(rep, "rep").queryParam("contactId", survivor.toString())
                .queryParam("kind", "FOLLOW_UP").queryParam("status", "OPEN").when().get("/api/v1/tasks")
                .then().statusCode(200)
                .body("items.subject", contains("Bring the contract draft"))
                .body("items[0].dueAt", is(due))
                .body("items[0].priority", is("URGENT")));
        as(rep, "rep").queryParam("contactId", duplicate.toString()).queryParam("kind", "FOLLOW_UP")
                .when().get("/api/v1/tasks").then().statusCode(200)
                .body("items[0].status", is("AUTO_RESOLVED"))
                .body("items[0].resolution", is("merged into contact " + survivor));

        // only a survivor can be erased: its erasure leaves nothing of the contact merged into it either
        send(EventType.CONTACT_ERASED, survivor, "{\"id\": \"%s\", \"erasedAt\": \"%s\"}".formatted(survivor,
                Instant.now()));
        for (UUID erased : List.of(survivor, duplicate)) {
            await().atMost(BOUND).untilAsserted(() -> as(rep, "rep").queryParam("contactId", erased.toString())
                    .when().get("/api/v1/tasks").then().statusCode(200)
                    .body("items.reason", everyItem(is("the contact was erased")))
                    .body("items.subject", everyItem(is("the contact was erased")))
                    .body("items.contactName", everyItem(anyOf(nullValue(), is(""))))
                    .body("items.status", not(hasItem("OPEN"))));
        }
        // the stored answer to the first request held the note: a retry no longer gets it back
        as(rep, "rep").header("Idempotency-Key", key)
                .body(body(duplicate, "Bring the contract draft", due, "URGENT", "about her divorce settlement"))
                .when().post("/api/v1/tasks").then().statusCode(409).header("Idempotent-Replayed", nullValue());
    }

    /** A contact of the rep, projected from its contact.created (its CHECK_IN task shows that it was applied). */
    private UUID projectedContact() {
        UUID contact = UUID.randomUUID();
        Instant created = Instant.now().minus(Duration.ofDays(1));
        send(EventType.CONTACT_CREATED, contact, """
                {"id": "%s", "version": 0, "owner": "%s", "firstName": "Ada", "displayName": "Ada Lovelace",
                 "checkInCadenceDays": 30, "createdAt": "%s", "updatedAt": "%s"}"""
                .formatted(contact, rep, created, created));
        await().atMost(BOUND).untilAsserted(() -> as(rep, "rep").queryParam("contactId", contact.toString())
                .queryParam("kind", "CHECK_IN").when().get("/api/v1/tasks").then().statusCode(200)
                .body("items.size()", is(1)));
        return contact;
    }

    private void send(EventType type, UUID contact, String data) {
        sender.send(type, UUID.randomUUID().toString(), contact.toString(), contact.toString(), Instant.now(), data);
    }

    private static String body(UUID contact, String subject, String dueAt, String priority, String note) {
        return "{\"contactId\": \"%s\", \"subject\": \"%s\", \"dueAt\": \"%s\"%s%s}".formatted(contact, subject, dueAt,
                priority == null ? "" : ", \"priority\": \"" + priority + "\"",
                note == null ? "" : ", \"note\": \"" + note + "\"");
    }

    private static RequestSpecification as(String user, String role) {
        return given().header("Authorization", bearer(user, role)).contentType(ContentType.JSON);
    }
}
