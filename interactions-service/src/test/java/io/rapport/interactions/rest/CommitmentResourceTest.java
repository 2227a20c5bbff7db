package io.rapport.interactions.rest;

import static io.rapport.interactions.rest.InteractionsApi.MERGE_PATCH;
import static io.rapport.interactions.rest.InteractionsApi.PROBLEM_JSON;
import static io.rapport.interactions.rest.InteractionsApi.as;
import static io.rapport.interactions.rest.InteractionsApi.awaitEvent;
import static io.rapport.interactions.rest.InteractionsApi.commitmentJson;
import static io.rapport.interactions.rest.InteractionsApi.data;
import static io.rapport.interactions.rest.InteractionsApi.interactionJson;
import static io.rapport.interactions.rest.InteractionsApi.knownContact;
import static io.rapport.interactions.rest.InteractionsApi.logInteraction;
import static io.rapport.interactions.rest.InteractionsApi.makeCommitment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.events.EventType;
import io.rapport.events.Topic;
import io.rapport.events.testing.CloudEventSender;
import io.rapport.events.testing.TopicWatcher;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;

@QuarkusTest
class CommitmentResourceTest {

    private static final String PAST_DUE = "2026-01-15T17:00:00Z";

    private final CloudEventSender sender = CloudEventSender.local();
    private final String rep = "rep-" + UUID.randomUUID();
    private final String futureDue = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS)
            .toString();
    private UUID contact;

    @Inject
    KafkaClientService kafka;

    @BeforeEach
    void knownContactOfTheRep() {
        InteractionsApi.awaitPartitionAssignment(kafka);
        contact = knownContact(sender, rep);
    }

    @AfterEach
    void close() {
        sender.close();
    }

    @Test
    void recordsACommitmentMadeInAnInteractionAndPublishesCommitmentMade() {
        String interaction = logInteraction(rep, "rep",
                interactionJson(contact, "MEETING", "OUTBOUND", "2026-03-02T10:00:00Z"));
        try (TopicWatcher topic = TopicWatcher.local(Topic.INTERACTIONS.topicName())) {
            String id = as(rep, "rep").body("""
                    {"contactId": "%s", "interactionId": "%s", "description": " Send the revised proposal ",
                     "dueAt": "%s"}""".formatted(contact, interaction, futureDue))
                    .post("/api/v1/commitments").then().statusCode(201)
                    .header("Location", containsString("/api/v1/commitments/")).header("ETag", is("\"0\""))
                    .body("contactId", is(contact.toString())).body("owner", is(rep))
                    .body("interactionId", is(interaction)).body("description", is("Send the revised proposal"))
                    .body("dueAt", is(futureDue)).body("status", is("OPEN")).body("overdue", is(false))
                    .body("fulfilledAt", nullValue()).body("cancelledReason", nullValue())
                    .extract().path("id");
            JsonNode data = data(awaitEvent(topic, contact, EventType.COMMITMENT_MADE, id));
            assertThat(data.get("id").asText()).isEqualTo(id);
            assertThat(data.get("version").asLong()).isZero();
            assertThat(data.get("contactId").asText()).isEqualTo(contact.toString());
            assertThat(data.get("owner").asText()).isEqualTo(rep);
            assertThat(data.get("interactionId").asText()).isEqualTo(interaction);
            // what was promised is a rep's words about a person: it stays here, where erasure reaches it
            assertThat(data.has("description")).isFalse();
            assertThat(data.toString()).doesNotContain("revised proposal");
            assertThat(data.get("dueAt").asText()).isEqualTo(futureDue);
            assertThat(data.get("status").asText()).isEqualTo("OPEN");
        }
    }

    @Test
    void badInputIs400AndWritesNothing() {
        assertViolation("{\"contactId\": \"" + contact + "\", \"dueAt\": \"" + futureDue + "\"}", "description");
        assertViolation(commitmentJson(contact, " ", futureDue), "description");
        assertViolation("{\"contactId\": \"" + contact + "\", \"description\": \"x\"}", "dueAt");
        assertViolation("{\"description\": \"x\", \"dueAt\": \"" + futureDue + "\"}", "contactId");
        UUID other = knownContact(sender, rep);
        String otherInteraction = logInteraction(rep, "rep",
                interactionJson(other, "CALL", "OUTBOUND", "2026-03-02T10:00:00Z"));
        String withInteraction = "{\"contactId\": \"" + contact + "\", \"description\": \"x\", \"dueAt\": \""
                + futureDue + "\", \"interactionId\": \"%s\"}";
        assertViolation(withInteraction.formatted(otherInteraction), "interactionId");
        assertViolation(withInteraction.formatted(UUID.randomUUID()), "interactionId");
        as(rep, "rep").body(commitmentJson(contact, "x", futureDue).replace("}", ", \"status\": \"FULFILLED\"}"))
                .post("/api/v1/commitments").then().statusCode(400).contentType(PROBLEM_JSON);
        as(rep, "rep").get("/api/v1/commitments?contactId=" + contact).then().body("items", hasSize(0));
    }

    @Test
    void unknownAndOtherRepsContactsAre422AndIntegratorsAre403() {
        as(rep, "rep").body(commitmentJson(UUID.randomUUID(), "x", futureDue)).post("/api/v1/commitments")
                .then().statusCode(422).contentType(PROBLEM_JSON).body("detail", containsString("Unknown contact"));
        as("another-rep", "rep").body(commitmentJson(contact, "x", futureDue)).post("/api/v1/commitments")
                .then().statusCode(422).contentType(PROBLEM_JSON).body("detail", containsString("Unknown contact"));
        as("integration", "integrator").body(commitmentJson(contact, "x", futureDue)).post("/api/v1/commitments")
                .then().statusCode(403);
        String id = makeCommitment("mia", "manager", commitmentJson(contact, "x", futureDue));
        as(rep, "rep").get("/api/v1/commitments/" + id).then().statusCode(200).body("owner", is(rep));
        as("another-rep", "rep").get("/api/v1/commitments/" + id).then().statusCode(404).contentType(PROBLEM_JSON);
        as("integration", "integrator").get("/api/v1/commitments/" + id).then().statusCode(200);
        as("integration", "integrator").header("If-Match", "\"0\"").post("/api/v1/commitments/" + id + "/fulfil")
                .then().statusCode(403);
        as("another-rep", "rep").header("If-Match", "\"0\"").post("/api/v1/commitments/" + id + "/fulfil")
                .then().statusCode(404);
    }

    @Test
    void fulfilPublishesCommitmentFulfilledAndIsFinal() {
        String id = makeCommitment(rep, "rep", commitmentJson(contact, "Send the deck", futureDue));
        String path = "/api/v1/commitments/" + id;
        as(rep, "rep").post(path + "/fulfil").then().statusCode(428);
        as(rep, "rep").header("If-Match", "\"5\"").post(path + "/fulfil").then().statusCode(412);
        as(rep, "rep").header("If-Match", "\"0\"").body("{\"fulfilledAt\": \"2999-01-01T00:00:00Z\"}")
                .post(path + "/fulfil").then().statusCode(400).body("violations.field", hasItem("fulfilledAt"));
        try (TopicWatcher topic = TopicWatcher.local(Topic.INTERACTIONS.topicName())) {
            as(rep, "rep").header("If-Match", "\"0\"").post(path + "/fulfil").then().statusCode(200)
                    .header("ETag", is("\"1\"")).body("status", is("FULFILLED"))
                    .body("fulfilledAt", notNullValue()).body("overdue", is(false));
            JsonNode data = data(awaitEvent(topic, contact, EventType.COMMITMENT_FULFILLED, id));
            assertThat(data.get("status").asText()).isEqualTo("FULFILLED");
            assertThat(data.get("version").asLong()).isEqualTo(1);
            assertThat(data.get("fulfilledAt").asText()).isNotBlank();
            assertThat(data.get("dueAt").asText()).isEqualTo(futureDue);
        }
        // fulfilled is final: no second fulfilment, no cancel, no edit, no reopening
        as(rep, "rep").header("If-Match", "\"1\"").post(path + "/fulfil").then().statusCode(409)
                .contentType(PROBLEM_JSON).body("detail", containsString("final")).body("currentStatus", is("FULFILLED"));
        as(rep, "rep").header("If-Match", "\"1\"").body("{\"reason\": \"changed my mind\"}").post(path + "/cancel")
                .then().statusCode(409);
        as(rep, "rep").contentType(MERGE_PATCH).header("If-Match", "\"1\"").body("{\"description\": \"y\"}")
                .patch(path).then().statusCode(409);
        as(rep, "rep").header("If-Match", "\"1\"").body("{\"status\": \"OPEN\"}").contentType(MERGE_PATCH)
                .patch(path).then().statusCode(409);
    }

    @Test
    void fulfilAcceptsWhenItWasKept() {
        String id = makeCommitment(rep, "rep", commitmentJson(contact, "Call back", PAST_DUE));
        as(rep, "rep").get("/api/v1/commitments/" + id).then().body("overdue", is(true));
        as(rep, "rep").header("If-Match", "\"0\"").body("{\"fulfilledAt\": \"2026-01-16T09:00:00Z\"}")
                .post("/api/v1/commitments/" + id + "/fulfil").then().statusCode(200)
                .body("fulfilledAt", is("2026-01-16T09:00:00Z")).body("overdue", is(false));
    }

    @Test
    void cancelNeedsAReasonAndPublishesCommitmentCancelled() {
        String id = makeCommitment(rep, "rep", commitmentJson(contact, "Send the deck", futureDue));
        String path = "/api/v1/commitments/" + id;
        as(rep, "rep").header("If-Match", "\"0\"").body("{}").post(path + "/cancel").then().statusCode(400)
                .body("violations.field", hasItem(containsString("reason")));
        as(rep, "rep").header("If-Match", "\"0\"").post(path + "/cancel").then().statusCode(400);
        try (TopicWatcher topic = TopicWatcher.local(Topic.INTERACTIONS.topicName())) {
            as(rep, "rep").header("If-Match", "\"0\"").body("{\"reason\": \"No longer needed\"}")
                    .post(path + "/cancel").then().statusCode(200).body("status", is("CANCELLED"))
                    .body("cancelledReason", is("No longer needed"));
            JsonNode data = data(awaitEvent(topic, contact, EventType.COMMITMENT_CANCELLED, id));
            assertThat(data.get("status").asText()).isEqualTo("CANCELLED");
            assertThat(data.toString()).doesNotContain("No longer needed");
        }
        as(rep, "rep").header("If-Match", "\"1\"").post(path + "/fulfil").then().statusCode(409);
    }

    @Test
    void anOpenCommitmentChangesWithIfMatchAndIsRepublishedAsMade() {
        String id = makeCommitment(rep, "rep", commitmentJson(contact, "Send the deck", futureDue));
        String path = "/api/v1/commitments/" + id;
        String later = Instant.parse(futureDue).plus(7, ChronoUnit.DAYS).toString();
        as(rep, "rep").contentType(MERGE_PATCH).body("{\"dueAt\": \"" + later + "\"}").patch(path)
                .then().statusCode(428);
        try (TopicWatcher topic = TopicWatcher.local(Topic.INTERACTIONS.topicName())) {
            as(rep, "rep").contentType(MERGE_PATCH).header("If-Match", "\"0\"")
                    .body("{\"dueAt\": \"" + later + "\"}").patch(path)
                    .then().statusCode(200).header("ETag", is("\"1\"")).body("dueAt", is(later));
            // the relay may publish the creation's commitment.made (version 0) after the watcher opened
            ConsumerRecord<String, String> changed = topic.await(r -> contact.toString().equals(r.key())
                    && id.equals(TopicWatcher.header(r, "ce_subject")) && data(r).get("version").asLong() == 1,
                    InteractionsApi.BOUND);
            assertThat(TopicWatcher.header(changed, "ce_type")).isEqualTo(EventType.COMMITMENT_MADE.cloudEventType());
            JsonNode data = data(changed);
            assertThat(data.get("version").asLong()).isEqualTo(1);
            assertThat(data.get("dueAt").asText()).isEqualTo(later);
        }
        as(rep, "rep").header("If-Match", "\"1\"").body(commitmentJson(contact, "Send the full deck", later))
                .put(path).then().statusCode(200).body("description", is("Send the full deck")).body("version", is(2));
        as(rep, "rep").header("If-Match", "\"0\"").body(commitmentJson(contact, "stale", later)).put(path)
                .then().statusCode(412);
        UUID other = knownContact(sender, rep);
        as(rep, "rep").header("If-Match", "\"2\"").body(commitmentJson(other, "moved", later)).put(path)
                .then().statusCode(400).body("violations.field", hasItem("contactId"));
        as(rep, "rep").contentType(MERGE_PATCH).header("If-Match", "\"2\"").body("{\"description\": null}")
                .patch(path).then().statusCode(400);
    }

    @Test
    void concurrentFulfilAndCancelLetExactlyOneWin() throws Exception {
        String id = makeCommitment(rep, "rep", commitmentJson(contact, "Race", futureDue));
        String path = "/api/v1/commitments/" + id;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> actions = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                actions.add(() -> as(rep, "rep").header("If-Match", "\"0\"").post(path + "/fulfil").statusCode());
                actions.add(() -> as(rep, "rep").header("If-Match", "\"0\"").body("{\"reason\": \"race\"}")
                        .post(path + "/cancel").statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(actions)) {
                statuses.add(status.get());
            }
            assertThat(statuses).containsOnly(200, 412).filteredOn(s -> s == 200).hasSize(1);
        } finally {
            pool.shutdown();
        }
        as(rep, "rep").get(path).then().body("version", is(1));
    }

    @Test
    void deletingAnOpenCommitmentAnnouncesItCancelled() {
        String id = makeCommitment(rep, "rep", commitmentJson(contact, "Typo", futureDue));
        String path = "/api/v1/commitments/" + id;
        as(rep, "rep").delete(path).then().statusCode(428);
        try (TopicWatcher topic = TopicWatcher.local(Topic.INTERACTIONS.topicName())) {
            as(rep, "rep").header("If-Match", "\"0\"").delete(path).then().statusCode(204);
            JsonNode data = data(awaitEvent(topic, contact, EventType.COMMITMENT_CANCELLED, id));
            assertThat(data.get("status").asText()).isEqualTo("CANCELLED");
        }
        as(rep, "rep").get(path).then().statusCode(404);
    }

    @Test
    void listsSoonestDueFirstWithOverdueDerived() {
        String overdue = makeCommitment(rep, "rep", commitmentJson(contact, "late", PAST_DUE));
        String upcoming = makeCommitment(rep, "rep", commitmentJson(contact, "soon", futureDue));
        String kept = makeCommitment(rep, "rep", commitmentJson(contact, "kept", "2026-01-10T17:00:00Z"));
        as(rep, "rep").header("If-Match", "\"0\"").body("{\"fulfilledAt\": \"2026-01-09T17:00:00Z\"}")
                .post("/api/v1/commitments/" + kept + "/fulfil").then().statusCode(200);
        String base = "/api/v1/commitments?contactId=" + contact;

        as(rep, "rep").get(base).then().statusCode(200).body("items.id", contains(kept, overdue, upcoming))
                .body("items.overdue", contains(false, true, false));
        var first = as(rep, "rep").get(base + "&limit=2").then().body("items.id", contains(kept, overdue)).extract();
        as(rep, "rep").get(base + "&limit=2&cursor=" + first.path("nextCursor"))
                .then().body("items.id", contains(upcoming)).body("nextCursor", nullValue());
        as(rep, "rep").get(base + "&overdue=true").then().body("items.id", contains(overdue));
        as(rep, "rep").get(base + "&overdue=false").then().body("items.id", contains(kept, upcoming));
        as(rep, "rep").get(base + "&status=fulfilled").then().body("items.id", contains(kept));
        as(rep, "rep").get(base + "&dueFrom=2026-01-11T00:00:00Z&dueTo=2026-02-01T00:00:00Z")
                .then().body("items.id", contains(overdue));
        as("another-rep", "rep").get(base).then().body("items", hasSize(0));
        as("mia", "manager").get("/api/v1/commitments?owner=" + rep).then().body("items", hasSize(3));

        for (String query : List.of("status=DONE", "overdue=perhaps", "limit=500", "dueFrom=soon", "cursor=x",
                "contactId=42")) {
            as(rep, "rep").get("/api/v1/commitments?" + query).then().statusCode(400).contentType(PROBLEM_JSON);
        }
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstResponse() {
        String key = UUID.randomUUID().toString();
        String json = commitmentJson(contact, "Once only", futureDue);
        String id = as(rep, "rep").header("Idempotency-Key", key).body(json).post("/api/v1/commitments")
                .then().statusCode(201).extract().path("id");
        as(rep, "rep").header("Idempotency-Key", key).body(json).post("/api/v1/commitments")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", is(id));
        as(rep, "rep").header("Idempotency-Key", key).body(commitmentJson(contact, "Twice", futureDue))
                .post("/api/v1/commitments").then().statusCode(422);
        as(rep, "rep").get("/api/v1/commitments?contactId=" + contact).then().body("items", hasSize(1));
    }

    private void assertViolation(String json, String field) {
        as(rep, "rep").body(json).post("/api/v1/commitments")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations.field", hasItem(containsString(field)));
    }
}
