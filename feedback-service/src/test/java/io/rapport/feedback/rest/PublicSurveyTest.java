package io.rapport.feedback.rest;

import static io.rapport.feedback.testing.FeedbackApi.BOUND;
import static io.rapport.feedback.testing.FeedbackApi.PROBLEM_JSON;
import static io.rapport.feedback.testing.FeedbackApi.as;
import static io.rapport.feedback.testing.FeedbackApi.asNamed;
import static io.rapport.feedback.testing.FeedbackApi.client;
import static io.rapport.feedback.testing.FeedbackApi.createSurvey;
import static io.rapport.feedback.testing.FeedbackApi.createSurveyAnyway;
import static io.rapport.feedback.testing.FeedbackApi.freshAddress;
import static io.rapport.feedback.testing.FeedbackApi.knownContact;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.events.Topic;
import io.rapport.events.testing.CloudEventSender;
import io.rapport.events.testing.RawHttp;
import io.rapport.events.testing.TopicWatcher;
import io.rapport.feedback.service.SurveyTokens;
import io.rapport.feedback.testing.FeedbackApi;
import io.rapport.feedback.testing.MovableClock;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;

@QuarkusTest
class PublicSurveyTest {

    private final CloudEventSender sender = CloudEventSender.local();
    private final String alice = "alice-" + UUID.randomUUID();
    private final String address = freshAddress();

    @Inject
    KafkaClientService kafka;

    @Inject
    MovableClock clock;

    @BeforeEach
    void awaitPartitionAssignment() {
        FeedbackApi.awaitPartitionAssignment(kafka);
    }

    @AfterEach
    void close() {
        clock.reset();
        sender.close();
    }

    @Test
    void theSurveyPageShowsTheQuestionsAndNamesWithoutALogin() {
        UUID contact = knownContact(sender, alice, "Ada", UUID.randomUUID());
        String token = asNamed(alice, "Alice Example", "rep")
                .body("{\"contactId\": \"" + contact + "\", \"kind\": \"BOTH\"}")
                .when().post("/api/v1/surveys").then().statusCode(201).extract().path("token");

        JsonPath page = client(address).when().get("/api/v1/public/surveys/" + token)
                .then().statusCode(200)
                .body("kind", is("BOTH"))
                .body("firstName", is("Ada"))
                .body("repName", is("Alice Example"))
                .body("questions.field", contains("npsScore", "csatScore"))
                .body("questions[0].text", containsString("recommend"))
                .body("questions[0].min", is(0)).body("questions[0].max", is(10))
                .body("questions[1].min", is(1)).body("questions[1].max", is(5))
                .body("expiresAt", notNullValue())
                .extract().jsonPath();
        // nothing else personal: no last name, email, ids or owner
        Map<String, Object> members = page.getMap("");
        assertThat(members.keySet()).containsExactlyInAnyOrder("kind", "firstName", "repName", "questions",
                "commentPrompt", "expiresAt");
        assertThat(page.prettify()).doesNotContain("Lovelace").doesNotContain("example.com")
                .doesNotContain(contact.toString()).doesNotContain(alice);
        // the page's copy is revalidated by its content's tag
        String tag = client(address).when().get("/api/v1/public/surveys/" + token).then().statusCode(200)
                .extract().header("ETag");
        client(address).header("If-None-Match", tag).when().get("/api/v1/public/surveys/" + token)
                .then().statusCode(304).header("ETag", is(tag)).body(is(""));
    }

    @Test
    void theClientAnswersOnceAndFeedbackReceivedIsPublishedWithoutTheComment() throws Exception {
        UUID contact = knownContact(sender, alice, "Ada", null);
        JsonPath survey = createSurvey(alice, contact, "NPS");
        String token = survey.getString("token");
        String comment = "Great service, but the invoices are confusing";
        try (TopicWatcher topic = TopicWatcher.local(Topic.FEEDBACK.topicName())) {
            client(address).body("{\"npsScore\": 4, \"comment\": \"" + comment + "\"}")
                    .when().post("/api/v1/public/surveys/" + token + "/response")
                    .then().statusCode(201)
                    .body("npsScore", is(4)).body("comment", is(comment)).body("receivedAt", notNullValue());

            ConsumerRecord<String, String> event = topic.await(r -> contact.toString().equals(r.key())
                    && "rapport.feedback.received.v1".equals(TopicWatcher.header(r, "ce_type")), BOUND);
            JsonNode data = new ObjectMapper().readTree(event.value());
            assertThat(data.get("requestId").asText()).isEqualTo(survey.getString("id"));
            assertThat(data.get("contactId").asText()).isEqualTo(contact.toString());
            assertThat(data.get("owner").asText()).isEqualTo(alice);
            assertThat(data.get("npsScore").asInt()).isEqualTo(4);
            assertThat(data.get("npsClass").asText()).isEqualTo("DETRACTOR");
            assertThat(data.get("csatScore").isNull()).isTrue();
            assertThat(data.get("commentLength").asInt()).isEqualTo(comment.length());
            assertThat(data.has("comment")).isFalse();
            assertThat(data.get("source").asText()).isEqualTo("CLIENT");
            assertThat(event.value()).doesNotContain("invoices");
        }

        // single use: the link is gone, for viewing and for answering again
        client(address).when().get("/api/v1/public/surveys/" + token)
                .then().statusCode(410).contentType(PROBLEM_JSON);
        client(address).body("{\"npsScore\": 10}").when().post("/api/v1/public/surveys/" + token + "/response")
                .then().statusCode(410).contentType(PROBLEM_JSON).body("detail", containsString("already"));
        as(alice, "rep").when().get("/api/v1/surveys/" + survey.getString("id"))
                .then().statusCode(200)
                .body("status", is("ANSWERED"))
                .body("response.npsScore", is(4))
                .body("response.npsClass", is("DETRACTOR"))
                .body("response.source", is("CLIENT"))
                .body("response.comment", is(comment));
    }

    @Test
    void twoAnswersAtOnceThroughOneLinkRecordOne() throws Exception {
        UUID contact = knownContact(sender, alice, "Ada", null);
        JsonPath survey = createSurvey(alice, contact, "NPS");
        String path = "/api/v1/public/surveys/" + survey.getString("token") + "/response";
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                int score = 6 + i;
                answers.add(pool.submit(() -> client(freshAddress()).body("{\"npsScore\": " + score + "}")
                        .when().post(path).then().extract().statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(30, TimeUnit.SECONDS));
            }
            assertThat(statuses).containsExactlyInAnyOrder(201, 410, 410, 410);
        } finally {
            pool.shutdownNow();
        }
        as(alice, "rep").when().get("/api/v1/contacts/" + contact + "/feedback")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].status", is("ANSWERED"));
    }

    @Test
    void unknownTamperedAndMalformedTokensAre404() {
        UUID contact = knownContact(sender, alice, "Ada", null);
        String token = createSurvey(alice, contact, "NPS").getString("token");
        char last = token.charAt(token.length() - 1);
        String tampered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        List<String> bad = List.of(new SurveyTokens().newToken(), tampered, "short", token + "x",
                token.substring(0, 42) + "!", SurveyTokens.hash(token));
        for (String guess : bad) {
            client(address).when().get("/api/v1/public/surveys/" + guess)
                    .then().statusCode(404).contentType(PROBLEM_JSON);
            client(address).body("{\"npsScore\": 10}").when().post("/api/v1/public/surveys/" + guess + "/response")
                    .then().statusCode(404).contentType(PROBLEM_JSON);
        }
        client(address).when().get("/api/v1/public/surveys/" + token).then().statusCode(200);
    }

    @Test
    void anExpiredLinkIs410() {
        UUID contact = knownContact(sender, alice, "Ada", null);
        String token = as(alice, "rep").body("{\"contactId\": \"" + contact + "\", \"kind\": \"CSAT\", \"channel\": \"LINK\", \"expiresAt\": \""
                + Instant.now().plus(Duration.ofHours(1)) + "\"}")
                .when().post("/api/v1/surveys").then().statusCode(201).extract().path("token");
        String id = as(alice, "rep").queryParam("contactId", contact.toString()).when().get("/api/v1/surveys")
                .then().extract().path("items[0].id");
        client(address).when().get("/api/v1/public/surveys/" + token).then().statusCode(200);

        clock.advance(Duration.ofHours(2));
        client(address).when().get("/api/v1/public/surveys/" + token)
                .then().statusCode(410).contentType(PROBLEM_JSON).body("detail", containsString("expired"));
        client(address).body("{\"csatScore\": 5}").when().post("/api/v1/public/surveys/" + token + "/response")
                .then().statusCode(410).contentType(PROBLEM_JSON);
        as(alice, "rep").when().get("/api/v1/surveys/" + id).then().statusCode(200).body("status", is("EXPIRED"));
        as(alice, "rep").queryParam("status", "EXPIRED").when().get("/api/v1/surveys")
                .then().statusCode(200).body("items.id", contains(id));
        as(alice, "rep").body("{\"csatScore\": 5}").when().post("/api/v1/surveys/" + id + "/response")
                .then().statusCode(409).contentType(PROBLEM_JSON);
        as(alice, "rep").header("If-Match", "\"0\"").when().post("/api/v1/surveys/" + id + "/cancel")
                .then().statusCode(409);
    }

    @Test
    void theDefaultValidityIsFourteenDays() {
        UUID contact = knownContact(sender, alice, "Ada", null);
        String token = createSurvey(alice, contact, "NPS").getString("token");
        clock.advance(Duration.ofDays(14).minusMinutes(1));
        client(address).when().get("/api/v1/public/surveys/" + token).then().statusCode(200);
        clock.advance(Duration.ofMinutes(1));
        client(address).when().get("/api/v1/public/surveys/" + token).then().statusCode(410);
    }

    @Test
    void aCancelledLinkIs410() {
        UUID contact = knownContact(sender, alice, "Ada", null);
        JsonPath survey = createSurvey(alice, contact, "NPS");
        as(alice, "rep").header("If-Match", "\"0\"").when().post("/api/v1/surveys/" + survey.getString("id") + "/cancel")
                .then().statusCode(200);
        client(address).when().get("/api/v1/public/surveys/" + survey.getString("token"))
                .then().statusCode(410).contentType(PROBLEM_JSON).body("detail", containsString("withdrawn"));
        client(address).body("{\"npsScore\": 9}")
                .when().post("/api/v1/public/surveys/" + survey.getString("token") + "/response")
                .then().statusCode(410);
    }

    @Test
    void theLinkIsCheckedBeforeTheBodyIsRead() throws Exception {
        RawHttp http = new RawHttp(URI.create(RestAssured.baseURI).getHost(), RestAssured.port);
        String unknown = "/api/v1/public/surveys/" + new SurveyTokens().newToken() + "/response";
        // bodies announced and never sent: each answer comes without the body, and the connection closes after it
        for (long announced : List.of(20L, 10L * 1024 * 1024)) {
            RawHttp.Response answer = http.announce("POST", unknown, headers(freshAddress()), announced);
            assertThat(answer.status()).as("a body of %d bytes to a link to nowhere", announced).isEqualTo(404);
            assertThat(answer.contentType()).startsWith(PROBLEM_JSON);
        }
        UUID contact = knownContact(sender, alice, "Ada", null);
        String open = "/api/v1/public/surveys/" + createSurvey(alice, contact, "NPS").getString("token") + "/response";
        RawHttp.Response tooLarge = http.announce("POST", open, headers(freshAddress()), 10L * 1024 * 1024);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("reads at most 16384");
        RawHttp.Response withoutLength = http.sendChunked("POST", open, headers(freshAddress()),
                "{\"npsScore\": 9}".getBytes(StandardCharsets.UTF_8));
        assertThat(withoutLength.status()).isEqualTo(411);
        // the link is still open, and takes an answer within its limit
        client(freshAddress()).body("{\"npsScore\": 9, \"comment\": \"" + "語".repeat(2000) + "\"}").when().post(open)
                .then().statusCode(201);
        client(freshAddress()).body("{\"npsScore\": 9}").when().post(open).then().statusCode(410);
        RawHttp.Response closed = http.announce("POST", open, headers(freshAddress()), 10L * 1024 * 1024);
        assertThat(closed.status()).as("a large body to an answered link").isEqualTo(410);
    }

    private static Map<String, String> headers(String address) {
        return Map.of("X-Forwarded-For", address, "Content-Type", "application/json");
    }

    @Test
    void badAnswersAre400AndLeaveTheLinkUsable() {
        UUID contact = knownContact(sender, alice, "Ada", null);
        String nps = createSurvey(alice, contact, "NPS").getString("token");
        String csat = createSurveyAnyway(contact, "CSAT").getString("token");
        String both = createSurveyAnyway(contact, "BOTH").getString("token");
        // every request through a link costs from its bucket, read or not: unreadable bodies go to a link of their own
        String unreadable = createSurveyAnyway(contact, "NPS").getString("token");
        Object[][] cases = {
                { nps, "{\"npsScore\": 11}", "npsScore" },
                { nps, "{\"npsScore\": -1}", "npsScore" },
                { nps, "{}", "npsScore" },
                { nps, "{\"npsScore\": 5, \"csatScore\": 3}", "csatScore" },
                { nps, "{\"npsScore\": 5, \"comment\": \"" + "x".repeat(2001) + "\"}", "comment" },
                { csat, "{\"csatScore\": 0}", "csatScore" },
                { csat, "{\"csatScore\": 6}", "csatScore" },
                { csat, "{\"csatScore\": 4, \"npsScore\": 4}", "npsScore" },
                { both, "{\"npsScore\": 9}", "csatScore" },
                { both, "{\"csatScore\": 4}", "npsScore" },
        };
        for (Object[] c : cases) {
            client(freshAddress()).body(c[1]).when().post("/api/v1/public/surveys/" + c[0] + "/response")
                    .then().statusCode(400).contentType(PROBLEM_JSON)
                    .body("violations.field", hasItem(containsString((String) c[2])));
        }
        client(address).body("{\"npsScore\": \"ten\"}")
                .when().post("/api/v1/public/surveys/" + unreadable + "/response")
                .then().statusCode(400).contentType(PROBLEM_JSON);
        client(address).body("{\"npsScore\": 5, \"mood\": \"happy\"}")
                .when().post("/api/v1/public/surveys/" + unreadable + "/response")
                .then().statusCode(400).contentType(PROBLEM_JSON);
        client(address).body("[]").when().post("/api/v1/public/surveys/" + unreadable + "/response")
                .then().statusCode(400);
        client(address).body("{\"npsScore\": 10}").when().post("/api/v1/public/surveys/" + nps + "/response")
                .then().statusCode(201);
        client(address).body("{\"csatScore\": 1}").when().post("/api/v1/public/surveys/" + csat + "/response")
                .then().statusCode(201);
        client(address).body("{\"npsScore\": 0, \"csatScore\": 5}")
                .when().post("/api/v1/public/surveys/" + both + "/response").then().statusCode(201);
    }

    @Test
    void guessingTokensFromOneAddressIsRateLimited() {
        UUID contact = knownContact(sender, alice, "Ada", null);
        String token = createSurvey(alice, contact, "NPS").getString("token");
        // the test profile allows 30 requests per hour per address (one more every 2 minutes)
        List<Integer> statuses = new ArrayList<>();
        String limited = null;
        for (int i = 0; i < 31; i++) {
            var response = client(address).when().get("/api/v1/public/surveys/" + new SurveyTokens().newToken())
                    .then().extract();
            statuses.add(response.statusCode());
            if (response.statusCode() == 429) {
                limited = response.header("Retry-After");
                assertThat(response.contentType()).startsWith(PROBLEM_JSON);
            }
        }
        assertThat(statuses.subList(0, 30)).containsOnly(404);
        assertThat(statuses.get(30)).isEqualTo(429);
        assertThat(Integer.parseInt(limited)).isBetween(1, 120);

        // a real link from that address is refused too, until the bucket refills; another address is unaffected
        client(address).when().get("/api/v1/public/surveys/" + token).then().statusCode(429)
                .header("Retry-After", matchesPattern("\\d+"));
        client(freshAddress()).when().get("/api/v1/public/surveys/" + token).then().statusCode(200);
    }

    @Test
    void hammeringOneLinkIsRateLimitedWhateverTheAddress() {
        UUID contact = knownContact(sender, alice, "Ada", null);
        String token = createSurvey(alice, contact, "NPS").getString("token");
        // the test profile allows 6 requests per hour per token
        for (int i = 0; i < 6; i++) {
            client(freshAddress()).when().get("/api/v1/public/surveys/" + token).then().statusCode(200);
        }
        client(freshAddress()).when().get("/api/v1/public/surveys/" + token)
                .then().statusCode(429).contentType(PROBLEM_JSON).header("Retry-After", notNullValue());
        client(freshAddress()).body("{\"npsScore\": 9}").when().post("/api/v1/public/surveys/" + token + "/response")
                .then().statusCode(429);
    }
}
