package io.rapport.feedback.rest;

import static io.rapport.feedback.testing.FeedbackApi.BOUND;
import static io.rapport.feedback.testing.FeedbackApi.PROBLEM_JSON;
import static io.rapport.feedback.testing.FeedbackApi.as;
import static io.rapport.feedback.testing.FeedbackApi.client;
import static io.rapport.feedback.testing.FeedbackApi.createSurvey;
import static io.rapport.feedback.testing.FeedbackApi.createSurveyAnyway;
import static io.rapport.feedback.testing.FeedbackApi.freshAddress;
import static io.rapport.feedback.testing.FeedbackApi.knownContact;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.events.Topic;
import io.rapport.events.testing.CloudEventSender;
import io.rapport.events.testing.TopicWatcher;
import io.rapport.feedback.testing.FeedbackApi;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;

/** Answers a rep records on the client's behalf, score boundaries end to end, and the contact's history. */
@QuarkusTest
class RecordedResponseTest {

    private final CloudEventSender sender = CloudEventSender.local();
    private final String alice = "alice-" + UUID.randomUUID();
    private final String bob = "bob-" + UUID.randomUUID();

    @Inject
    KafkaClientService kafka;

    @BeforeEach
    void awaitPartitionAssignment() {
        FeedbackApi.awaitPartitionAssignment(kafka);
    }

    @AfterEach
    void close() {
        sender.close();
    }

    @Test
    void everyNpsScoreIsClassifiedAtItsBoundaryAndPublished() throws Exception {
        UUID contact = knownContact(sender, alice, "Ada", null);
        Map<String, Integer> scoreByRequest = new HashMap<>();
        try (TopicWatcher topic = TopicWatcher.local(Topic.FEEDBACK.topicName())) {
            for (int score = 0; score <= 10; score++) {
                String id = createSurveyAnyway(contact, "NPS").getString("id"); // eleven surveys to one contact
                scoreByRequest.put(id, score);
                String expected = score >= 9 ? "PROMOTER" : score >= 7 ? "PASSIVE" : "DETRACTOR";
                as(alice, "rep").body("{\"npsScore\": " + score + "}")
                        .when().post("/api/v1/surveys/" + id + "/response")
                        .then().statusCode(201)
                        .body("requestId", is(id))
                        .body("npsScore", is(score))
                        .body("npsClass", is(expected))
                        .body("csatScore", nullValue())
                        .body("source", is("REP"))
                        .body("recordedBy", is(alice));
            }
            List<ConsumerRecord<String, String>> received = topic.awaitAll(r -> contact.toString().equals(r.key())
                    && "rapport.feedback.received.v1".equals(TopicWatcher.header(r, "ce_type")), 11, BOUND);
            List<String> classes = new ArrayList<>();
            for (ConsumerRecord<String, String> record : received) {
                JsonNode data = new ObjectMapper().readTree(record.value());
                int score = data.get("npsScore").asInt();
                assertThat(scoreByRequest.get(data.get("requestId").asText())).isEqualTo(score);
                assertThat(data.get("source").asText()).isEqualTo("REP");
                assertThat(data.get("commentLength").asInt()).isZero();
                classes.add(score + ":" + data.get("npsClass").asText());
            }
            assertThat(classes).containsExactly("0:DETRACTOR", "1:DETRACTOR", "2:DETRACTOR", "3:DETRACTOR",
                    "4:DETRACTOR", "5:DETRACTOR", "6:DETRACTOR", "7:PASSIVE", "8:PASSIVE", "9:PROMOTER",
                    "10:PROMOTER");
        }
    }

    @Test
    void everyCsatScoreIsClassifiedAtItsBoundary() {
        UUID contact = knownContact(sender, alice, "Ada", null);
        String[] expected = { null, "DISSATISFIED", "DISSATISFIED", "NEUTRAL", "SATISFIED", "SATISFIED" };
        for (int score = 1; score <= 5; score++) {
            String token = createSurveyAnyway(contact, "CSAT").getString("token"); // five to one contact
            client(freshAddress()).body("{\"csatScore\": " + score + "}")
                    .when().post("/api/v1/public/surveys/" + token + "/response").then().statusCode(201);
        }
        JsonPath history = as(alice, "rep").when().get("/api/v1/contacts/" + contact + "/feedback")
                .then().statusCode(200).extract().jsonPath();
        List<Integer> scores = history.getList("items.response.csatScore", Integer.class);
        List<String> classes = history.getList("items.response.csatClass", String.class);
        for (int i = 0; i < scores.size(); i++) {
            assertThat(classes.get(i)).isEqualTo(expected[scores.get(i)]);
        }
        assertThat(scores).containsExactly(5, 4, 3, 2, 1); // newest first
    }

    @Test
    void recordingNeedsWriteAccessAPendingRequestAndTheRightScores() {
        UUID contact = knownContact(sender, alice, "Ada", null);
        JsonPath survey = createSurvey(alice, contact, "BOTH");
        String path = "/api/v1/surveys/" + survey.getString("id") + "/response";

        as(bob, "rep").body("{\"npsScore\": 9, \"csatScore\": 5}").when().post(path).then().statusCode(404);
        as("ivan", "integrator").body("{\"npsScore\": 9, \"csatScore\": 5}").when().post(path).then().statusCode(403);
        as(alice, "rep").body("{\"npsScore\": 9}").when().post(path).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations.field", contains("csatScore"));
        as(alice, "rep").body("{\"npsScore\": 12, \"csatScore\": 5}").when().post(path)
                .then().statusCode(400).body("violations.field", hasItem(containsString("npsScore")));
        as(alice, "rep").body("{\"npsScore\": 9, \"csatScore\": 5, \"extra\": 1}").when().post(path)
                .then().statusCode(400);
        as(alice, "rep").when().post(path).then().statusCode(400);
        as(alice, "rep").body("{\"npsScore\": 9, \"csatScore\": 5}").when()
                .post("/api/v1/surveys/" + UUID.randomUUID() + "/response").then().statusCode(404);

        as("carol", "manager").body("{\"npsScore\": 9, \"csatScore\": 5, \"comment\": \"  Said on the phone  \"}")
                .when().post(path).then().statusCode(201)
                .body("npsClass", is("PROMOTER")).body("csatClass", is("SATISFIED"))
                .body("comment", is("Said on the phone")).body("recordedBy", is("carol"));
        as(alice, "rep").body("{\"npsScore\": 1, \"csatScore\": 1}").when().post(path)
                .then().statusCode(409).contentType(PROBLEM_JSON);
        // the client's link is used up too
        client(freshAddress()).when().get("/api/v1/public/surveys/" + survey.getString("token")).then().statusCode(410);
    }

    @Test
    void theHistoryIsTheOwnersAndManagersToRead() {
        UUID contact = knownContact(sender, alice, "Ada", null);
        String first = createSurvey(alice, contact, "NPS").getString("id");
        String second = createSurveyAnyway(contact, "CSAT").getString("id");
        as(alice, "rep").body("{\"csatScore\": 2}").when().post("/api/v1/surveys/" + second + "/response")
                .then().statusCode(201);

        as(alice, "rep").when().get("/api/v1/contacts/" + contact + "/feedback")
                .then().statusCode(200)
                .body("items.id", contains(second, first))
                .body("items.status", contains("ANSWERED", "PENDING"))
                .body("items[0].response.csatClass", is("DISSATISFIED"))
                .body("items[1].response", nullValue())
                .body("items[0].token", nullValue());
        as(bob, "rep").when().get("/api/v1/contacts/" + contact + "/feedback").then().statusCode(404)
                .contentType(PROBLEM_JSON);
        as("carol", "manager").when().get("/api/v1/contacts/" + contact + "/feedback").then().statusCode(200);
        as("ivan", "integrator").when().get("/api/v1/contacts/" + contact + "/feedback").then().statusCode(200);
        // paged: one survey a page, newest first
        String cursor = as(alice, "rep").queryParam("limit", 1).when().get("/api/v1/contacts/" + contact + "/feedback")
                .then().statusCode(200).body("items.id", contains(second)).extract().path("nextCursor");
        as(alice, "rep").queryParam("limit", 1).queryParam("cursor", cursor)
                .when().get("/api/v1/contacts/" + contact + "/feedback")
                .then().statusCode(200).body("items.id", contains(first));
        as(alice, "rep").queryParam("cursor", "made-up").when().get("/api/v1/contacts/" + contact + "/feedback")
                .then().statusCode(400).contentType(PROBLEM_JSON);
        as(alice, "rep").when().get("/api/v1/contacts/" + UUID.randomUUID() + "/feedback").then().statusCode(404);
        as(alice, "rep").when().get("/api/v1/contacts/not-a-uuid/feedback").then().statusCode(404);
    }

    @Test
    void theExportHoldsEverySurveyWithItsAnswerAndCommentForWhoMaySeeTheContact() {
        UUID contact = knownContact(sender, alice, "Ada", null);
        String first = createSurvey(alice, contact, "NPS").getString("id");
        String second = createSurveyAnyway(contact, "CSAT").getString("id");
        as(alice, "rep").body("{\"csatScore\": 2, \"comment\": \"Nobody called back about the outage\"}")
                .when().post("/api/v1/surveys/" + second + "/response").then().statusCode(201);

        as(alice, "rep").when().get("/api/v1/contacts/" + contact + "/export")
                .then().statusCode(200)
                .body("contactId", is(contact.toString()))
                .body("surveys.id", contains(second, first))
                .body("surveys[0].response.comment", is("Nobody called back about the outage"))
                .body("surveys[0].token", nullValue());
        as(bob, "rep").when().get("/api/v1/contacts/" + contact + "/export").then().statusCode(404)
                .contentType(PROBLEM_JSON);
        as("ivan", "integrator").when().get("/api/v1/contacts/" + contact + "/export").then().statusCode(403);
        as("carol", "manager").when().get("/api/v1/contacts/" + contact + "/export").then().statusCode(200);
    }
}
