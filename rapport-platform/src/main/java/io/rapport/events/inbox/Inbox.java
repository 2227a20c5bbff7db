package io.rapport.events.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.ShutdownEvent;
import io.rapport.events.EventType;
import io.rapport.events.tracing.EventTraces;
import io.rapport.events.metrics.EventMetrics;
import io.rapport.events.outbox.EventsConfig;
import io.rapport.failure.TransientFailure;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Applies incoming events exactly once: the event id is recorded in the same transaction as the effect, so a
 * redelivered event changes nothing. Only a message that cannot be read or applied is nacked, which the channel's
 * {@code failure-strategy=dead-letter-queue} turns into a dead-letter record while consumption goes on:
 * <ul>
 * <li>a failure that passes by itself ({@link TransientFailure}: the database restarting, a lock conflict) is waited
 * out, retrying with growing pauses for as long as it lasts, while the service reports itself not ready
 * ({@link InboxStalls}); the consumer holds its place, and the broker keeps the events meanwhile;</li>
 * <li>an event that can never be applied ({@link UnprocessableEventException}) is dead-lettered at once;</li>
 * <li>any other failure is retried a few times ({@code rapport.events.inbox.retries}), then dead-lettered.</li>
 * </ul>
 * <p>
 * A batch ({@link #processBatch}) is applied in one transaction ({@link InboxBatch}), in the order of its records,
 * so each partition's (each contact's) order holds. An event that cannot be applied rolls the batch back: it alone
 * is dead-lettered and the rest applied again; any other failure falls back to one transaction per event, with the
 * retries above, so a batch never makes a failure worse than one event at a time would.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private final InboxTransaction transaction;
    private final InboxBatch batchTransaction;
    private final ObjectMapper objectMapper;
    private final InboxStalls stalls;
    private final EventsConfig.Inbox config;
    private final EventMetrics metrics;
    private volatile boolean stopping;

    public Inbox(InboxTransaction transaction, InboxBatch batchTransaction, ObjectMapper objectMapper,
            InboxStalls stalls, EventsConfig config, EventMetrics metrics) {
        this.metrics = metrics;
        this.transaction = transaction;
        this.batchTransaction = batchTransaction;
        this.objectMapper = objectMapper;
        this.stalls = stalls;
        this.config = config.inbox();
    }

    /** A consumer waiting for the database stops waiting when the service stops; its events stay on the topic. */
    void stopWaiting(@Observes ShutdownEvent shutdown) {
        stopping = true;
    }

    /** Applies a batch of the channel's records: see {@link #processBatch(KafkaRecordBatch, String, EventHandler)}. */
    public CompletionStage<Void> processBatch(KafkaRecordBatch<String, String> batch, InboxChannel channel) {
        return processBatch(batch, channel.consumer(), channel.handler());
    }

    /**
     * Applies a batch of records (a channel with {@code batch=true}) and acknowledges it once every record is applied,
     * skipped as processed before, or dead-lettered.
     *
     * @param consumer names the consumer, as for {@link #process}
     */
    public CompletionStage<Void> processBatch(KafkaRecordBatch<String, String> batch, String consumer,
            EventHandler handler) {
        List<CompletableFuture<Void>> settled = new ArrayList<>();
        List<Received> pending = new ArrayList<>(batch.getRecords().size());
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            try {
                pending.add(new Received(record, read(record)));
            } catch (UnprocessableEventException e) {
                LOG.warnf("Unreadable message on %s sent to the dead-letter topic: %s", consumer, e.getMessage());
                metrics.deadLettered(consumer, EventMetrics.UNREADABLE);
                settled.add(record.nack(e).toCompletableFuture());
            }
        }
        try {
            settled.addAll(applyTogether(pending, consumer, handler));
        } catch (StoppedWaiting stopped) {
            return new CompletableFuture<>(); // never acknowledged: the batch is delivered again after the restart
        } finally {
            stalls.resumed(consumer);
        }
        // offsets move on only once the dead letters are written
        return CompletableFuture.allOf(settled.toArray(CompletableFuture[]::new)).thenCompose(done -> batch.ack());
    }

    /**
     * Applies the events in one transaction; an event that cannot be applied is set aside (dead-lettered) and the
     * others applied again, a passing failure is waited out, any other failure sends every event through its own
     * transaction.
     *
     * @return the completions of the dead letters written
     * @throws StoppedWaiting when the service stops while the batch waits: none of it may be acknowledged
     */
    private List<CompletableFuture<Void>> applyTogether(List<Received> events, String consumer, EventHandler handler) {
        List<Received> pending = new ArrayList<>(events);
        List<CompletableFuture<Void>> deadLetters = new ArrayList<>();
        Backoff backoff = new Backoff(config);
        while (!pending.isEmpty()) {
            try {
                long start = System.nanoTime();
                List<IncomingEvent> batch = pending.stream().map(Received::event).toList();
                List<IncomingEvent> applied = batchTransaction.apply(consumer, batch, handler);
                LOG.debugf("%d of %d events applied by %s in one transaction in %d ms", applied.size(),
                        pending.size(), consumer, (System.nanoTime() - start) / 1_000_000);
                countApplied(consumer, batch, applied);
                return deadLetters;
            } catch (InboxBatch.FailedEvent e) {
                if (e.getCause() instanceof UnprocessableEventException) {
                    Received failed = pending.stream().filter(received -> received.event() == e.event()).findFirst()
                            .orElseThrow();
                    LOG.warnf("Event %s (%s) cannot be applied on %s, sent to the dead-letter topic: %s",
                            failed.event().id(), failed.event().rawType(), consumer, e.getMessage());
                    metrics.deadLettered(consumer, failed.event().rawType());
                    deadLetters.add(failed.record().nack(e.getCause()).toCompletableFuture());
                    pending.remove(failed);
                } else if (!waitOut(e.getCause(), consumer, backoff)) {
                    LOG.debugf("Batch on %s failed at event %s (%s), applying its events one at a time",
                            consumer, e.event().id(), e.getMessage());
                    break;
                }
            } catch (RuntimeException e) {
                if (!waitOut(e, consumer, backoff)) {
                    LOG.debugf("Batch on %s failed (%s), applying its events one at a time", consumer, e.getMessage());
                    break;
                }
            }
        }
        // one at a time, in order; a stop while one waits leaves it and those after it for the next delivery
        for (Received received : pending) {
            try {
                applyOne(received.event(), consumer, handler);
            } catch (StoppedWaiting stopped) {
                throw stopped;
            } catch (RuntimeException failed) {
                metrics.deadLettered(consumer, received.event().rawType());
                deadLetters.add(received.record().nack(failed).toCompletableFuture());
            }
        }
        return deadLetters;
    }

    /** Each event of a batch committed was applied, or skipped as one this consumer had applied before. */
    private void countApplied(String consumer, List<IncomingEvent> batch, List<IncomingEvent> applied) {
        Set<IncomingEvent> fresh = Collections.newSetFromMap(new IdentityHashMap<>());
        fresh.addAll(applied);
        for (IncomingEvent event : batch) {
            if (fresh.contains(event)) {
                metrics.applied(consumer, event.rawType());
            } else {
                metrics.skippedAsDuplicate(consumer, event.rawType());
            }
        }
    }

    /**
     * Applies one event in its own transaction, waiting out passing failures and retrying others a few times.
     *
     * @throws StoppedWaiting  when the service stops before the event could be applied
     * @throws RuntimeException what made the event fail for good: it belongs in the dead-letter topic
     */
    private void applyOne(IncomingEvent event, String consumer, EventHandler handler) {
        Backoff backoff = new Backoff(config);
        int retries = 0;
        while (true) {
            try {
                if (transaction.apply(consumer, event, handler)) {
                    metrics.applied(consumer, event.rawType());
                } else {
                    LOG.debugf("Event %s already processed by %s, skipped", event.id(), consumer);
                    metrics.skippedAsDuplicate(consumer, event.rawType());
                }
                stalls.resumed(consumer);
                return;
            } catch (UnprocessableEventException e) {
                LOG.warnf("Event %s (%s) cannot be applied on %s, sent to the dead-letter topic: %s", event.id(),
                        event.rawType(), consumer, e.getMessage());
                throw e;
            } catch (RuntimeException e) {
                if (stopping) {
                    throw new StoppedWaiting(e); // whatever failed, the service going away may be why
                }
                if (waitOut(e, consumer, backoff)) {
                    continue;
                }
                stalls.resumed(consumer); // what it answered shows the database is back
                if (retries++ >= config.retries()) {
                    LOG.warnf("Event %s (%s) failed on %s, sent to the dead-letter topic: %s", event.id(),
                            event.rawType(), consumer, e.getMessage());
                    throw e;
                }
                LOG.debugf("Event %s failed on %s (%s), trying again", event.id(), consumer, e.getMessage());
                pause(backoff);
            }
        }
    }

    /**
     * When the failure passes by itself, reports the consumer waiting and pauses before the next try.
     *
     * @return whether it paused for a failure that passes; false for one that will not
     * @throws StoppedWaiting when the service stops meanwhile
     */
    private boolean waitOut(Throwable failure, String consumer, Backoff backoff) {
        if (!TransientFailure.isTransient(failure)) {
            return false;
        }
        if (!stalls.waiting(consumer)) {
            LOG.warnf("Consumer %s waits for a passing failure to pass, and tries again with growing pauses: %s",
                    consumer, failure.getMessage());
        }
        stalls.waiting(consumer, failure);
        pause(backoff);
        return true;
    }

    /** @throws StoppedWaiting when the service stops, or the thread is interrupted, before or during the pause */
    private void pause(Backoff backoff) {
        try {
            if (!stopping) {
                Thread.sleep(backoff.next().toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoppedWaiting(e);
        }
        if (stopping) {
            throw new StoppedWaiting(null);
        }
    }

    /** The service stops while an event waits: it is neither applied nor dead-lettered, and delivered again. */
    private static final class StoppedWaiting extends RuntimeException {

        StoppedWaiting(Exception cause) {
            super("the service is stopping", cause);
        }
    }

    /**
     * Pauses that double from the configured first delay up to the longest, each a little shorter or longer at
     * random, so that consumers that collided (a deadlock, a serialization failure) do not collide again in step.
     */
    private static final class Backoff {

        private final long maxMillis;
        private long nextMillis;

        Backoff(EventsConfig.Inbox config) {
            this.nextMillis = Math.max(1, config.retryDelay().toMillis());
            this.maxMillis = Math.max(nextMillis, config.maxRetryDelay().toMillis());
        }

        Duration next() {
            long current = nextMillis;
            nextMillis = Math.min(maxMillis, nextMillis * 2);
            return Duration.ofMillis(current * (80 + ThreadLocalRandom.current().nextInt(41)) / 100);
        }
    }

    private record Received(KafkaRecord<String, String> record, IncomingEvent event) {
    }

    /**
     * @param consumer names the consumer, so that two consumers in one service may each apply the same event
     * @param handler  applies the event; runs in the transaction that records it as processed, again after a
     *                 failure that may pass, and not at all for an event already processed
     */
    public CompletionStage<Void> process(Message<String> message, String consumer, EventHandler handler) {
        IncomingEvent event;
        try {
            event = read(message);
        } catch (UnprocessableEventException e) {
            LOG.warnf("Unreadable message on %s sent to the dead-letter topic: %s", consumer, e.getMessage());
            metrics.deadLettered(consumer, EventMetrics.UNREADABLE);
            return message.nack(e);
        }
        try {
            applyOne(event, consumer, handler);
            return message.ack();
        } catch (StoppedWaiting e) {
            return new CompletableFuture<>(); // never acknowledged: delivered again after the restart
        } catch (RuntimeException e) {
            metrics.deadLettered(consumer, event.rawType());
            return message.nack(e);
        } finally {
            stalls.resumed(consumer);
        }
    }

    /**
     * Applies a dead letter once more, in one transaction, without waiting out failures: the redrive reports what
     * happened and leaves what still fails in the dead-letter topic.
     *
     * @return false when the consumer had applied the event already
     */
    boolean applyAgain(InboxChannel channel, IncomingEvent event) {
        return transaction.apply(channel.consumer(), event, channel.handler());
    }

    /**
     * The event a record carries in CloudEvents binary mode (a dead letter keeps the original's headers); a tombstone
     * on the contacts topic stands for the contact's erasure ({@link ContactTombstones}).
     */
    IncomingEvent read(ConsumerRecord<String, String> record) {
        if (ContactTombstones.isTombstone(record)) {
            return ContactTombstones.asErasure(record);
        }
        String id = header(record, "ce_id");
        String type = header(record, "ce_type");
        if (id == null || type == null) {
            throw new UnprocessableEventException("not a CloudEvent: ce_ headers missing");
        }
        String time = header(record, "ce_time");
        Instant occurred;
        try {
            occurred = time == null ? null : OffsetDateTime.parse(time).toInstant();
        } catch (DateTimeParseException e) {
            throw new UnprocessableEventException("ce_time of event " + id + " is not a timestamp", e);
        }
        return new IncomingEvent(id, EventType.fromCloudEventType(type), type, header(record, "ce_subject"),
                record.key(), occurred, parse(record.value(), id), header(record, EventTraces.TRACEPARENT));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private IncomingEvent read(Message<String> message) {
        Optional<IncomingKafkaRecordMetadata> kafka = message.getMetadata(IncomingKafkaRecordMetadata.class);
        if (kafka.isPresent() && ContactTombstones.isTombstone(kafka.get().getTopic(), message.getPayload(),
                kafka.get().getHeaders())) {
            Object key = kafka.get().getKey();
            return ContactTombstones.asErasure(kafka.get().getTopic(), key == null ? null : key.toString(),
                    kafka.get().getTimestamp());
        }
        IncomingCloudEventMetadata<?> cloudEvent = message.getMetadata(IncomingCloudEventMetadata.class)
                .orElseThrow(() -> new UnprocessableEventException("not a CloudEvent: ce_ headers missing"));
        String key = kafka.map(k -> k.getKey() == null ? null : k.getKey().toString()).orElse(null);
        String traceParent = kafka.map(k -> k.getHeaders().lastHeader(EventTraces.TRACEPARENT))
                .filter(h -> h.value() != null).map(h -> new String(h.value(), StandardCharsets.UTF_8)).orElse(null);
        Optional<EventType> type = EventType.fromCloudEventType(cloudEvent.getType());
        return new IncomingEvent(cloudEvent.getId(), type, cloudEvent.getType(),
                cloudEvent.getSubject().orElse(null), key,
                cloudEvent.getTimeStamp().map(time -> time.toInstant()).orElse(null),
                parse(message.getPayload(), cloudEvent.getId()), traceParent);
    }

    private JsonNode parse(String payload, String eventId) {
        if (payload == null) {
            throw new UnprocessableEventException("event " + eventId + " has no data");
        }
        try {
            return objectMapper.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new UnprocessableEventException("data of event " + eventId + " is not JSON", e);
        }
    }
}
