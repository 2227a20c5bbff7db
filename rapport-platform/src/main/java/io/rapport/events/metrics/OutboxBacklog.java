package io.rapport.events.metrics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The outbox's backlog as gauges: how many events wait to be published, and how long the oldest has waited. An age
 * that keeps growing means events are not reaching Kafka (the broker away, the relay stuck). The rows are counted
 * every few seconds rather than at each scrape, so a scrape never waits on the database; the age is worked out at
 * the scrape from the oldest row's time.
 */
@ApplicationScoped
public class OutboxBacklog {

    private static final Logger LOG = Logger.getLogger(OutboxBacklog.class);

    private final DataSource dataSource;
    private final Clock clock;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicReference<Instant> oldest = new AtomicReference<>();

    public OutboxBacklog(DataSource dataSource, Clock clock, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.clock = clock;
        Gauge.builder("rapport.outbox.pending", pending, AtomicLong::get)
                .description("Events in the outbox waiting to be published").baseUnit("events").register(registry);
        Gauge.builder("rapport.outbox.oldest.age", this, OutboxBacklog::oldestAgeSeconds)
                .description("How long the oldest event in the outbox has waited; 0 when it is empty")
                .baseUnit("seconds").register(registry);
    }

    @Scheduled(every = "${rapport.events.outbox.backlog-interval:10s}", identity = "outbox-backlog",
            concurrentExecution = ConcurrentExecution.SKIP)
    void measure() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement(
                        "select count(*), min(occurred_at) from outbox_event");
                ResultSet result = count.executeQuery()) {
            result.next();
            pending.set(result.getLong(1));
            Timestamp first = result.getTimestamp(2);
            oldest.set(first == null ? null : first.toInstant());
        } catch (SQLException e) {
            LOG.debugf("Outbox backlog not measured: %s", e.getMessage());
        }
    }

    private double oldestAgeSeconds() {
        Instant first = oldest.get();
        return first == null ? 0 : Math.max(0, Duration.between(first, clock.instant()).toMillis() / 1000.0);
    }
}
