package io.rapport.scheduler.sweep;

import static io.rapport.events.testing.TestTokens.bearer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.events.EventType;
import io.rapport.events.testing.CloudEventSender;
import io.rapport.events.testing.ConsumerAssignments;
import io.rapport.scheduler.MovableClock;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;

/** The sweep: escalation of overdue tasks and the end of snoozes, with a moving clock and concurrent sweeps. */
@QuarkusTest
class TaskSweeperTest {

    private static final Duration BOUND = Duration.ofSeconds(30);

    @Inject
    KafkaClientService kafka;
    @Inject
    TaskSweeper sweeper;
    @Inject
    MovableClock clock;

    private final CloudEventSender sender = CloudEventSender.local();
    private final String rep = "rep-" + UUID.randomUUID();

    @BeforeEach
    void awaitPartitionAssignment() {
        ConsumerAssignments.await(kafka, "contact-events", "interaction-events");
    }

    @AfterEach
    void tearDown() {
        clock.reset();
        sender.close();
    }

    @Test
    void aCommitmentReminderBecomesUrgentOnceTheCommitmentIsOverdue() {
        UUID contact = UUID.randomUUID();
        Instant due = clock.instant().plus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
        commitment(contact, UUID.randomUUID(), due);
        awaitTasks(contact, 1);

        sweeper.sweep();
        assertThat(tasks(contact).getString("items[0].priority")).isEqualTo("NORMAL");

        clock.advance(Duration.ofHours(4));
        sweeper.sweep();
        JsonPath tasks = tasks(contact);
        assertThat(tasks.getString("items[0].priority")).isEqualTo("URGENT");
        assertThat(tasks.getString("items[0].reason")).endsWith("; overdue since " + due.toString().substring(0, 10));
    }

    @Test
    void aSnoozedTaskIsDueAgainWhenItsSnoozeEnds() {
        UUID contact = UUID.randomUUID();
        commitment(contact, UUID.randomUUID(), clock.instant().plus(Duration.ofDays(30)));
        String task = awaitTasks(contact, 1).getString("items[0].id");
        given().header("Authorization", bearer(rep, "rep")).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"until\": \"" + clock.instant().plus(Duration.ofDays(1)) + "\"}")
                .when().post("/api/v1/tasks/" + task + "/snooze").then().statusCode(200);

        sweeper.sweep();
        assertThat(tasks(contact).getString("items[0].status")).isEqualTo("SNOOZED");
        clock.advance(Duration.ofDays(2));
        sweeper.sweep();
        assertThat(tasks(contact).getString("items[0].status")).isEqualTo("OPEN");
        assertThat(tasks(contact).getString("items[0].priority")).isEqualTo("NORMAL");
    }

    @Test
    void twoSweepsInParallelTouchEveryTaskOnce() throws Exception {
        UUID contact = UUID.randomUUID();
        Instant due = clock.instant().plus(Duration.ofHours(1));
        IntStream.range(0, 40).forEach(i -> commitment(contact, UUID.randomUUID(), due));
        awaitTasks(contact, 40);

        clock.advance(Duration.ofHours(2));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<Integer> first = CompletableFuture.supplyAsync(sweeper::sweep, pool);
            CompletableFuture<Integer> second = CompletableFuture.supplyAsync(sweeper::sweep, pool);
            assertThat(first.get() + second.get()).isGreaterThanOrEqualTo(40);
        } finally {
            pool.shutdown();
        }
        List<String> reasons = tasks(contact).getList("items.reason");
        assertThat(reasons).hasSize(40).allSatisfy(reason -> assertThat(reason.split("overdue since", -1)).hasSize(2));
        assertThat(tasks(contact).getList("items.priority")).containsOnly("URGENT");
    }

    private void commitment(UUID contact, UUID id, Instant dueAt) {
        sender.send(EventType.COMMITMENT_MADE, UUID.randomUUID().toString(), contact.toString(), id.toString(),
                clock.instant(), """
                        {"id": "%s", "version": 0, "contactId": "%s", "owner": "%s",
                         "dueAt": "%s", "status": "OPEN"}""".formatted(id, contact, rep, dueAt));
    }

    private JsonPath awaitTasks(UUID contact, int count) {
        await().atMost(BOUND).untilAsserted(() -> assertThat(tasks(contact).getList("items")).hasSize(count));
        return tasks(contact);
    }

    private JsonPath tasks(UUID contact) {
        return given().header("Authorization", bearer(rep, "rep")).queryParam("contactId", contact.toString())
                .queryParam("limit", 100)
                .when().get("/api/v1/tasks").then().statusCode(200).extract().jsonPath();
    }
}
