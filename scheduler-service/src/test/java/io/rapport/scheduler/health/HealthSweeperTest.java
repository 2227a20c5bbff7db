package io.rapport.scheduler.health;

import static io.rapport.scheduler.health.HealthFixture.BOUND;
import static io.rapport.scheduler.health.HealthFixture.CREATED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.events.EventType;
import io.rapport.events.Topic;
import io.rapport.events.testing.ConsumerAssignments;
import io.rapport.events.testing.TopicWatcher;
import io.rapport.scheduler.MovableClock;
import io.rapport.scheduler.health.sweep.HealthSweeper;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;

/** Scores falling with time alone, and the health-changed events: one per band crossed, none within a band. */
@QuarkusTest
class HealthSweeperTest {

    @Inject
    KafkaClientService kafka;
    @Inject
    HealthSweeper sweeper;
    @Inject
    MovableClock clock;

    private final HealthFixture fixture = new HealthFixture();

    @BeforeEach
    void setUp() {
        ConsumerAssignments.await(kafka, "contact-events", "interaction-events", "feedback-events");
        clock.travelTo(CREATED.plus(Duration.ofDays(1)));
    }

    @AfterEach
    void tearDown() {
        clock.reset();
        fixture.close();
    }

    @Test
    void aLapsedCadenceMovesTheBandAtTheSweepWithOneEventPerBandCrossed() {
        UUID contact = fixture.contact();
        awaitScore(contact, 99);

        try (TopicWatcher tasksTopic = TopicWatcher.local(Topic.TASKS.topicName())) {
            clock.advance(Duration.ofDays(37)); // 38 days without a touch-point, cadence 30: 75 × (2 − 38/30)
            awaitSweptTo(contact, 55, "WATCH");
            JsonPath watch = JsonPath.from(tasksTopic.await(healthChanged(contact), BOUND).value());
            assertThat(watch.getString("contactId")).isEqualTo(contact.toString());
            assertThat(watch.getString("owner")).isEqualTo(fixture.rep);
            assertThat(watch.getInt("previousScore")).isEqualTo(99);
            assertThat(watch.getString("previousBand")).isEqualTo("HEALTHY");
            assertThat(watch.getInt("score")).isEqualTo(55);
            assertThat(watch.getString("band")).isEqualTo("WATCH");
            assertThat(watch.getString("components[0].explanation"))
                    .isEqualTo("no touch-point since the contact was added 38 days ago; cadence 30 days");

            clock.advance(Duration.ofDays(10)); // 48 days: 75 × (2 − 48/30)
            awaitSweptTo(contact, 30, "AT_RISK");
            tasksTopic.await(healthChanged(contact).and(record -> "AT_RISK".equals(band(record))), BOUND);
            List<ConsumerRecord<String, String>> events = healthEventsSoFar(tasksTopic, contact);
            assertThat(events).extracting(HealthSweeperTest::band).containsExactly("WATCH", "AT_RISK");
        }
    }

    @Test
    void aChangeWithinABandPublishesNothing() {
        UUID contact = fixture.contact();
        awaitScore(contact, 99);

        try (TopicWatcher tasksTopic = TopicWatcher.local(Topic.TASKS.topicName())) {
            fixture.interaction(contact, "CALL", "OUTBOUND", CREATED.plus(Duration.ofHours(20)), false, null,
                    "POSITIVE");
            awaitScore(contact, 90); // (30 × 100 + 20 × 75) / 50, still HEALTHY
            fixture.nps(contact, 0, "DETRACTOR", CREATED.plus(Duration.ofHours(22)));
            awaitScore(contact, 64); // (30 × 100 + 20 × 75 + 20 × 0) / 70: WATCH

            JsonPath crossed = JsonPath.from(tasksTopic.await(healthChanged(contact), BOUND).value());
            assertThat(crossed.getInt("previousScore")).isEqualTo(90);
            assertThat(crossed.getString("previousBand")).isEqualTo("HEALTHY");
            assertThat(crossed.getString("band")).isEqualTo("WATCH");
            assertThat(healthEventsSoFar(tasksTopic, contact)).hasSize(1);
        }
    }

    private void awaitScore(UUID contact, int score) {
        await().atMost(BOUND).untilAsserted(() -> assertThat(fixture.health(contact).getInt("score")).isEqualTo(score));
    }

    /** Another replica (or the scheduled sweep) may take the row first: sweep until the new score shows. */
    private void awaitSweptTo(UUID contact, int score, String band) {
        await().atMost(BOUND).untilAsserted(() -> {
            sweeper.sweep();
            JsonPath health = fixture.health(contact);
            assertThat(health.getInt("score")).isEqualTo(score);
            assertThat(health.getString("band")).isEqualTo(band);
        });
    }

    /**
     * Every health-changed event of the contact published so far: a task raised now for the same contact (a reminder
     * of a far-off commitment, which leaves the score alone) is published after them on the same partition, so once
     * it has arrived, so have they.
     */
    private List<ConsumerRecord<String, String>> healthEventsSoFar(TopicWatcher tasksTopic, UUID contact) {
        fixture.commitment(contact, EventType.COMMITMENT_MADE, "OPEN", Instant.parse("2099-01-01T00:00:00Z"), null);
        tasksTopic.await(record -> contact.toString().equals(record.key())
                && EventType.TASK_CREATED.cloudEventType().equals(TopicWatcher.header(record, "ce_type"))
                && "COMMITMENT_DUE".equals(JsonPath.from(record.value()).getString("kind")), BOUND);
        return tasksTopic.awaitAll(healthChanged(contact), 0, BOUND);
    }

    private static Predicate<ConsumerRecord<String, String>> healthChanged(UUID contact) {
        return record -> contact.toString().equals(record.key())
                && EventType.RELATIONSHIP_HEALTH_CHANGED.cloudEventType().equals(TopicWatcher.header(record, "ce_type"));
    }

    private static String band(ConsumerRecord<String, String> record) {
        return JsonPath.from(record.value()).getString("band");
    }
}
