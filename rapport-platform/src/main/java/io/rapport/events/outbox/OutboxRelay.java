package io.rapport.events.outbox;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.opentelemetry.context.Context;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.rapport.events.metrics.EventMetrics;
import io.rapport.events.tracing.EventTraces;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Publishes outbox rows to Kafka as binary-mode CloudEvents, in insertion order, and deletes them once the broker
 * has acknowledged them.
 * <p>
 * It is woken by the commits that wrote rows ({@link #wake()}, called by {@link EventPublisher} after commit), and
 * otherwise looks every {@code rapport.events.outbox.poll-interval} as a fallback. One replica relays at a time: it
 * holds a session-level advisory lock on a connection of its own while it drains the table, so per-contact order
 * holds across replicas. No transaction stays open while it waits for the broker: rows are read, sent, and deleted
 * once acknowledged, each statement on its own. A replica that finds the lock taken leaves its rows to the holder,
 * which looks for rows again after releasing the lock; so a row is never left behind until the next poll. While the
 * broker is unreachable the rows stay and are retried with growing pauses: delivery is at-least-once.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Arbitrary, fixed: identifies the relay's advisory lock within the service's own database. */
    private static final long RELAY_LOCK_KEY = 0x0A7B0C5L;
    private static final Duration FIRST_RETRY = Duration.ofMillis(100);
    private static final Duration LAST_RETRY = Duration.ofSeconds(5);
    /** How the metrics name a tombstone, which has no event type. */
    static final String TOMBSTONE = "tombstone";

    private final MutinyEmitter<String> emitter;
    private final DataSource dataSource;
    private final EventsConfig config;
    private final EventMetrics metrics;
    private final Object signal = new Object();
    private boolean woken;
    private volatile boolean running;
    private Thread thread;

    public OutboxRelay(@Channel("events-out") MutinyEmitter<String> emitter, DataSource dataSource,
            EventsConfig config, EventMetrics metrics) {
        this.emitter = emitter;
        this.dataSource = dataSource;
        this.config = config;
        this.metrics = metrics;
    }

    void start(@Observes StartupEvent startup) {
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        wake();
        if (thread != null) {
            thread.join(config.outbox().sendTimeout().toMillis());
        }
    }

    /** Asks the relay to look for rows now: a transaction that wrote some has committed. */
    public void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    private void run() {
        Duration retry = FIRST_RETRY;
        while (running) {
            try {
                relayAll();
                retry = FIRST_RETRY;
                awaitSignal(config.outbox().pollInterval());
            } catch (RuntimeException | SQLException e) {
                LOG.warnf("Outbox not relayed, retrying in %d ms: %s", retry.toMillis(), e.getMessage());
                pause(retry);
                retry = retry.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : retry.multipliedBy(2);
            }
        }
    }

    /** Relays until the table is empty, unless another replica holds the lock (it will see these rows). */
    void relayAll() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            do {
                clearSignal();
                if (!tryLock(connection)) {
                    return;
                }
                try {
                    drain(connection);
                } finally {
                    unlock(connection);
                }
                // rows committed while the lock was held, by a replica that found it taken, are ours to relay
            } while (anyRow(connection));
        }
    }

    private void drain(Connection connection) throws SQLException {
        int batchSize = config.outbox().batchSize();
        List<OutboxRow> batch;
        do {
            batch = nextBatch(connection, batchSize);
            List<UUID> published = publish(batch);
            delete(connection, published);
            if (published.size() < batch.size()) {
                throw new IllegalStateException((batch.size() - published.size()) + " events not acknowledged");
            }
        } while (batch.size() == batchSize);
    }

    /** Sends the batch and waits for the acknowledgements in order: the published rows are a prefix of it. */
    private List<UUID> publish(List<OutboxRow> batch) {
        List<CompletableFuture<Void>> acks = new ArrayList<>(batch.size());
        for (OutboxRow row : batch) {
            acks.add(emitter.sendMessage(toMessage(row)).subscribeAsCompletionStage());
        }
        List<UUID> published = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            if (!awaitAck(acks.get(i), batch.get(i))) {
                break; // keep the rest for the next try, in order
            }
            published.add(batch.get(i).id());
            metrics.published(batch.get(i).isTombstone() ? TOMBSTONE : batch.get(i).type());
        }
        return published;
    }

    private boolean awaitAck(CompletableFuture<Void> ack, OutboxRow row) {
        try {
            ack.get(config.outbox().sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            LOG.warnf("Event %s (%s) not yet published, will retry: %s", row.id(), row.type(), e.getMessage());
            return false;
        }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
            lock.setLong(1, RELAY_LOCK_KEY);
            try (ResultSet result = lock.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private static void unlock(Connection connection) throws SQLException {
        try (PreparedStatement unlock = connection.prepareStatement("select pg_advisory_unlock(?)")) {
            unlock.setLong(1, RELAY_LOCK_KEY);
            unlock.executeQuery().close();
        }
    }

    private static boolean anyRow(Connection connection) throws SQLException {
        try (PreparedStatement any = connection.prepareStatement("select exists (select 1 from outbox_event)");
                ResultSet result = any.executeQuery()) {
            return result.next() && result.getBoolean(1);
        }
    }

    private static List<OutboxRow> nextBatch(Connection connection, int batchSize) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                select id, topic, event_key, type, subject, occurred_at, payload::text, trace_parent
                from outbox_event order by seq limit ?""")) {
            select.setInt(1, batchSize);
            List<OutboxRow> rows = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new OutboxRow(result.getObject(1, UUID.class), result.getString(2), result.getString(3),
                            result.getString(4), result.getString(5),
                            result.getObject(6, OffsetDateTime.class), result.getString(7), result.getString(8)));
                }
            }
            return rows;
        }
    }

    private static void delete(Connection connection, List<UUID> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement("delete from outbox_event where id = any(?)")) {
            delete.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            delete.executeUpdate();
        }
    }

    private void clearSignal() {
        synchronized (signal) {
            woken = false;
        }
    }

    private void awaitSignal(Duration fallback) {
        long deadline = System.nanoTime() + fallback.toNanos();
        synchronized (signal) {
            while (!woken && running) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(signal, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private Message<String> toMessage(OutboxRow row) {
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.topic())
                .withKey(row.key())
                .build();
        if (row.isTombstone()) {
            // no value and no ce_ headers: what a log cleaner and every Kafka client know as a tombstone
            return Message.<String>of(null).addMetadata(kafka);
        }
        OutgoingCloudEventMetadata<String> cloudEvent = OutgoingCloudEventMetadata.<String>builder()
                .withId(row.id().toString())
                .withType(row.type())
                .withSource(URI.create(config.source()))
                .withSubject(row.subject())
                .withTimestamp(row.occurredAt().atZoneSameInstant(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .build();
        Message<String> message = Message.of(row.payload()).addMetadata(cloudEvent).addMetadata(kafka);
        if (row.traceParent() == null) {
            return message;
        }
        // the connector's producer span continues the trace of what recorded the event, and its traceparent
        // header goes out with the record
        Context trace = EventTraces.context(row.traceParent());
        return message.addMetadata(TracingMetadata.with(trace, trace));
    }

    /** An outbox row as the relay reads it. */
    private record OutboxRow(UUID id, String topic, String key, String type, String subject,
            OffsetDateTime occurredAt, String payload, String traceParent) {

        boolean isTombstone() {
            return payload == null;
        }
    }
}
