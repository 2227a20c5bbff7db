package io.rapport.scheduler.task;

import static io.rapport.events.testing.TestTokens.bearer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.events.EventType;
import io.rapport.events.testing.CloudEventSender;
import io.rapport.events.testing.ConsumerAssignments;
import io.rapport.scheduler.MovableClock;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;

/** GET /api/v1/tasks: filters, sort orders and cursor pages over one rep's tasks raised from real events. */
@QuarkusTest
class TaskListTest {

    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final Instant CREATED = Instant.parse("2026-05-04T09:00:00Z");

    @Inject
    KafkaClientService kafka;
    @Inject
    MovableClock clock;

    private final CloudEventSender sender = CloudEventSender.local();
    private final String rep = "rep-" + UUID.randomUUID();

    @BeforeEach
    void raiseTasks() {
        clock.travelTo(CREATED); // nothing falls overdue and escalates while the test reads the list
        ConsumerAssignments.await(kafka, "contact-events", "interaction-events");
        UUID contact = UUID.randomUUID();
        send(EventType.CONTACT_CREATED, contact, contact, """
                {"id": "%s", "version": 0, "owner": "%s", "firstName": "Ada", "displayName": "Ada",
                 "checkInCadenceDays": 30, "createdAt": "%s", "updatedAt": "%s"}"""
                .formatted(contact, rep, CREATED, CREATED));
        inbound(contact, CREATED.plus(Duration.ofDays(1)), null);                   // RESPOND HIGH due 05-06
                                                                                    // CHECK_IN NORMAL due 06-04
        inbound(contact, CREATED.plus(Duration.ofDays(2)), "\"VERY_NEGATIVE\"");    // RESPOND HIGH due 05-07,
                                                                                    // RECOVERY HIGH due 05-08,
                                                                                    // CHECK_IN NORMAL due 06-05
        UUID commitment = UUID.randomUUID();
        send(EventType.COMMITMENT_MADE, contact, commitment, """
                {"id": "%s", "version": 0, "contactId": "%s", "owner": "%s",
                 "dueAt": "2026-05-20T09:00:00Z", "status": "OPEN"}"""
                .formatted(commitment, contact, rep));                             // COMMITMENT_DUE NORMAL due 05-18
        await().atMost(BOUND).untilAsserted(() -> assertThat(list(Map.of()).getList("items")).hasSize(5));
    }

    @AfterEach
    void close() {
        clock.reset();
        sender.close();
    }

    @Test
    void soonestDueFirstByDefaultLatestFirstOnRequest() {
        assertThat(list(Map.of()).getList("items.dueAt")).containsExactly("2026-05-06T09:00:00Z",
                "2026-05-07T09:00:00Z", "2026-05-08T09:00:00Z", "2026-05-18T09:00:00Z", "2026-06-05T09:00:00Z");
        assertThat(list(Map.of("sort", "-dueAt")).getList("items.kind"))
                .containsExactly("CHECK_IN", "COMMITMENT_DUE", "RECOVERY", "RESPOND", "RESPOND");
    }

    @Test
    void mostUrgentFirstThenSoonestDue() {
        assertThat(list(Map.of("sort", "priority")).getList("items.kind"))
                .containsExactly("RESPOND", "RESPOND", "RECOVERY", "COMMITMENT_DUE", "CHECK_IN");
    }

    @Test
    void filtersCombine() {
        assertThat(list(Map.of("priority", "HIGH")).getList("items.kind"))
                .containsExactly("RESPOND", "RESPOND", "RECOVERY");
        assertThat(list(Map.of("dueAfter", "2026-05-07T09:00:00Z", "dueBefore", "2026-05-18T09:00:00Z"))
                .getList("items.kind")).containsExactly("RESPOND", "RECOVERY");
        assertThat(list(Map.of("kind", "RESPOND", "owner", rep)).getList("items")).hasSize(2);
    }

    @Test
    void cursorPagesCoverEveryTaskOnceInEachOrder() {
        for (String sort : List.of("dueAt", "-dueAt", "createdAt", "-createdAt", "priority")) {
            List<String> all = list(Map.of("sort", sort)).getList("items.id");
            List<String> paged = new ArrayList<>();
            String cursor = null;
            do {
                Map<String, Object> params = cursor == null ? Map.of("sort", sort, "limit", 2)
                        : Map.of("sort", sort, "limit", 2, "cursor", cursor);
                JsonPath page = list(params);
                assertThat(page.getList("items")).hasSizeLessThanOrEqualTo(2);
                paged.addAll(page.getList("items.id"));
                cursor = page.getString("nextCursor");
            } while (cursor != null);
            assertThat(paged).as("pages in order %s", sort).containsExactlyElementsOf(all);
        }
    }

    @Test
    void badParametersAre400ProblemsNamingTheParameter() {
        for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("sort", "reason"),
                Map.of("priority", "CRITICAL"), Map.of("dueBefore", "tomorrow"), Map.of("limit", 0),
                Map.of("limit", 201), Map.of("cursor", "not-a-cursor"),
                Map.of("dueAfter", "2026-06-01T00:00:00Z", "dueBefore", "2026-05-01T00:00:00Z"))) {
            String name = bad.containsKey("dueAfter") ? "dueAfter" : bad.keySet().iterator().next();
            request().queryParams(bad).when().get("/api/v1/tasks")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("detail", containsString("'" + name + "'"));
        }
        // a cursor of one order does not continue another
        String dueCursor = list(Map.of("limit", 2)).getString("nextCursor");
        request().queryParam("sort", "priority").queryParam("cursor", dueCursor).when().get("/api/v1/tasks")
                .then().statusCode(400).contentType("application/problem+json");
    }

    /** The rep's open tasks (earlier check-ins were superseded by the touch-points) with these parameters. */
    private JsonPath list(Map<String, ?> params) {
        return request().queryParam("status", "OPEN").queryParams(params).when().get("/api/v1/tasks").then().statusCode(200).extract().jsonPath();
    }

    private RequestSpecification request() {
        return given().header("Authorization", bearer(rep, "rep"));
    }

    private void inbound(UUID contact, Instant at, String sentiment) {
        UUID id = UUID.randomUUID();
        send(EventType.INTERACTION_LOGGED, contact, id, """
                {"id": "%s", "version": 0, "contactId": "%s", "owner": "%s", "type": "EMAIL", "direction": "INBOUND",
                 "occurredAt": "%s", "requiresResponse": true, "sentiment": %s}"""
                .formatted(id, contact, rep, at, sentiment));
    }

    private void send(EventType type, UUID contact, UUID subject, String data) {
        sender.send(type, UUID.randomUUID().toString(), contact.toString(), subject.toString(), CREATED, data);
    }
}
