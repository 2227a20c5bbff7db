package io.rapport.scheduler.health;

import static io.rapport.events.testing.TestTokens.bearer;
import static io.rapport.scheduler.health.HealthFixture.BOUND;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.events.EventType;
import io.rapport.events.testing.ConsumerAssignments;
import io.rapport.scheduler.MovableClock;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;

/** The health API, fed with real events on Kafka, at a fixed moment. */
@QuarkusTest
class HealthApiTest {

    private static final Instant NOW = Instant.parse("2026-04-01T09:00:00Z");
    private static final String PROBLEM = "application/problem+json";

    @Inject
    KafkaClientService kafka;
    @Inject
    MovableClock clock;

    private final HealthFixture fixture = new HealthFixture();

    @BeforeEach
    void setUp() {
        ConsumerAssignments.await(kafka, "contact-events", "interaction-events", "feedback-events");
        clock.travelTo(NOW);
    }

    @AfterEach
    void tearDown() {
        clock.reset();
        fixture.close();
    }

    @Test
    void aContactsScoreIsTheWeightedMeanOfItsComponents() {
        UUID contact = fixture.contact();
        fixture.interaction(contact, "MEETING", "OUTBOUND", Instant.parse("2026-03-22T09:00:00Z"), false, null,
                "NEGATIVE");
        fixture.interaction(contact, "EMAIL", "INBOUND", Instant.parse("2026-03-30T21:00:00Z"), true, null, "POSITIVE");
        fixture.nps(contact, 9, "PROMOTER", Instant.parse("2026-03-25T10:00:00Z"));
        fixture.commitment(contact, EventType.COMMITMENT_FULFILLED, "FULFILLED", Instant.parse("2026-03-20T12:00:00Z"),
                Instant.parse("2026-03-19T12:00:00Z"));
        fixture.commitment(contact, EventType.COMMITMENT_MADE, "OPEN", Instant.parse("2026-03-28T12:00:00Z"), null);

        // (30 × 99 + 20 × 58 + 20 × 90 + 15 × 50 + 15 × 50) / 100
        await().atMost(BOUND).untilAsserted(() -> assertThat(fixture.health(contact).getInt("score")).isEqualTo(74));
        JsonPath health = fixture.health(contact);
        assertThat(health.getString("band")).isEqualTo("HEALTHY");
        assertThat(health.getString("owner")).isEqualTo(fixture.rep);
        assertThat(Instant.parse(health.getString("computedAt"))).isAfterOrEqualTo(NOW);
        assertThat(health.getList("components.name"))
                .containsExactly("RECENCY", "SENTIMENT", "FEEDBACK", "COMMITMENTS", "UNANSWERED");
        assertThat(health.getList("components.score", Integer.class)).containsExactly(99, 58, 90, 50, 50);
        assertThat(health.getList("components.weight", Integer.class)).containsExactly(30, 20, 20, 15, 15);
        assertThat(health.getList("components.explanation")).containsExactly(
                "last touch-point 1 day ago; cadence 30 days",
                "latest 2 sentiments, oldest first: negative, positive; improving",
                "NPS 9 (promoter) on 2026-03-25",
                "kept 1 of 2 commitments due; 1 overdue",
                "1 inbound message awaits a reply for 36 h");
        assertThat(health.getString("components[0].facts.lastTouchAt")).isEqualTo("2026-03-30T21:00:00Z");
        assertThat(health.getInt("components[3].facts.overdue")).isEqualTo(1);
    }

    @Test
    void aHealthReadIsTaggedByItsContentSoAnUnchangedCopyIs304() {
        UUID contact = fixture.contact();
        fixture.nps(contact, 0, "DETRACTOR", Instant.parse("2026-03-30T10:00:00Z"));
        await().atMost(BOUND).untilAsserted(() -> assertThat(fixture.health(contact).getInt("score")).isEqualTo(45));
        String tag = fixture.health(contact, fixture.rep, "rep").statusCode(200).extract().header("ETag");
        given().header("Authorization", bearer(fixture.rep, "rep")).header("If-None-Match", tag)
                .when().get("/api/v1/contacts/" + contact + "/health")
                .then().statusCode(304).header("ETag", is(tag)).body(is(""));

        fixture.nps(contact, 10, "PROMOTER", Instant.parse("2026-03-31T10:00:00Z"));
        await().atMost(BOUND).untilAsserted(() -> given().header("Authorization", bearer(fixture.rep, "rep"))
                .header("If-None-Match", tag).when().get("/api/v1/contacts/" + contact + "/health")
                .then().statusCode(200).header("ETag", not(is(tag))).body("score", not(is(45))));
    }

    @Test
    void aComponentWithoutDataIsReportedAndLeftOut() {
        UUID contact = fixture.contact();
        fixture.nps(contact, 0, "DETRACTOR", Instant.parse("2026-03-30T10:00:00Z"));

        // no touch-point in 30 days: recency 75; (30 × 75 + 20 × 0) / 50
        await().atMost(BOUND).untilAsserted(() -> assertThat(fixture.health(contact).getInt("score")).isEqualTo(45));
        JsonPath health = fixture.health(contact);
        assertThat(health.getString("band")).isEqualTo("WATCH");
        assertThat(health.getList("components.hasData")).containsExactly(true, false, true, false, false);
        assertThat(health.getList("components.effectiveWeight", Float.class)).containsExactly(0.6f, 0f, 0.4f, 0f, 0f);
        assertThat(health.getString("components[1].explanation")).isEqualTo("no interaction with a sentiment yet");
        assertThat(health.getString("components[3].explanation")).isEqualTo("no commitment kept or due yet");
        assertThat(health.getString("components[0].explanation"))
                .isEqualTo("no touch-point since the contact was added 30 days ago; cadence 30 days");
    }

    @Test
    void aRepSeesOnlyTheirOwnContactsAndOthersAnswerNotFound() {
        UUID contact = fixture.contact();
        await().atMost(BOUND).untilAsserted(() -> fixture.health(contact, fixture.rep, "rep").statusCode(200));

        notFound(fixture.health(contact, "rep-" + UUID.randomUUID(), "rep"));
        fixture.health(contact, "a-manager", "manager").statusCode(200).body("contactId", equalTo(contact.toString()));
        fixture.health(contact, "a-dashboard", "integrator").statusCode(200);
        notFound(fixture.health(UUID.randomUUID(), "a-manager", "manager"));
    }

    @Test
    void anErasedContactHasNoHealthAndAMergedOneCountsForItsSurvivor() {
        UUID erased = fixture.contact();
        UUID merged = fixture.contact();
        UUID survivor = fixture.contact();
        fixture.interaction(merged, "CALL", "INBOUND", Instant.parse("2026-03-31T09:00:00Z"), false, null,
                "VERY_POSITIVE");
        await().atMost(BOUND).untilAsserted(() -> {
            fixture.health(erased).getInt("score");
            assertThat(fixture.health(merged).getBoolean("components[1].hasData")).isTrue();
            assertThat(fixture.health(survivor).getBoolean("components[1].hasData")).isFalse();
        });

        fixture.send(EventType.CONTACT_ERASED, erased, erased,
                "{\"id\": \"%s\", \"erasedAt\": \"%s\"}".formatted(erased, NOW));
        fixture.send(EventType.CONTACT_MERGED, merged, merged, "{\"mergedId\": \"%s\", \"survivorId\": \"%s\", \"mergedAt\": \"%s\"}"
                .formatted(merged, survivor, NOW));

        await().atMost(BOUND).untilAsserted(() -> {
            notFound(fixture.health(erased, "a-manager", "manager"));
            notFound(fixture.health(merged, fixture.rep, "rep"));
        });
        JsonPath survivorHealth = fixture.health(survivor);
        assertThat(survivorHealth.getString("components[1].explanation")).isEqualTo("one sentiment recorded: very positive");
        assertThat(survivorHealth.getString("components[0].explanation")).isEqualTo("last touch-point 1 day ago; cadence 30 days");
    }

    @Test
    void aRepsBookListsTheWorstFirstPageByPage() {
        UUID healthy = fixture.contact();
        UUID watch = fixture.contact();
        UUID atRisk = fixture.contact();
        fixture.nps(watch, 0, "DETRACTOR", NOW);
        fixture.nps(atRisk, 0, "DETRACTOR", NOW);
        fixture.interaction(atRisk, "NOTE", "INTERNAL", NOW, false, null, "VERY_NEGATIVE");
        await().atMost(BOUND).untilAsserted(() -> assertThat(book("50", null, null)
                .getList("items.score", Integer.class)).containsExactly(32, 45, 75));

        JsonPath first = book("2", null, null);
        assertThat(first.getList("items.contactId")).containsExactly(atRisk.toString(), watch.toString());
        assertThat(first.getList("items.band")).containsExactly("AT_RISK", "WATCH");
        JsonPath second = book("2", null, first.getString("nextCursor"));
        assertThat(second.getList("items.contactId")).containsExactly(healthy.toString());
        assertThat(second.getString("nextCursor")).isNull();

        assertThat(book("50", "watch", null).getList("items.contactId")).containsExactly(watch.toString());
        given().header("Authorization", bearer("a-manager", "manager"))
                .when().get("/api/v1/owners/" + fixture.rep + "/health").then().statusCode(200)
                .body("items.size()", equalTo(3));
    }

    @Test
    void badInputIsABadRequestProblem() {
        problem(given().header("Authorization", bearer(fixture.rep, "rep"))
                .when().get("/api/v1/contacts/not-a-uuid/health").then(), 400);
        for (String limit : List.of("0", "201", "ten")) {
            problem(given().header("Authorization", bearer(fixture.rep, "rep")).queryParam("limit", limit)
                    .when().get("/api/v1/owners/" + fixture.rep + "/health").then(), 400);
        }
        problem(given().header("Authorization", bearer(fixture.rep, "rep")).queryParam("cursor", "not-a-cursor")
                .when().get("/api/v1/owners/" + fixture.rep + "/health").then(), 400);
        problem(given().header("Authorization", bearer(fixture.rep, "rep")).queryParam("band", "PURPLE")
                .when().get("/api/v1/owners/" + fixture.rep + "/health").then(), 400);
        problem(given().header("Authorization", bearer(fixture.rep, "rep"))
                .when().get("/api/v1/owners/rep-someone-else/health").then(), 403);
    }

    private JsonPath book(String limit, String band, String cursor) {
        var request = given().header("Authorization", bearer(fixture.rep, "rep")).queryParam("limit", limit);
        if (band != null) {
            request.queryParam("band", band);
        }
        if (cursor != null) {
            request.queryParam("cursor", cursor);
        }
        return request.when().get("/api/v1/owners/" + fixture.rep + "/health").then().statusCode(200)
                .extract().jsonPath();
    }

    private static void notFound(ValidatableResponse response) {
        problem(response, 404);
    }

    private static void problem(ValidatableResponse response, int status) {
        response.statusCode(status).contentType(PROBLEM).body("status", equalTo(status));
    }
}
