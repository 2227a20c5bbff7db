package io.rapport.feedback.rest;

import static io.rapport.feedback.testing.FeedbackApi.PROBLEM_JSON;
import static io.rapport.feedback.testing.FeedbackApi.as;
import static io.rapport.feedback.testing.FeedbackApi.createSurvey;
import static io.rapport.feedback.testing.FeedbackApi.knownContact;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.events.testing.CloudEventSender;
import io.rapport.feedback.testing.FeedbackApi;
import io.rapport.feedback.testing.MovableClock;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;

/**
 * Survey fatigue: no survey to a contact who has one pending, nor within 30 days of their last answer; a 409 names the
 * request that holds the new one back, and only a manager may send one anyway.
 */
@QuarkusTest
class SurveyFatigueTest {

    private final CloudEventSender sender = CloudEventSender.local();
    private final String alice = "alice-" + UUID.randomUUID();

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
    void aPendingSurveyHoldsTheNextBackAndOnlyAManagerMaySendOneAnyway() {
        UUID contact = knownContact(sender, alice, "Ada", null);
        String pending = createSurvey(alice, contact, "NPS").getString("id");

        send(contact, "rep", false).then().statusCode(409).contentType(PROBLEM_JSON)
                .body("otherRequestId", is(pending))
                .body("detail", containsString("has a pending survey request " + pending));
        send(contact, "rep", true).then().statusCode(403).contentType(PROBLEM_JSON);
        send(contact, "rep", null).then().statusCode(409); // force=false is no override either
        as(alice, "rep").queryParam("force", "maybe").body(body(contact)).when().post("/api/v1/surveys")
                .then().statusCode(400).contentType(PROBLEM_JSON);
        String forced = send(contact, "manager", true).then().statusCode(201).extract().path("id");

        // cancelled requests hold nothing back
        cancel(pending);
        cancel(forced);
        send(contact, "rep", false).then().statusCode(201);
        // every refusal above wrote nothing
        assertThat(as(alice, "rep").queryParam("contactId", contact.toString()).when().get("/api/v1/surveys")
                .then().statusCode(200).extract().<List<String>>path("items.status"))
                .containsExactlyInAnyOrder("PENDING", "CANCELLED", "CANCELLED");
    }

    @Test
    void anAnswerHoldsTheNextSurveyBackForThirtyDays() {
        clock.setTo(Instant.parse("2026-05-01T09:00:00Z"));
        UUID contact = knownContact(sender, alice, "Ada", null);
        String answered = createSurvey(alice, contact, "CSAT").getString("id");
        as(alice, "rep").body("{\"csatScore\": 4}").when().post("/api/v1/surveys/" + answered + "/response")
                .then().statusCode(201);

        clock.setTo(Instant.parse("2026-05-31T08:59:00Z"));
        send(contact, "rep", false).then().statusCode(409).body("otherRequestId", is(answered))
                .body("detail", containsString("answered survey request " + answered + " on 2026-05-01"))
                .body("detail", containsString("the next survey may be sent from 2026-05-31T09:00:00Z"));
        clock.setTo(Instant.parse("2026-05-31T09:00:01Z"));
        send(contact, "rep", false).then().statusCode(201);
    }

    @Test
    void twoSurveysSentAtOnceToOneContactMakeOne() throws Exception {
        UUID contact = knownContact(sender, alice, "Ada", null);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<Integer>> answers = java.util.stream.IntStream.range(0, 4)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> send(contact, "rep", false).statusCode(), pool))
                    .toList();
            assertThat(answers.stream().map(CompletableFuture::join).toList())
                    .containsExactlyInAnyOrder(201, 409, 409, 409);
        } finally {
            pool.shutdown();
        }
    }

    private Response send(UUID contact, String role, Boolean force) {
        var request = as(role.equals("rep") ? alice : "carol", role).body(body(contact));
        if (force != null) {
            request.queryParam("force", force);
        }
        return request.when().post("/api/v1/surveys");
    }

    private void cancel(String request) {
        String etag = as(alice, "rep").when().get("/api/v1/surveys/" + request).then().statusCode(200)
                .extract().header("ETag");
        as(alice, "rep").header("If-Match", etag).when().post("/api/v1/surveys/" + request + "/cancel")
                .then().statusCode(200);
    }

    /** A survey whose link the rep shares: no email is sent, which would move its version on meanwhile. */
    private static String body(UUID contact) {
        return "{\"contactId\": \"" + contact + "\", \"kind\": \"NPS\", \"channel\": \"LINK\"}";
    }
}
