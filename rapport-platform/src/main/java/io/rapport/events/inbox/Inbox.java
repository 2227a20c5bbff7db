package io.rapport.events.inbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.rapport.events.EventType;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Applies incoming events exactly once: the event id is recorded in the same transaction as the effect, so a
 * redelivered event changes nothing. A failure that may pass is retried first ({@link InboxTransaction}); a message
 * that cannot be read or applied is nacked, which the channel's {@code failure-strategy=dead-letter-queue} turns
 * into a dead-letter record while consumption goes on.
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

    public Inbox(InboxTransaction transaction, InboxBatch batchTransaction, ObjectMapper objectMapper) {
        this.transaction = transaction;
        this.batchTransaction = batchTransaction;
        this.objectMapper = objectMapper;
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
                settled.add(record.nack(e).toCompletableFuture());
            }
        }
        settled.addAll(applyTogether(pending, consumer, handler));
        // offsets move on only once the dead letters are written
        return CompletableFuture.allOf(settled.toArray(CompletableFuture[]::new)).thenCompose(done -> batch.ack());
    }

    /**
     * Applies the events in one transaction; an event that cannot be applied is set aside (dead-lettered) and the
     * others applied again, any other failure sends every event through its own transaction.
     *
     * @return the completions of the dead letters written
     */
    private List<CompletableFuture<Void>> applyTogether(List<Received> events, String consumer, EventHandler handler) {
        List<Received> pending = new ArrayList<>(events);
        List<CompletableFuture<Void>> deadLetters = new ArrayList<>();
        while (!pending.isEmpty()) {
            try {
                long start = System.nanoTime();
                int applied = batchTransaction.apply(consumer, pending.stream().map(Received::event).toList(), handler);
                LOG.debugf("%d of %d events applied by %s in one transaction in %d ms", applied, pending.size(),
                        consumer, (System.nanoTime() - start) / 1_000_000);
                return deadLetters;
            } catch (InboxBatch.FailedEvent e) {
                if (!(e.getCause() instanceof UnprocessableEventException)) {
                    LOG.debugf("Batch on %s failed at event %s (%s), applying its events one at a time",
                            consumer, e.event().id(), e.getMessage());
                    break;
                }
                Received failed = pending.stream().filter(received -> received.event() == e.event()).findFirst()
                        .orElseThrow();
                LOG.warnf("Event %s (%s) cannot be applied on %s, sent to the dead-letter topic: %s",
                        failed.event().id(), failed.event().rawType(), consumer, e.getMessage());
                deadLetters.add(failed.record().nack(e.getCause()).toCompletableFuture());
                pending.remove(failed);
            } catch (RuntimeException e) {
                LOG.debugf("Batch on %s failed (%s), applying its events one at a time", consumer, e.getMessage());
                break;
            }
        }
        pending.forEach(received -> deadLetters.add(processOne(received, consumer, handler).toCompletableFuture()));
        return deadLetters;
    }

    /** One event of a batch on its own, as {@link #process} applies it; completes once a dead letter is written. */
    private CompletionStage<Void> processOne(Received received, String consumer, EventHandler handler) {
        IncomingEvent event = received.event();
        try {
            if (!transaction.apply(consumer, event, handler)) {
                LOG.debugf("Event %s already processed by %s, skipped", event.id(), consumer);
            }
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException e) {
            LOG.warnf("Event %s (%s) failed on %s, sent to the dead-letter topic: %s", event.id(), event.rawType(),
                    consumer, e.getMessage());
            return received.record().nack(e);
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
            return message.nack(e);
        }
        try {
            if (!transaction.apply(consumer, event, handler)) {
                LOG.debugf("Event %s already processed by %s, skipped", event.id(), consumer);
            }
            return message.ack();
        } catch (RuntimeException e) {
            LOG.warnf("Event %s (%s) failed on %s, sent to the dead-letter topic: %s", event.id(), event.rawType(),
                    consumer, e.getMessage());
            return message.nack(e);
        }
    }

    private IncomingEvent read(Message<String> message) {
        IncomingCloudEventMetadata<?> cloudEvent = message.getMetadata(IncomingCloudEventMetadata.class)
                .orElseThrow(() -> new UnprocessableEventException("not a CloudEvent: ce_ headers missing"));
        String key = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(kafka -> kafka.getKey() == null ? null : kafka.getKey().toString())
                .orElse(null);
        Optional<EventType> type = EventType.fromCloudEventType(cloudEvent.getType());
        return new IncomingEvent(cloudEvent.getId(), type, cloudEvent.getType(),
                cloudEvent.getSubject().orElse(null), key,
                cloudEvent.getTimeStamp().map(time -> time.toInstant()).orElse(null),
                parse(message.getPayload(), cloudEvent.getId()));
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
