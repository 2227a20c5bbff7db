package io.rapport.interactions.rest;

import static io.rapport.interactions.rest.InteractionsApi.MERGE_PATCH;
import static io.rapport.interactions.rest.InteractionsApi.PROBLEM_JSON;
import static io.rapport.interactions.rest.InteractionsApi.as;
import static io.rapport.interactions.rest.InteractionsApi.awaitEvent;
import static io.rapport.interactions.rest.InteractionsApi.data;
import static io.rapport.interactions.rest.InteractionsApi.etag;
import static io.rapport.interactions.rest.InteractionsApi.interactionJson;
import static io.rapport.interactions.rest.InteractionsApi.knownContact;
import static io.rapport.interactions.rest.InteractionsApi.logInteraction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

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
class InteractionResourceTest {

    private static final String FULL = """
            {"contactId": "%s", "type": "CALL", "direction": "INBOUND", "occurredAt": "2026-03-02T10:15:00Z",
             "durationMinutes": 25, "subject": "  Quarterly review  ", "summary": "Walked through the numbers.",
             "sentiment": "POSITIVE", "needsHeard": ["Faster month-end close", "Faster month-end close", "SSO"],
             "nextSteps": "Send the SSO whitepaper", "requiresResponse": true,
             "attachments": [{"url": "https://docs.example.com/q1.pdf", "title": "Q1 deck"},
                             {"url": "https://docs.example.com/notes.txt", "title": "  "}]}""";

    private final CloudEventSender sender = CloudEventSender.local();
    private final String rep = "rep-" + UUID.randomUUID();
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
    void logsAnInteractionAndPublishesInteractionLogged() {
        try (TopicWatcher topic = TopicWatcher.local(Topic.INTERACTIONS.topicName())) {
            var response = as(rep, "rep").body(FULL.formatted(contact)).post("/api/v1/interactions")
                    .then().statusCode(201)
                    .header("Location", containsString("/api/v1/interactions/"))
                    .header("ETag", is("\"0\""))
                    .body("contactId", is(contact.toString()))
                    .body("owner", is(rep))
                    .body("loggedBy", is(rep))
                    .body("type", is("CALL"))
                    .body("direction", is("INBOUND"))
                    .body("occurredAt", is("2026-03-02T10:15:00Z"))
                    .body("durationMinutes", is(25))
                    .body("subject", is("Quarterly review"))
                    .body("sentiment", is("POSITIVE"))
                    .body("needsHeard", contains("Faster month-end close", "SSO"))
                    .body("requiresResponse", is(true))
                    .body("attachments[0].url", is("https://docs.example.com/q1.pdf"))
                    .body("attachments[0].title", is("Q1 deck"))
                    .body("attachments[1].title", nullValue()) // a blank title is none
                    .body("version", is(0))
                    .extract();
            String id = response.path("id");
            assertThat(response.header("Location")).endsWith(id);

            ConsumerRecord<String, String> event = awaitEvent(topic, contact, EventType.INTERACTION_LOGGED, id);
            assertThat(TopicWatcher.header(event, "ce_source")).isEqualTo("/rapport/interactions-service");
            JsonNode data = data(event);
            assertThat(data.get("id").asText()).isEqualTo(id);
            assertThat(data.get("version").asLong()).isZero();
            assertThat(data.get("contactId").asText()).isEqualTo(contact.toString());
            assertThat(data.get("owner").asText()).isEqualTo(rep);
            assertThat(data.get("type").asText()).isEqualTo("CALL");
            assertThat(data.get("direction").asText()).isEqualTo("INBOUND");
            assertThat(data.get("occurredAt").asText()).isEqualTo("2026-03-02T10:15:00Z");
            assertThat(data.get("durationMinutes").asInt()).isEqualTo(25);
            assertThat(data.get("sentiment").asText()).isEqualTo("POSITIVE");
            assertThat(data.get("requiresResponse").asBoolean()).isTrue();
            assertThat(data.get("inReplyTo").isNull()).isTrue();
            assertThat(data.has("summary")).as("no free text in events").isFalse();
        }
        as(rep, "rep").get("/api/v1/interactions?contactId=" + contact).then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].summary", is("Walked through the numbers."));
    }

    @Test
    void aReplyLinksToTheInboundItAnswersAndIsPublishedWithIt() {
        String inbound = logInteraction(rep, "rep", """
                {"contactId": "%s", "type": "EMAIL", "direction": "INBOUND", "occurredAt": "2026-03-02T10:00:00Z",
                 "requiresResponse": true}""".formatted(contact));
        try (TopicWatcher topic = TopicWatcher.local(Topic.INTERACTIONS.topicName())) {
            String reply = logInteraction(rep, "rep", """
                    {"contactId": "%s", "type": "EMAIL", "direction": "OUTBOUND", "occurredAt": "2026-03-02T11:00:00Z",
                     "inReplyTo": "%s"}""".formatted(contact, inbound));
            JsonNode data = data(awaitEvent(topic, contact, EventType.INTERACTION_LOGGED, reply));
            assertThat(data.get("inReplyTo").asText()).isEqualTo(inbound);
            assertThat(data.get("requiresResponse").asBoolean()).isFalse();
        }
    }

    @Test
    void valueAddSaysWhatValueWasProvided() {
        as(rep, "rep").body("""
                {"contactId": "%s", "type": "VALUE_ADD", "direction": "OUTBOUND", "occurredAt": "2026-03-02T10:00:00Z",
                 "valueProvided": "Introduced them to our payroll partner"}""".formatted(contact))
                .post("/api/v1/interactions").then().statusCode(201)
                .body("valueProvided", is("Introduced them to our payroll partner"));
    }

    @Test
    void badInputIsA400ProblemNamingTheFieldAndWritesNothing() {
        String base = "{\"contactId\": \"" + contact + "\", \"type\": \"CALL\", \"direction\": \"OUTBOUND\", "
                + "\"occurredAt\": \"2026-03-02T10:00:00Z\"";
        assertViolation("{\"type\": \"CALL\", \"direction\": \"OUTBOUND\", \"occurredAt\": \"2026-03-02T10:00:00Z\"}",
                "contactId");
        assertViolation("{\"contactId\": \"" + contact + "\", \"direction\": \"OUTBOUND\", "
                + "\"occurredAt\": \"2026-03-02T10:00:00Z\"}", "type");
        assertViolation("{\"contactId\": \"" + contact + "\", \"type\": \"CALL\", \"direction\": \"OUTBOUND\"}",
                "occurredAt");
        assertViolation(base + ", \"durationMinutes\": -1}", "durationMinutes");
        assertViolation(base + ", \"durationMinutes\": 1441}", "durationMinutes");
        assertViolation(base + ", \"subject\": \"" + "x".repeat(201) + "\"}", "subject");
        assertViolation(base + ", \"needsHeard\": [\"\"]}", "needsHeard");
        assertViolation(base + ", \"attachments\": [{\"title\": \"no url\"}]}", "url");
        assertViolation(base + ", \"attachments\": [{\"url\": \"ftp://example.com/x\"}]}", "attachments[0].url");
        assertViolation(base + ", \"attachments\": [{\"url\": \"not a link\"}]}", "attachments[0].url");
        assertViolation(base + ", \"requiresResponse\": true}", "requiresResponse");
        assertViolation(base + ", \"valueProvided\": \"a whitepaper\"}", "valueProvided");
        assertViolation(base.replace("CALL", "VALUE_ADD") + "}", "valueProvided");
        assertViolation(base + ", \"inReplyTo\": \"" + UUID.randomUUID() + "\"}", "inReplyTo");
        assertViolation(base.replace("OUTBOUND", "INBOUND") + ", \"inReplyTo\": \"" + UUID.randomUUID() + "\"}",
                "inReplyTo");
        assertViolation(base.replace("2026-03-02T10:00:00Z", "2999-01-01T00:00:00Z") + "}", "occurredAt");

        as(rep, "rep").body(base.replace("CALL", "CARRIER_PIGEON") + "}").post("/api/v1/interactions")
                .then().statusCode(400).contentType(PROBLEM_JSON);
        as(rep, "rep").body(base + ", \"mood\": \"sunny\"}").post("/api/v1/interactions")
                .then().statusCode(400).contentType(PROBLEM_JSON).body("detail", containsString("mood"));
        as(rep, "rep").body(base).post("/api/v1/interactions").then().statusCode(400).contentType(PROBLEM_JSON);
        as(rep, "rep").body(base.replace("2026-03-02T10:00:00Z", "yesterday") + "}").post("/api/v1/interactions")
                .then().statusCode(400).contentType(PROBLEM_JSON);

        as(rep, "rep").get("/api/v1/interactions?contactId=" + contact).then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void aReplyMustAnswerAnInboundOfTheSameContact() {
        UUID other = knownContact(sender, rep);
        String otherInbound = logInteraction(rep, "rep",
                interactionJson(other, "EMAIL", "INBOUND", "2026-03-01T09:00:00Z"));
        String outbound = logInteraction(rep, "rep",
                interactionJson(contact, "EMAIL", "OUTBOUND", "2026-03-01T09:00:00Z"));
        String template = "{\"contactId\": \"" + contact + "\", \"type\": \"EMAIL\", \"direction\": \"OUTBOUND\", "
                + "\"occurredAt\": \"2026-03-02T10:00:00Z\", \"inReplyTo\": \"%s\"}";
        assertViolation(template.formatted(otherInbound), "inReplyTo");
        assertViolation(template.formatted(outbound), "inReplyTo");
    }

    @Test
    void anUnknownContactIs422() {
        as(rep, "rep").body(interactionJson(UUID.randomUUID(), "CALL", "OUTBOUND", "2026-03-02T10:00:00Z"))
                .post("/api/v1/interactions")
                .then().statusCode(422).contentType(PROBLEM_JSON).body("detail", containsString("Unknown contact"));
    }

    @Test
    void onlyTheOwnerManagersAndAdminsLogAndIntegratorsOnlyRead() {
        String json = interactionJson(contact, "MEETING", "OUTBOUND", "2026-03-02T10:00:00Z");
        as("another-rep", "rep").body(json).post("/api/v1/interactions")
                .then().statusCode(422).contentType(PROBLEM_JSON);
        as("integration", "integrator").body(json).post("/api/v1/interactions")
                .then().statusCode(403).contentType(PROBLEM_JSON);

        String id = as("mia", "manager").body(json).post("/api/v1/interactions").then().statusCode(201)
                .body("owner", is(rep)).body("loggedBy", is("mia")).extract().path("id");
        as("root", "admin").body(json).post("/api/v1/interactions").then().statusCode(201).body("owner", is(rep));

        as(rep, "rep").get("/api/v1/interactions/" + id).then().statusCode(200);
        as("integration", "integrator").get("/api/v1/interactions/" + id).then().statusCode(200);
        as("another-rep", "rep").get("/api/v1/interactions/" + id).then().statusCode(404).contentType(PROBLEM_JSON);
        as("another-rep", "rep").get("/api/v1/interactions?contactId=" + contact).then().statusCode(200)
                .body("items", hasSize(0));
        String etag = etag(rep, "rep", "/api/v1/interactions/" + id);
        as("integration", "integrator").header("If-Match", etag).delete("/api/v1/interactions/" + id)
                .then().statusCode(403);
        as("another-rep", "rep").header("If-Match", etag).delete("/api/v1/interactions/" + id)
                .then().statusCode(404);
    }

    @Test
    void managersChangeARepsInteractionAndIntegratorsCannot() {
        String id = logInteraction(rep, "rep", FULL.formatted(contact));
        String path = "/api/v1/interactions/" + id;
        as("integration", "integrator").header("If-Match", "\"0\"").body(FULL.formatted(contact)).put(path)
                .then().statusCode(403).contentType(PROBLEM_JSON);
        as("integration", "integrator").contentType(MERGE_PATCH).header("If-Match", "\"0\"")
                .body("{\"subject\": \"x\"}").patch(path).then().statusCode(403);
        as("mia", "manager").contentType(MERGE_PATCH).header("If-Match", "\"0\"")
                .body("{\"subject\": \"Reviewed by the manager\"}").patch(path)
                .then().statusCode(200).body("subject", is("Reviewed by the manager")).body("owner", is(rep))
                .body("loggedBy", is(rep));
    }

    @Test
    void aMissingInteractionIs404() {
        as(rep, "rep").get("/api/v1/interactions/" + UUID.randomUUID()).then().statusCode(404)
                .contentType(PROBLEM_JSON);
    }

    @Test
    void aReadNamingTheCurrentETagInIfNoneMatchIs304() {
        String path = "/api/v1/interactions/" + logInteraction(rep, "rep", FULL.formatted(contact));
        as(rep, "rep").header("If-None-Match", "W/\"0\"").get(path)
                .then().statusCode(304).header("ETag", is("\"0\"")).body(is(""));
        as(rep, "rep").header("If-None-Match", "\"3\"").get(path)
                .then().statusCode(200).header("ETag", is("\"0\"")).body("contactId", is(contact.toString()));
    }

    @Test
    void replaceNeedsIfMatchAndPublishesInteractionUpdated() {
        String id = logInteraction(rep, "rep", FULL.formatted(contact));
        String path = "/api/v1/interactions/" + id;
        String changed = FULL.formatted(contact).replace("POSITIVE", "VERY_NEGATIVE");

        as(rep, "rep").body(changed).put(path).then().statusCode(428).contentType(PROBLEM_JSON);
        as(rep, "rep").header("If-Match", "\"7\"").body(changed).put(path)
                .then().statusCode(412).contentType(PROBLEM_JSON).header("ETag", is("\"0\""));

        try (TopicWatcher topic = TopicWatcher.local(Topic.INTERACTIONS.topicName())) {
            as(rep, "rep").header("If-Match", "\"0\"").body(changed).put(path)
                    .then().statusCode(200).header("ETag", is("\"1\"")).body("sentiment", is("VERY_NEGATIVE"))
                    .body("version", is(1));
            JsonNode data = data(awaitEvent(topic, contact, EventType.INTERACTION_UPDATED, id));
            assertThat(data.get("version").asLong()).isEqualTo(1);
            assertThat(data.get("sentiment").asText()).isEqualTo("VERY_NEGATIVE");
        }
        // the same content again changes nothing: no new version
        as(rep, "rep").header("If-Match", "\"1\"").body(changed).put(path)
                .then().statusCode(200).header("ETag", is("\"1\""));
        // an interaction stays with its contact
        UUID other = knownContact(sender, rep);
        as(rep, "rep").header("If-Match", "\"1\"").body(changed.replace(contact.toString(), other.toString())).put(path)
                .then().statusCode(400).body("violations.field", hasItem("contactId"));
    }

    @Test
    void patchIsAMergePatchValidatedLikeAPut() {
        String id = logInteraction(rep, "rep", FULL.formatted(contact));
        String path = "/api/v1/interactions/" + id;
        as(rep, "rep").contentType(MERGE_PATCH).header("If-Match", "\"0\"")
                .body("{\"sentiment\": null, \"nextSteps\": \"Book a demo\", \"needsHeard\": [\"SSO\"]}").patch(path)
                .then().statusCode(200).header("ETag", is("\"1\""))
                .body("sentiment", nullValue()).body("nextSteps", is("Book a demo"))
                .body("needsHeard", contains("SSO")).body("summary", is("Walked through the numbers."));
        as(rep, "rep").contentType(MERGE_PATCH).header("If-Match", "\"1\"")
                .body("{\"direction\": \"OUTBOUND\"}").patch(path)
                .then().statusCode(400).body("violations.field", hasItem("requiresResponse"));
        as(rep, "rep").contentType(MERGE_PATCH).header("If-Match", "\"1\"").body("{\"type\": null}").patch(path)
                .then().statusCode(400).contentType(PROBLEM_JSON);
        as(rep, "rep").contentType(MERGE_PATCH).header("If-Match", "\"1\"").body("[1]").patch(path)
                .then().statusCode(400).contentType(PROBLEM_JSON);
        as(rep, "rep").contentType(MERGE_PATCH).body("{\"subject\": \"x\"}").patch(path).then().statusCode(428);
        as(rep, "rep").get(path).then().body("version", is(1));
    }

    @Test
    void deleteNeedsIfMatchAndPublishesInteractionDeleted() {
        String id = logInteraction(rep, "rep", FULL.formatted(contact));
        String commitment = InteractionsApi.makeCommitment(rep, "rep", """
                {"contactId": "%s", "interactionId": "%s", "description": "Send the whitepaper",
                 "dueAt": "2026-03-09T17:00:00Z"}""".formatted(contact, id));
        String path = "/api/v1/interactions/" + id;
        as(rep, "rep").delete(path).then().statusCode(428);
        as(rep, "rep").header("If-Match", "\"3\"").delete(path).then().statusCode(412);
        try (TopicWatcher topic = TopicWatcher.local(Topic.INTERACTIONS.topicName())) {
            as(rep, "rep").header("If-Match", "\"0\"").delete(path).then().statusCode(204);
            JsonNode data = data(awaitEvent(topic, contact, EventType.INTERACTION_DELETED, id));
            assertThat(data.get("id").asText()).isEqualTo(id);
            assertThat(data.get("contactId").asText()).isEqualTo(contact.toString());
            assertThat(data.get("owner").asText()).isEqualTo(rep);
            assertThat(data.get("deletedAt").asText()).isNotBlank();
        }
        as(rep, "rep").get(path).then().statusCode(404);
        as(rep, "rep").get("/api/v1/commitments/" + commitment).then().statusCode(200)
                .body("interactionId", nullValue());
    }

    @Test
    void concurrentChangesBasedOnOneVersionLetExactlyOneWin() throws Exception {
        String id = logInteraction(rep, "rep", FULL.formatted(contact));
        String path = "/api/v1/interactions/" + id;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> updates = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String body = FULL.formatted(contact).replace("Quarterly review", "Review " + i);
                updates.add(() -> as(rep, "rep").header("If-Match", "\"0\"").body(body).put(path).statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(updates)) {
                statuses.add(status.get());
            }
            assertThat(statuses).containsOnly(200, 412).filteredOn(s -> s == 200).hasSize(1);
        } finally {
            pool.shutdown();
        }
        as(rep, "rep").get(path).then().body("version", is(1));
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstResponse() {
        String json = interactionJson(contact, "NOTE", "INTERNAL", "2026-03-02T10:00:00Z");
        String key = UUID.randomUUID().toString();
        String id = as(rep, "rep").header("Idempotency-Key", key).body(json).post("/api/v1/interactions")
                .then().statusCode(201).extract().path("id");
        as(rep, "rep").header("Idempotency-Key", key).body(json).post("/api/v1/interactions")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", is(id))
                .header("Location", endsWith(id)).header("ETag", notNullValue());
        as(rep, "rep").header("Idempotency-Key", key)
                .body(json.replace("NOTE", "CALL")).post("/api/v1/interactions")
                .then().statusCode(422).contentType(PROBLEM_JSON);
        as(rep, "rep").get("/api/v1/interactions?contactId=" + contact).then().body("items", hasSize(1));
    }

    @Test
    void listsNewestFirstWithFiltersAndACursor() {
        String older = logInteraction(rep, "rep", interactionJson(contact, "CALL", "OUTBOUND", "2026-02-01T10:00:00Z"));
        String inbound = logInteraction(rep, "rep", """
                {"contactId": "%s", "type": "EMAIL", "direction": "INBOUND", "occurredAt": "2026-02-02T10:00:00Z",
                 "requiresResponse": true}""".formatted(contact));
        String newest = logInteraction(rep, "rep",
                interactionJson(contact, "MEETING", "OUTBOUND", "2026-02-03T10:00:00Z"));
        String base = "/api/v1/interactions?contactId=" + contact;

        var first = as(rep, "rep").get(base + "&limit=2").then().statusCode(200)
                .body("items.id", contains(newest, inbound)).body("nextCursor", notNullValue()).extract();
        as(rep, "rep").get(base + "&limit=2&cursor=" + first.path("nextCursor")).then().statusCode(200)
                .body("items.id", contains(older)).body("nextCursor", nullValue());

        as(rep, "rep").get(base + "&type=meeting").then().body("items.id", contains(newest));
        as(rep, "rep").get(base + "&direction=INBOUND").then().body("items.id", contains(inbound));
        as(rep, "rep").get(base + "&requiresResponse=true").then().body("items.id", contains(inbound));
        as(rep, "rep").get(base + "&from=2026-02-02T00:00:00Z&to=2026-02-03T00:00:00Z")
                .then().body("items.id", contains(inbound));
        as("mia", "manager").get("/api/v1/interactions?owner=" + rep + "&limit=200")
                .then().statusCode(200).body("items", hasSize(3));
        as(rep, "rep").get("/api/v1/interactions?owner=someone-else&contactId=" + contact)
                .then().statusCode(200).body("items", hasSize(3));
    }

    @Test
    void badListParametersAre400() {
        for (String query : List.of("type=PIGEON", "direction=UP", "contactId=nope", "limit=0", "limit=201",
                "cursor=%%%", "from=yesterday", "requiresResponse=maybe",
                "from=2026-02-02T00:00:00Z&to=2026-02-01T00:00:00Z")) {
            as(rep, "rep").get("/api/v1/interactions?" + query).then().statusCode(400).contentType(PROBLEM_JSON);
        }
    }

    private void assertViolation(String json, String field) {
        as(rep, "rep").body(json).post("/api/v1/interactions")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations.field", hasItem(containsString(field)));
    }

}
