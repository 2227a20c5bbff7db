package io.rapport.feedback.rest;

import static io.rapport.feedback.testing.FeedbackApi.PROBLEM_JSON;
import static io.rapport.feedback.testing.FeedbackApi.as;
import static io.rapport.feedback.testing.FeedbackApi.createSurveyAnyway;
import static io.rapport.feedback.testing.FeedbackApi.knownContact;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.events.testing.CloudEventSender;
import io.rapport.feedback.testing.FeedbackApi;
import io.rapport.feedback.testing.MovableClock;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;

/**
 * NPS and CSAT on fixed data sets. Each test puts its data in a year of its own (by fixing the clock), which no
 * other test writes to, so the totals over that period are exactly this data.
 */
@QuarkusTest
class AggregatesTest {

    private final CloudEventSender sender = CloudEventSender.local();
    private final String alice = "alice-" + UUID.randomUUID();
    private final String bob = "bob-" + UUID.randomUUID();

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
    void npsPerOwnerOrganisationAndMonthRoundsHalvesAwayFromZero() {
        UUID organisation = UUID.randomUUID();
        UUID alices = knownContact(sender, alice, "Ada", organisation);
        UUID bobs = knownContact(sender, bob, "Grace", null);

        // March 2019, alice: 3 promoters, 3 passives, 2 detractors → 37.5 − 25 = 12.5 → 13; 10 sent, 8 answered
        answerAll(alice, alices, "NPS", "npsScore", List.of(10, 9, 9, 8, 7, 7, 6, 0), "2019-03-10T09:00:00Z",
                "2019-03-11T09:00:00Z");
        clock.setTo(Instant.parse("2019-03-12T09:00:00Z"));
        createSurveyAnyway(alices, "NPS");
        createSurveyAnyway(alices, "NPS");
        String cancelled = createSurveyAnyway(alices, "NPS").getString("id");
        as(alice, "rep").header("If-Match", "\"0\"").when().post("/api/v1/surveys/" + cancelled + "/cancel")
                .then().statusCode(200);
        createSurveyAnyway(alices, "CSAT"); // not an NPS survey
        // April 2019, bob: 2 promoters, 3 passives, 3 detractors → 25 − 37.5 = −12.5 → −13; 8 sent, 8 answered
        answerAll(bob, bobs, "NPS", "npsScore", List.of(10, 9, 8, 8, 7, 5, 3, 0), "2019-04-05T09:00:00Z",
                "2019-04-06T09:00:00Z");
        // June 2019: outside the period
        answerAll(alice, alices, "NPS", "npsScore", List.of(0), "2019-06-01T09:00:00Z", "2019-06-01T10:00:00Z");

        nps("manager", null).body("from", is("2019-03-01")).body("to", is("2019-04-30"))
                .body("groups", nullValue())
                .body("total.key", nullValue())
                .body("total.responses", is(16))
                .body("total.promoters", is(5))
                .body("total.passives", is(6))
                .body("total.detractors", is(5))
                .body("total.score", is(0))
                .body("total.requests", is(18))
                .body("total.answered", is(16))
                .body("total.responseRate", is(88.9f));

        nps("manager", "OWNER").body("groupBy", is("OWNER"))
                .body("groups.key", contains(alice, bob))
                .body("groups.responses", contains(8, 8))
                .body("groups.promoters", contains(3, 2))
                .body("groups.passives", contains(3, 3))
                .body("groups.detractors", contains(2, 3))
                .body("groups.score", contains(13, -13))
                .body("groups.requests", contains(10, 8))
                .body("groups.answered", contains(8, 8))
                .body("groups.responseRate", contains(80.0f, 100.0f));
        nps("manager", "MONTH").body("groups.key", contains("2019-03", "2019-04"))
                .body("groups.score", contains(13, -13));
        nps("manager", "ORGANISATION").body("groups.key", contains(null, organisation.toString()))
                .body("groups.score", contains(-13, 13));

        // a rep sees only their own, whatever owner they name
        nps(alice, null).body("owner", is(alice)).body("total.score", is(13)).body("total.responses", is(8));
        as(alice, "rep").queryParam("from", "2019-03-01").queryParam("to", "2019-04-30").queryParam("owner", bob)
                .when().get("/api/v1/nps").then().statusCode(200).body("total.score", is(13));
        // a manager may narrow to one rep
        as("carol", "manager").queryParam("from", "2019-03-01").queryParam("to", "2019-04-30").queryParam("owner", bob)
                .when().get("/api/v1/nps").then().statusCode(200).body("total.score", is(-13));
        // a period without data
        as("ivan", "integrator").queryParam("from", "2017-01-01").queryParam("to", "2017-01-31")
                .when().get("/api/v1/nps").then().statusCode(200)
                .body("total.responses", is(0)).body("total.score", nullValue())
                .body("total.responseRate", nullValue());
    }

    @Test
    void csatCountsClassesScoreAverageAndResponseRate() {
        UUID organisation = UUID.randomUUID();
        UUID contact = knownContact(sender, alice, "Ada", organisation);

        // May 2018: 7 CSAT answers and one BOTH answered with CSAT 3
        answerAll(alice, contact, "CSAT", "csatScore", List.of(5, 4, 4, 3, 2, 1, 5), "2018-05-02T09:00:00Z",
                "2018-05-03T09:00:00Z");
        clock.setTo(Instant.parse("2018-05-04T09:00:00Z"));
        String both = createSurveyAnyway(contact, "BOTH").getString("id");
        as(alice, "rep").body("{\"npsScore\": 10, \"csatScore\": 3}").when().post("/api/v1/surveys/" + both + "/response")
                .then().statusCode(201);
        createSurveyAnyway(contact, "CSAT"); // unanswered
        createSurveyAnyway(contact, "NPS"); // not a CSAT survey

        // 4 satisfied, 2 neutral, 2 dissatisfied of 8 → 50; mean 27 / 8 = 3.375 → 3.38; 9 sent, 8 answered
        ValidatableResponse csat = as("carol", "manager").queryParam("from", "2018-05-01").queryParam("to", "2018-05-31")
                .queryParam("groupBy", "organisation")
                .when().get("/api/v1/csat").then().statusCode(200);
        csat.body("total.responses", is(8))
                .body("total.satisfied", is(4))
                .body("total.neutral", is(2))
                .body("total.dissatisfied", is(2))
                .body("total.score", is(50))
                .body("total.average", is(3.38f))
                .body("total.requests", is(9))
                .body("total.answered", is(8))
                .body("total.responseRate", is(88.9f))
                .body("groups.key", contains(organisation.toString()));
        // without the BOTH answer: 4 of 7 satisfied → 57.14 → 57
        as("carol", "manager").queryParam("from", "2018-05-01").queryParam("to", "2018-05-03")
                .when().get("/api/v1/csat").then().statusCode(200)
                .body("total.responses", is(7)).body("total.score", is(57)).body("total.average", is(3.43f));
        // the BOTH answer counts for NPS too: 1 promoter of 1; 2 NPS surveys sent, 1 answered
        as("carol", "manager").queryParam("from", "2018-05-01").queryParam("to", "2018-05-31")
                .when().get("/api/v1/nps").then().statusCode(200)
                .body("total.responses", is(1)).body("total.score", is(100))
                .body("total.requests", is(2)).body("total.responseRate", is(50.0f));
    }

    @Test
    void theDefaultPeriodIsTheLastYear() {
        clock.setTo(Instant.parse("2026-03-15T12:00:00Z"));
        as("carol", "manager").when().get("/api/v1/nps").then().statusCode(200)
                .body("from", is("2025-03-16")).body("to", is("2026-03-15"));
        as("carol", "manager").queryParam("to", "2020-02-29").when().get("/api/v1/csat").then().statusCode(200)
                .body("from", is("2019-03-01")).body("to", is("2020-02-29"));
    }

    @Test
    void badParametersAre400() {
        for (String path : List.of("/api/v1/nps", "/api/v1/csat")) {
            for (String[] bad : new String[][] { { "groupBy", "TEAM" }, { "from", "2019-13-01" },
                    { "to", "yesterday" } }) {
                as("carol", "manager").queryParam(bad[0], bad[1]).when().get(path)
                        .then().statusCode(400).contentType(PROBLEM_JSON);
            }
            as("carol", "manager").queryParam("from", "2019-05-01").queryParam("to", "2019-04-30")
                    .when().get(path).then().statusCode(400).contentType(PROBLEM_JSON);
            as("carol", "manager").queryParam("from", "2010-01-01").queryParam("to", "2019-04-30")
                    .when().get(path).then().statusCode(400).contentType(PROBLEM_JSON);
        }
    }

    /** Creates one survey per score at {@code sentAt}, then answers them all at {@code answeredAt}. */
    private void answerAll(String rep, UUID contact, String kind, String field, List<Integer> scores, String sentAt,
            String answeredAt) {
        clock.setTo(Instant.parse(sentAt));
        // several surveys to one contact: as a manager may send them despite survey fatigue
        List<String> ids = scores.stream().map(score -> createSurveyAnyway(contact, kind).getString("id")).toList();
        clock.setTo(Instant.parse(answeredAt));
        for (int i = 0; i < ids.size(); i++) {
            as(rep, "rep").body("{\"" + field + "\": " + scores.get(i) + "}")
                    .when().post("/api/v1/surveys/" + ids.get(i) + "/response").then().statusCode(201);
        }
    }

    private ValidatableResponse nps(String user, String groupBy) {
        var request = as(user, user.startsWith("alice") ? "rep" : "manager")
                .queryParam("from", "2019-03-01").queryParam("to", "2019-04-30");
        if (groupBy != null) {
            request.queryParam("groupBy", groupBy);
        }
        return request.when().get("/api/v1/nps").then().statusCode(200);
    }
}
