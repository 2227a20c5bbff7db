package io.rapport.scheduler.rules;

import static io.rapport.events.testing.TestTokens.bearer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.awaitility.core.ThrowingRunnable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.events.EventType;
import io.rapport.scheduler.MovableClock;
import io.rapport.scheduler.sweep.ContactSweeper;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;

/**
 * The rules that fire because days pass: birthdays and anniversaries (APPRECIATION, in the contact's time zone,
 * once a year) and surveys falling due (FEEDBACK_DUE), driven by real events and the contact sweep with a moving
 * clock.
 */
@QuarkusTest
class TimeBasedContactRulesTest {

    private static final Instant ADDED = Instant.parse("2027-01-04T10:00:00Z");

    @Inject
    KafkaClientService kafka;
    @Inject
    MovableClock clock;
    @Inject
    ContactSweeper sweeper;

    private final RulesFixture fixture = new RulesFixture();

    @BeforeEach
    void setUp() {
        fixture.awaitAssignment(kafka);
    }

    @AfterEach
    void tearDown() {
        clock.reset();
        fixture.close();
    }

    @Test
    void aBirthdayAppearsThreeDaysAheadInTheContactsTimeZoneOnceAYear() {
        clock.travelTo(Instant.parse("2027-06-10T06:00:00Z")); // 18:00 on 10 June in Auckland
        contact(0, "ACTIVE_CUSTOMER", """
                [{"kind": "BIRTHDAY", "year": 1990, "month": 6, "day": 15},
                 {"kind": "CUSTOMER_SINCE", "year": 2020, "month": 6, "day": 20}]""");
        fixture.awaitTask("CHECK_IN", "OPEN", "2027-02-03T10:00:00Z");
        sweepUntil(() -> assertThat(kinds()).doesNotContain("APPRECIATION"));

        clock.travelTo(Instant.parse("2027-06-11T12:00:00Z")); // midnight starting 12 June in Auckland
        sweepUntil(() -> assertThat(appreciations()).extracting(task -> task.get("dueAt"))
                .containsExactly("2027-06-14T21:00:00Z")); // 09:00 on 15 June in Auckland
        assertThat(appreciations().get(0).get("reason"))
                .isEqualTo("Birthday on Tuesday 2027-06-15 (Pacific/Auckland); turns 37");

        // dismissed, it is not raised again this year, whatever the contact's later changes or sweeps
        String birthday = (String) appreciations().get(0).get("id");
        given().header("Authorization", bearer(fixture.rep, "rep")).header("If-Match", "\"0\"")
                .contentType(ContentType.JSON).body("{\"reason\": \"sent a card already\"}")
                .when().post("/api/v1/tasks/" + birthday + "/dismiss").then().statusCode(200);
        contact(1, "ACTIVE_CUSTOMER", """
                [{"kind": "BIRTHDAY", "year": 1990, "month": 6, "day": 15},
                 {"kind": "CUSTOMER_SINCE", "year": 2020, "month": 6, "day": 20}]""");
        fixture.awaitMarker();
        sweeper.sweep();
        assertThat(appreciations()).extracting(task -> task.get("status")).containsExactly("DISMISSED");

        clock.travelTo(Instant.parse("2027-06-17T12:00:00Z"));
        sweepUntil(() -> assertThat(appreciations()).extracting(task -> task.get("reason")).contains(
                "Customer-since anniversary on Sunday 2027-06-20 (Pacific/Auckland); 7 years as a customer"));

        clock.travelTo(Instant.parse("2028-06-11T12:00:00Z"));
        sweepUntil(() -> assertThat(appreciations()).filteredOn(task -> "OPEN".equals(task.get("status")))
                .extracting(task -> task.get("dueAt")).contains("2028-06-14T21:00:00Z"));
    }

    @Test
    void noAppreciationForAContactWhoMustNotBeContacted() {
        clock.travelTo(Instant.parse("2027-06-13T00:00:00Z"));
        contact(0, "ACTIVE_CUSTOMER", "[{\"kind\": \"BIRTHDAY\", \"month\": 6, \"day\": 15}]");
        sweepUntil(() -> assertThat(appreciations()).hasSize(1));

        fixture.send(EventType.CONTACT_UPDATED, snapshot(1, "ACTIVE_CUSTOMER", true,
                "[{\"kind\": \"BIRTHDAY\", \"month\": 6, \"day\": 15}]"));
        await().atMost(RulesFixture.BOUND).untilAsserted(() -> assertThat(appreciations())
                .extracting(task -> task.get("status")).containsExactly("AUTO_RESOLVED"));
    }

    @Test
    void eachDateIsATaskOfItsOwnAndARemovedDateClosesIt() {
        clock.travelTo(Instant.parse("2027-06-13T00:00:00Z")); // noon on 13 June in Auckland
        contact(0, "ACTIVE_CUSTOMER", """
                [{"kind": "WORK_ANNIVERSARY", "year": 2019, "month": 6, "day": 15},
                 {"kind": "WORK_ANNIVERSARY", "year": 2021, "month": 6, "day": 16}]""");
        sweepUntil(() -> assertThat(appreciations()).extracting(task -> task.get("status"))
                .containsExactly("OPEN", "OPEN"));

        contact(1, "ACTIVE_CUSTOMER", "[{\"kind\": \"WORK_ANNIVERSARY\", \"year\": 2019, \"month\": 6, \"day\": 15}]");
        await().atMost(RulesFixture.BOUND).untilAsserted(() -> assertThat(appreciations())
                .extracting(task -> task.get("reason") + ": " + task.get("status"))
                .containsExactlyInAnyOrder("Work anniversary on Tuesday 2027-06-15 (Pacific/Auckland); 8 years: OPEN",
                        "Work anniversary on Wednesday 2027-06-16 (Pacific/Auckland); 6 years: AUTO_RESOLVED"));
    }

    @Test
    void aSurveyIsSuggestedAfterNinetyDaysWithoutAnAnswerAndHeldBackWhileOneIsOpen() {
        clock.travelTo(ADDED.plus(Duration.ofDays(10)));
        contact(0, "ACTIVE_CUSTOMER", "[]");
        fixture.awaitTask("CHECK_IN", "OPEN", "2027-02-03T10:00:00Z");

        clock.travelTo(ADDED.plus(Duration.ofDays(89)));
        sweepUntil(() -> assertThat(kinds()).doesNotContain("FEEDBACK_DUE"));

        clock.travelTo(ADDED.plus(Duration.ofDays(92)));
        sweepUntil(() -> assertThat(surveyTasks()).hasSize(1));
        assertThat(surveyTasks().get(0)).containsEntry("status", "OPEN").containsEntry("priority", "LOW")
                .containsEntry("dueAt", "2027-04-04T10:00:00Z")
                .containsEntry("reason", "No survey answered since the contact was added on 2027-01-04 (92 days ago);"
                        + " ask for feedback every 90 days");

        // the rep sends a survey: the suggestion is taken care of, and none comes while the survey is open
        UUID request = UUID.randomUUID();
        Instant expires = ADDED.plus(Duration.ofDays(106));
        fixture.send(EventType.FEEDBACK_REQUESTED, """
                {"requestId": "%s", "contactId": "%s", "owner": "%s", "kind": "NPS", "channel": "EMAIL",
                 "createdAt": "%s", "expiresAt": "%s"}""".formatted(request, fixture.contact, fixture.rep,
                ADDED.plus(Duration.ofDays(92)), expires), request);
        await().atMost(RulesFixture.BOUND).untilAsserted(() -> assertThat(surveyTasks())
                .extracting(task -> task.get("status")).containsExactly("AUTO_RESOLVED"));

        // it expires unanswered: a new suggestion
        clock.travelTo(expires.plus(Duration.ofHours(1)));
        sweepUntil(() -> assertThat(surveyTasks()).extracting(task -> task.get("status"))
                .containsExactlyInAnyOrder("AUTO_RESOLVED", "OPEN"));
        assertThat(surveyTasks()).filteredOn(task -> "OPEN".equals(task.get("status")))
                .extracting(task -> (String) task.get("reason")).singleElement().asString()
                .contains("the last survey expired unanswered");

        // an answer resolves it and the count starts again from the answer
        Instant answered = expires.plus(Duration.ofDays(1));
        clock.travelTo(answered);
        fixture.feedback(UUID.randomUUID(), 8, "PASSIVE", null, null, answered);
        await().atMost(RulesFixture.BOUND).untilAsserted(() -> assertThat(surveyTasks())
                .extracting(task -> task.get("status")).containsOnly("AUTO_RESOLVED"));
        clock.travelTo(answered.plus(Duration.ofDays(89)));
        sweepUntil(() -> assertThat(surveyTasks()).filteredOn(task -> "OPEN".equals(task.get("status"))).isEmpty());
        clock.travelTo(answered.plus(Duration.ofDays(91)));
        sweepUntil(() -> assertThat(surveyTasks()).filteredOn(task -> "OPEN".equals(task.get("status")))
                .extracting(task -> task.get("dueAt")).containsExactly(answered.plus(Duration.ofDays(90)).toString()));
    }

    @Test
    void twoSweepsRunningAtOnceRaiseEachBirthdayOnce() throws Exception {
        clock.travelTo(Instant.parse("2027-03-01T12:00:00Z"));
        List<UUID> contacts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            UUID contact = UUID.randomUUID();
            contacts.add(contact);
            fixture.sender.send(EventType.CONTACT_CREATED, UUID.randomUUID().toString(), contact.toString(),
                    contact.toString(), ADDED, """
                            {"id": "%s", "version": 0, "owner": "%s", "firstName": "Ada", "displayName": "Ada",
                             "checkInCadenceDays": 30, "importantDates": [{"kind": "BIRTHDAY", "month": 3, "day": 10}],
                             "createdAt": "%s", "updatedAt": "%s"}""".formatted(contact, fixture.rep, ADDED, ADDED));
        }
        await().atMost(RulesFixture.BOUND).untilAsserted(() -> assertThat(repsTasks("CHECK_IN")).hasSize(40));

        clock.travelTo(Instant.parse("2027-03-07T00:00:00Z"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<Integer> first = CompletableFuture.supplyAsync(sweeper::sweep, pool);
            CompletableFuture<Integer> second = CompletableFuture.supplyAsync(sweeper::sweep, pool);
            // each due contact is swept once (others' contacts may be due as well at this moment)
            assertThat(first.get(60, TimeUnit.SECONDS) + second.get(60, TimeUnit.SECONDS))
                    .isGreaterThanOrEqualTo(40);
        } finally {
            pool.shutdown();
        }
        assertThat(repsTasks("APPRECIATION")).hasSize(40);
        assertThat(repsTasks("APPRECIATION")).extracting(task -> UUID.fromString((String) task.get("contactId")))
                .containsExactlyInAnyOrderElementsOf(contacts);
    }

    @Test
    void prospectsAreNotAskedForFeedback() {
        clock.travelTo(ADDED.plus(Duration.ofDays(200)));
        contact(0, "PROSPECT", "[]");
        fixture.awaitTask("CHECK_IN", "OPEN", "2027-02-03T10:00:00Z");
        sweeper.sweep();
        assertThat(kinds()).containsExactly("CHECK_IN");
    }

    private void contact(long version, String stage, String importantDates) {
        fixture.send(version == 0 ? EventType.CONTACT_CREATED : EventType.CONTACT_UPDATED,
                snapshot(version, stage, false, importantDates));
    }

    private String snapshot(long version, String stage, boolean doNotContact, String importantDates) {
        return """
                {"id": "%s", "version": %d, "owner": "%s", "firstName": "Ada", "displayName": "Ada Lovelace",
                 "lifecycleStage": "%s", "doNotContact": %b, "checkInCadenceDays": 30, "timezone": "Pacific/Auckland",
                 "importantDates": %s, "createdAt": "%s", "updatedAt": "%s"}"""
                .formatted(fixture.contact, version, fixture.rep, stage, doNotContact, importantDates, ADDED, ADDED);
    }

    private void sweepUntil(ThrowingRunnable expectation) {
        RulesFixture.sweepUntil(sweeper, expectation);
    }

    private List<Map<String, Object>> repsTasks(String kind) {
        return given().header("Authorization", bearer(fixture.rep, "rep")).queryParam("kind", kind)
                .queryParam("limit", 200).when().get("/api/v1/tasks")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    private List<String> kinds() {
        return fixture.tasks(null).getList("items.kind");
    }

    private List<Map<String, Object>> appreciations() {
        return fixture.tasks(null).getList("items.findAll { it.kind == 'APPRECIATION' }");
    }

    private List<Map<String, Object>> surveyTasks() {
        return fixture.tasks(null).getList("items.findAll { it.kind == 'FEEDBACK_DUE' }");
    }
}
