package io.rapport.feedback.rest;

import static io.rapport.feedback.testing.FeedbackApi.BOUND;
import static io.rapport.feedback.testing.FeedbackApi.PROBLEM_JSON;
import static io.rapport.feedback.testing.FeedbackApi.as;
import static io.rapport.feedback.testing.FeedbackApi.asNamed;
import static io.rapport.feedback.testing.FeedbackApi.createSurvey;
import static io.rapport.feedback.testing.FeedbackApi.createSurveyAnyway;
import static io.rapport.feedback.testing.FeedbackApi.knownContact;
import static io.rapport.feedback.testing.FeedbackApi.sendContact;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.events.EventType;
import io.rapport.events.Topic;
import io.rapport.events.testing.CloudEventSender;
import io.rapport.events.testing.TopicWatcher;
import io.rapport.feedback.service.SurveyTokens;
import io.rapport.feedback.testing.FeedbackApi;
import io.rapport.feedback.testing.InteractionsServiceStub;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

@QuarkusTest
class SurveyRequestTest {

    private final CloudEventSender sender = CloudEventSender.local();
    private final String alice = "alice-" + UUID.randomUUID();
    private final String bob = "bob-" + UUID.randomUUID();

    @Inject
    KafkaClientService kafka;

    @Inject
    EntityManager entityManager;

    @BeforeEach
    void awaitPartitionAssignment() {
        FeedbackApi.awaitPartitionAssignment(kafka);
    }

    @AfterEach
    void close() {
        sender.close();
    }

    @Test
    void aRepSendsASurveyAndFeedbackRequestedIsPublished() throws Exception {
        UUID contact = knownContact(sender, alice, "Ada", null);
        UUID interaction = UUID.randomUUID();
        InteractionsServiceStub.holds(interaction, contact, alice);
        try (TopicWatcher topic = TopicWatcher.local(Topic.FEEDBACK.topicName())) {
            JsonPath created = asNamed(alice, "Alice Example", "rep")
                    .body("""
                            {"contactId": "%s", "kind": "BOTH", "channel": "IN_APP", "contextType": "INTERACTION",
                             "contextId": "%s"}""".formatted(contact, interaction))
                    .when().post("/api/v1/surveys")
                    .then().statusCode(201)
                    .header("Location", matchesPattern(".*/api/v1/surveys/[0-9a-f-]{36}"))
                    .header("ETag", is("\"0\""))
                    .body("contactId", is(contact.toString()))
                    .body("owner", is(alice))
                    .body("repName", is("Alice Example"))
                    .body("kind", is("BOTH"))
                    .body("channel", is("IN_APP"))
                    .body("contextType", is("INTERACTION"))
                    .body("contextId", is(interaction.toString()))
                    .body("status", is("PENDING"))
                    .body("createdBy", is(alice))
                    .body("token", matchesPattern("[A-Za-z0-9_-]{43}"))
                    .extract().jsonPath();
            String id = created.getString("id");
            assertThat(created.getString("responsePath")).isEqualTo("/api/v1/public/surveys/" + created.getString("token"));
            assertThat(Duration.between(Instant.parse(created.getString("createdAt")),
                    Instant.parse(created.getString("expiresAt")))).isEqualTo(Duration.ofDays(14));

            ConsumerRecord<String, String> event = topic.await(r -> contact.toString().equals(r.key()), BOUND);
            assertThat(TopicWatcher.header(event, "ce_type")).isEqualTo("rapport.feedback.requested.v1");
            assertThat(TopicWatcher.header(event, "ce_subject")).isEqualTo(id);
            JsonNode data = new ObjectMapper().readTree(event.value());
            assertThat(data.get("requestId").asText()).isEqualTo(id);
            assertThat(data.get("contactId").asText()).isEqualTo(contact.toString());
            assertThat(data.get("owner").asText()).isEqualTo(alice);
            assertThat(data.get("kind").asText()).isEqualTo("BOTH");
            assertThat(data.get("channel").asText()).isEqualTo("IN_APP");
            assertThat(data.get("contextId").asText()).isEqualTo(interaction.toString());
            assertThat(data.get("expiresAt").asText()).isEqualTo(created.getString("expiresAt"));
            assertThat(event.value()).doesNotContain(created.getString("token"));
        }
    }

    @Test
    void aReadNamingTheCurrentETagInIfNoneMatchIs304() {
        String path = "/api/v1/surveys/" + createSurvey(alice, knownContact(sender, alice, "Ada", null), "NPS")
                .getString("id");
        as(alice, "rep").header("If-None-Match", "\"0\"").when().get(path)
                .then().statusCode(304).header("ETag", is("\"0\"")).body(is(""));
        as(alice, "rep").header("If-None-Match", "\"1\"").when().get(path)
                .then().statusCode(200).header("ETag", is("\"0\"")).body("status", notNullValue());
    }

    @Test
    void theTokenIsShownOnceAndNeverAgain() {
        UUID contact = knownContact(sender, alice, "Ada", null);
        JsonPath created = createSurvey(alice, contact, "NPS");
        String token = created.getString("token");
        // stored only as its SHA-256
        assertThat(entityManager.createNativeQuery("select token_hash from survey_request where id = ?1")
                .setParameter(1, UUID.fromString(created.getString("id"))).getSingleResult())
                .isEqualTo(SurveyTokens.hash(token));
        assertThat(((Number) entityManager.createNativeQuery("""
                select (select count(*) from survey_request where cast(survey_request as text) like ?1)
                     + (select count(*) from idempotency_record where cast(body as text) like ?1)
                     + (select count(*) from outbox_event where cast(payload as text) like ?1)""")
                .setParameter(1, "%" + token + "%").getSingleResult()).longValue()).isZero();
        as(alice, "rep").when().get("/api/v1/surveys/" + created.getString("id"))
                .then().statusCode(200).header("ETag", is("\"0\""))
                .body("token", nullValue()).body("responsePath", nullValue())
                .body("repName", is(alice));
    }

    @Test
    void anIdempotentRetryReplaysTheRequestWithoutTheToken() {
        UUID contact = knownContact(sender, alice, "Ada", null);
        String key = UUID.randomUUID().toString();
        String body = "{\"contactId\": \"" + contact + "\", \"kind\": \"NPS\"}";
        JsonPath first = as(alice, "rep").header("Idempotency-Key", key).body(body)
                .when().post("/api/v1/surveys").then().statusCode(201).body("token", notNullValue())
                .extract().jsonPath();
        as(alice, "rep").header("Idempotency-Key", key).body(body)
                .when().post("/api/v1/surveys")
                .then().statusCode(201)
                .header("Idempotent-Replayed", is("true"))
                .header("Location", endsWith(first.getString("id")))
                .body("id", is(first.getString("id")))
                .body("token", nullValue());
        as(alice, "rep").header("Idempotency-Key", key)
                .body("{\"contactId\": \"" + contact + "\", \"kind\": \"CSAT\"}")
                .when().post("/api/v1/surveys").then().statusCode(422).contentType(PROBLEM_JSON);
        as(alice, "rep").queryParam("contactId", contact.toString()).when().get("/api/v1/surveys")
                .then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void aSurveyFollowsUpOnlyOnTheContactsOwnTouchPointsAndPromises() {
        UUID contact = knownContact(sender, alice, "Ada", null);
        UUID other = knownContact(sender, alice, "Grace", null);
        UUID ofAnotherContact = UUID.randomUUID();
        UUID ofAnotherOwner = UUID.randomUUID();
        UUID commitment = UUID.randomUUID();
        InteractionsServiceStub.holds(ofAnotherContact, other, alice);
        InteractionsServiceStub.holds(ofAnotherOwner, contact, "bob-" + UUID.randomUUID());
        InteractionsServiceStub.holds(commitment, contact, alice);
        String survey = """
                {"contactId": "%s", "kind": "NPS", "channel": "IN_APP", "contextType": "%s", "contextId": "%s"}""";
        for (UUID refused : List.of(UUID.randomUUID(), ofAnotherContact, ofAnotherOwner)) {
            as(alice, "rep").body(survey.formatted(contact, "INTERACTION", refused)).when().post("/api/v1/surveys")
                    .then().statusCode(422).contentType(PROBLEM_JSON).body("violations.field", contains("contextId"));
        }
        // a promise made to the same contact by the same rep is what a survey may follow up on
        as(alice, "rep").body(survey.formatted(contact, "COMMITMENT", commitment)).when().post("/api/v1/surveys")
                .then().statusCode(201).body("contextType", is("COMMITMENT"));
        as(alice, "rep").when().get("/api/v1/contacts/" + other + "/feedback")
                .then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void badInputIsA400NamingTheFieldAndWritesNothing() {
        UUID contact = knownContact(sender, alice, "Ada", null);
        as(alice, "rep").body("{}").when().post("/api/v1/surveys")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations.field", hasItem(containsString("contactId")))
                .body("violations.field", hasItem(containsString("kind")));
        as(alice, "rep").body("{\"contactId\": \"" + contact + "\", \"kind\": \"SMILEY\"}")
                .when().post("/api/v1/surveys").then().statusCode(400).contentType(PROBLEM_JSON);
        as(alice, "rep").body("{\"contactId\": \"not-a-uuid\", \"kind\": \"NPS\"}")
                .when().post("/api/v1/surveys").then().statusCode(400).contentType(PROBLEM_JSON);
        as(alice, "rep").body("{\"contactId\": \"" + contact + "\", \"kind\": \"NPS\", \"colour\": \"red\"}")
                .when().post("/api/v1/surveys").then().statusCode(400).contentType(PROBLEM_JSON);
        as(alice, "rep").body("{\"contactId\": \"" + contact + "\", \"kind\": \"NPS\", \"contextId\": \""
                + UUID.randomUUID() + "\"}")
                .when().post("/api/v1/surveys").then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations.field", contains("contextType"));
        as(alice, "rep").body("{\"contactId\": \"" + contact + "\", \"kind\": \"NPS\", \"expiresAt\": \""
                + Instant.now().minusSeconds(60) + "\"}")
                .when().post("/api/v1/surveys").then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations.field", contains("expiresAt"));
        as(alice, "rep").body("{\"contactId\": \"" + contact + "\", \"kind\": \"NPS\", \"expiresAt\": \""
                + Instant.now().plus(Duration.ofDays(91)) + "\"}")
                .when().post("/api/v1/surveys").then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations.field", contains("expiresAt"));
        as(alice, "rep").body("not json").when().post("/api/v1/surveys").then().statusCode(400);
        as(alice, "rep").when().get("/api/v1/contacts/" + contact + "/feedback")
                .then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void anExplicitExpiryIsKept() {
        UUID contact = knownContact(sender, alice, "Ada", null);
        Instant expiresAt = Instant.now().plus(Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        as(alice, "rep").body("{\"contactId\": \"" + contact + "\", \"kind\": \"CSAT\", \"expiresAt\": \""
                + expiresAt + "\"}")
                .when().post("/api/v1/surveys").then().statusCode(201)
                .body("expiresAt", is(expiresAt.toString())).body("channel", is("EMAIL"));
    }

    @Test
    void unknownAnotherRepsAndDoNotContactContactsAreRefused() {
        as(alice, "rep").body("{\"contactId\": \"" + UUID.randomUUID() + "\", \"kind\": \"NPS\"}")
                .when().post("/api/v1/surveys").then().statusCode(422).contentType(PROBLEM_JSON)
                .body("violations.field", contains("contactId"));
        UUID bobs = knownContact(sender, bob, "Grace", null);
        as(alice, "rep").body("{\"contactId\": \"" + bobs + "\", \"kind\": \"NPS\"}")
                .when().post("/api/v1/surveys").then().statusCode(422).contentType(PROBLEM_JSON);
        // a manager may send a survey for any rep's contact; it belongs to the contact's owner
        as("carol", "manager").body("{\"contactId\": \"" + bobs + "\", \"kind\": \"NPS\"}")
                .when().post("/api/v1/surveys").then().statusCode(201).body("owner", is(bob))
                .body("createdBy", is("carol"));
        as("ivan", "integrator").body("{\"contactId\": \"" + bobs + "\", \"kind\": \"NPS\"}")
                .when().post("/api/v1/surveys").then().statusCode(403);

        UUID quiet = knownContact(sender, alice, "Ada", null);
        sendContact(sender, EventType.CONTACT_UPDATED, quiet, 1, alice, "Ada", null, true);
        await().atMost(BOUND).untilAsserted(() -> as(alice, "rep")
                .body("{\"contactId\": \"" + quiet + "\", \"kind\": \"NPS\"}")
                .when().post("/api/v1/surveys").then().statusCode(409).contentType(PROBLEM_JSON)
                .body("detail", containsString("do-not-contact")));
        sendContact(sender, EventType.CONTACT_UPDATED, quiet, 2, alice, "Ada", null, false);
        await().atMost(BOUND).untilAsserted(() -> as(alice, "rep")
                .body("{\"contactId\": \"" + quiet + "\", \"kind\": \"NPS\"}")
                .when().post("/api/v1/surveys").then().statusCode(201));
    }

    @Test
    void aRepSeesOnlyTheirOwnRequests() {
        UUID mine = knownContact(sender, alice, "Ada", null);
        UUID theirs = knownContact(sender, bob, "Grace", null);
        String myRequest = createSurvey(alice, mine, "NPS").getString("id");
        String theirRequest = createSurvey(bob, theirs, "NPS").getString("id");

        as(alice, "rep").when().get("/api/v1/surveys/" + theirRequest).then().statusCode(404).contentType(PROBLEM_JSON);
        as(alice, "rep").queryParam("owner", bob).when().get("/api/v1/surveys")
                .then().statusCode(200).body("items.id", contains(myRequest));
        as("carol", "manager").queryParam("owner", bob).when().get("/api/v1/surveys")
                .then().statusCode(200).body("items.id", contains(theirRequest));
        as("ivan", "integrator").when().get("/api/v1/surveys/" + theirRequest).then().statusCode(200);
        as(alice, "rep").when().get("/api/v1/surveys/" + UUID.randomUUID()).then().statusCode(404);
        as(alice, "rep").when().get("/api/v1/surveys/nope").then().statusCode(404);
    }

    @Test
    void listsFilterAndPageNewestFirst() {
        UUID contact = knownContact(sender, alice, "Ada", null);
        List<String> ids = new ArrayList<>();
        for (String kind : List.of("NPS", "CSAT", "BOTH", "NPS", "CSAT")) {
            ids.add(createSurveyAnyway(contact, kind).getString("id"));
        }
        String cancelled = ids.get(0);
        as(alice, "rep").header("If-Match", "\"0\"").when().post("/api/v1/surveys/" + cancelled + "/cancel")
                .then().statusCode(200);

        JsonPath first = as(alice, "rep").queryParam("limit", 2).when().get("/api/v1/surveys")
                .then().statusCode(200).body("items", hasSize(2)).extract().jsonPath();
        assertThat(first.getList("items.id", String.class)).containsExactly(ids.get(4), ids.get(3));
        JsonPath second = as(alice, "rep").queryParam("limit", 2).queryParam("cursor", first.getString("nextCursor"))
                .when().get("/api/v1/surveys").then().statusCode(200).extract().jsonPath();
        assertThat(second.getList("items.id", String.class)).containsExactly(ids.get(2), ids.get(1));
        JsonPath third = as(alice, "rep").queryParam("limit", 2).queryParam("cursor", second.getString("nextCursor"))
                .when().get("/api/v1/surveys").then().statusCode(200).extract().jsonPath();
        assertThat(third.getList("items.id", String.class)).containsExactly(ids.get(0));
        assertThat(third.getString("nextCursor")).isNull();

        as(alice, "rep").queryParam("kind", "nps").queryParam("status", "PENDING").when().get("/api/v1/surveys")
                .then().statusCode(200).body("items.id", contains(ids.get(3)));
        as(alice, "rep").queryParam("status", "CANCELLED").when().get("/api/v1/surveys")
                .then().statusCode(200).body("items.id", contains(cancelled)).body("items[0].status", is("CANCELLED"));
        as(alice, "rep").queryParam("contactId", UUID.randomUUID().toString()).when().get("/api/v1/surveys")
                .then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void badListParametersAre400() {
        for (String[] bad : new String[][] { { "status", "LOST" }, { "kind", "MOOD" }, { "contactId", "nope" },
                { "limit", "0" }, { "limit", "201" }, { "cursor", "%%%" } }) {
            as(alice, "rep").queryParam(bad[0], bad[1]).when().get("/api/v1/surveys")
                    .then().statusCode(400).contentType(PROBLEM_JSON);
        }
    }

    @Test
    void cancellingNeedsIfMatchAndOnlyAPendingRequest() {
        UUID contact = knownContact(sender, alice, "Ada", null);
        String id = createSurvey(alice, contact, "NPS").getString("id");
        String path = "/api/v1/surveys/" + id + "/cancel";

        as(alice, "rep").when().post(path).then().statusCode(428).contentType(PROBLEM_JSON);
        as(alice, "rep").header("If-Match", "\"7\"").when().post(path)
                .then().statusCode(412).contentType(PROBLEM_JSON).header("ETag", is("\"0\""));
        as(bob, "rep").header("If-Match", "\"0\"").when().post(path).then().statusCode(404);
        as("ivan", "integrator").header("If-Match", "\"0\"").when().post(path).then().statusCode(403);
        as(alice, "rep").header("If-Match", "\"0\"").when().post(path)
                .then().statusCode(200).header("ETag", is("\"1\""))
                .body("status", is("CANCELLED")).body("cancelledAt", notNullValue());
        as(alice, "rep").header("If-Match", "\"1\"").when().post(path)
                .then().statusCode(409).contentType(PROBLEM_JSON);
        as(alice, "rep").header("If-Match", "\"0\"").when().post("/api/v1/surveys/" + UUID.randomUUID() + "/cancel")
                .then().statusCode(404);
    }

    @Test
    void everyEndpointNeedsAToken() {
        io.restassured.RestAssured.given().when().get("/api/v1/surveys/" + UUID.randomUUID()).then().statusCode(401);
        io.restassured.RestAssured.given().contentType("application/json").body("{}")
                .when().post("/api/v1/surveys").then().statusCode(401);
        io.restassured.RestAssured.given().when().get("/api/v1/contacts/" + UUID.randomUUID() + "/feedback")
                .then().statusCode(401);
        io.restassured.RestAssured.given().when().get("/api/v1/nps").then().statusCode(401);
        io.restassured.RestAssured.given().when().get("/api/v1/csat").then().statusCode(401);
    }
}
