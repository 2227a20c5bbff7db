package io.rapport.events.inbox;

import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.rapport.events.EventType;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Applies incoming events exactly once: the event id is recorded in the same transaction as the effect, so a
 * redelivered event changes nothing. A failure that may pass is retried first ({@link InboxTransaction}); a message
 * that cannot be read or applied is nacked, which the channel's {@code failure-strategy=dead-letter-queue} turns
 * into a dead-letter record while consumption goes on.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private final InboxTransaction transaction;
    private final ObjectMapper objectMapper;

    public Inbox(InboxTransaction transaction, ObjectMapper objectMapper) {
        this.transaction = transaction;
        this.objectMapper = objectMapper;
    }

    /**
     * @param consumer names the consumer, so that two consumers in one service may each apply the same event
     * @param handler  applies the event; runs in the transaction that records it as processed, again after a
     *                 failure that may pass, and not at all for an event already processed
     */
    public CompletionStage<Void> process(Message<String> message, String consumer, Consumer<IncomingEvent> handler) {
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
