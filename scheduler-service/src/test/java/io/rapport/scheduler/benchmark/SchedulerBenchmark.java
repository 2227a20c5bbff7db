package io.rapport.scheduler.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

import javax.sql.DataSource;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.Trigger;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.events.testing.ConsumerAssignments;
import io.rapport.events.testing.TopicWatcher;
import io.rapport.scheduler.MovableClock;
import io.rapport.scheduler.health.sweep.HealthSweeper;
import io.rapport.scheduler.sweep.ContactSweeper;
import io.rapport.scheduler.sweep.TaskSweeper;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import jakarta.inject.Inject;

/**
 * Figures for the scheduler, printed on lines that start with {@code BENCHMARK}: how many events a second it
 * applies from Kafka, and how long its sweep takes over a large projection. Not a test: its name is outside
 * surefire's default patterns, so it runs only when named ({@code -Dtest=SchedulerBenchmark}, see
 * deploy/benchmarks/scheduler.sh). It asserts that the work was done, never how fast.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SchedulerBenchmark {

    private static final List<String> CHANNELS = List.of("contact-events", "interaction-events", "feedback-events");

    @ConfigProperty(name = "benchmark.events", defaultValue = "50000")
    int events;
    @ConfigProperty(name = "benchmark.contacts", defaultValue = "1000000")
    int contacts;

    @Inject
    KafkaClientService kafka;
    @Inject
    DataSource dataSource;
    @Inject
    MovableClock clock;
    @Inject
    Scheduler scheduler;
    @Inject
    TaskSweeper taskSweeper;
    @Inject
    ContactSweeper contactSweeper;
    @Inject
    HealthSweeper healthSweeper;

    private Sql sql;

    @BeforeEach
    void pauseScheduledSweeps() {
        sql = new Sql(dataSource);
        sweepJobs().forEach(scheduler::pause);
    }

    @AfterEach
    void resumeScheduledSweeps() {
        clock.reset();
        sweepJobs().forEach(scheduler::resume);
    }

    @Test
    @Order(1)
    void ingest() {
        ConsumerAssignments.await(kafka, "contact-events", "interaction-events");
        int contactCount = Math.max(1, events / EventMix.EVENTS_PER_CONTACT);
        EventMix mix = new EventMix();
        List<ProducerRecord<String, String>> records = mix.records(contactCount, clock.instant());
        String ours = mix.prefix() + "%";

        long start = System.nanoTime();
        double sendSeconds = send(records);
        await().atMost(Duration.ofSeconds(60 + records.size() / 20)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(sql.count(
                        "select count(*) from processed_event where event_id like ?", ours))
                        .as("events applied").isEqualTo(records.size()));
        double seconds = secondsSince(start);

        report("ingest: %d events (%d contacts) sent in %.1f s, all applied in %.1f s: %.0f events/s",
                records.size(), contactCount, sendSeconds, seconds, records.size() / seconds);
        report("ingest: %d tasks created; open by kind: %s",
                sql.count("select count(*) from task where owner like ?", ours),
                String.join(", ", sql.rows("""
                        select kind || ' ' || count(*) from task where owner like ? and status in ('OPEN', 'SNOOZED')
                        group by kind order by kind""", ours)));
    }

    @Test
    @Order(2)
    void sweep() {
        // the test consumers read the shared topics: other test runs' events must not raise tasks while sweeps run
        consumers(consumer -> consumer.pause().await().indefinitely());
        try {
            sweepLargeProjection();
        } finally {
            consumers(consumer -> consumer.resume().await().indefinitely());
        }
    }

    private void sweepLargeProjection() {
        // what other test runs' events raised may be due already
        taskSweeper.sweep();
        contactSweeper.sweep();
        healthSweeper.sweep();
        Instant now = clock.instant();
        ProjectedContacts projection = new ProjectedContacts(sql, contacts, now);
        long start = System.nanoTime();
        long tasks = projection.load();
        report("sweep: loaded %d contacts and %d tasks (%d snoozes and %d escalations due, %d escalations later)"
                + " in %.1f s", contacts, tasks, projection.snoozesDue(), projection.escalationsDue(),
                projection.escalationsLater(), secondsSince(start));
        try {
            time("task, nothing due", taskSweeper::sweep);
            time("contact, nothing due", contactSweeper::sweep);
            time("health, nothing due", healthSweeper::sweep);

            clock.travelTo(now.plus(ProjectedContacts.DUE_WITHIN));
            int swept = time("task", taskSweeper::sweep);
            assertThat(projection.swept()).as("loaded tasks swept").isEqualTo(projection.due());
            assertThat(projection.stillDue(clock.instant())).as("loaded tasks still due").isZero();
            assertThat(swept).isGreaterThanOrEqualTo(projection.due());

            int contactsSwept = time("contact", contactSweeper::sweep);
            assertThat(contactsSwept).isGreaterThanOrEqualTo(projection.contactsDue());
            assertThat(projection.contactsStillDue(clock.instant())).as("loaded contacts still due").isZero();
            report("sweep contact: %d birthday tasks raised", projection.appreciationTasks());
            assertThat(projection.appreciationTasks()).isEqualTo(projection.contactsDue());

            int healthSwept = time("health", healthSweeper::sweep);
            assertThat(healthSwept).isGreaterThanOrEqualTo(projection.contactsDue());
            assertThat(projection.healthStillDue(clock.instant())).as("loaded health scores still due").isZero();
        } finally {
            projection.delete();
        }
    }

    /** Runs one sweep and reports how long it took; another sweeper is timed the same way. */
    private static int time(String name, IntSupplier sweep) {
        long start = System.nanoTime();
        int rows = sweep.getAsInt();
        double seconds = secondsSince(start);
        report("sweep %s: %d rows in %.3f s%s", name, rows, seconds,
                rows == 0 ? "" : ": %.0f rows/s".formatted(rows / seconds));
        return rows;
    }

    /** Sends everything without waiting for each ack, as a busy upstream service would; fails on a refused one. */
    private static double send(List<ProducerRecord<String, String>> records) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TopicWatcher.bootstrapServers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        long start = System.nanoTime();
        AtomicReference<Exception> refused = new AtomicReference<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            records.forEach(record -> producer.send(record, (metadata, e) -> {
                if (e != null) {
                    refused.compareAndSet(null, e);
                }
            }));
            producer.flush();
        }
        assertThat(refused.get()).as("a record Kafka refused").isNull();
        return secondsSince(start);
    }

    private void consumers(Consumer<KafkaConsumer<Object, Object>> action) {
        CHANNELS.forEach(channel -> ConsumerAssignments.consumers(kafka, channel).forEach(action));
    }

    private List<String> sweepJobs() {
        // every scheduled job is a sweep the benchmark runs itself (the outbox relay is a thread of its own)
        return scheduler.getScheduledJobs().stream().map(Trigger::getId).toList();
    }

    private static double secondsSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1e9;
    }

    private static void report(String format, Object... args) {
        System.out.println("BENCHMARK " + format.formatted(args));
    }
}
