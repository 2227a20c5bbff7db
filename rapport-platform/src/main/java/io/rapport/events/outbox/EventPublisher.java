package io.rapport.events.outbox;

import java.time.Clock;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.rapport.events.EventType;
import io.rapport.events.Topic;
import io.rapport.events.tracing.EventTraces;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * Records an event in the outbox. It must run inside the transaction that makes the state change, so the change
 * and its event commit or roll back together; {@link OutboxRelay} publishes it afterwards, woken by the commit.
 */
@ApplicationScoped
public class EventPublisher {

    /** Marks a transaction whose commit already wakes the relay. */
    private static final Object WAKES_RELAY = new Object();

    private final ObjectMapper objectMapper;
    private final Clock clock;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;

    public EventPublisher(ObjectMapper objectMapper, Clock clock, TransactionSynchronizationRegistry transactions,
            OutboxRelay relay) {
        this.objectMapper = objectMapper;
        this.clock = clock;
        this.transactions = transactions;
        this.relay = relay;
    }

    /**
     * @param contactId the Kafka key: all events of one contact land on one partition, in order
     * @param subject   the CloudEvents subject, the id of the resource the event is about
     * @return the event id
     */
    @Transactional(TxType.MANDATORY)
    public UUID publish(EventType type, UUID contactId, UUID subject, Object data) {
        OutboxEvent event = new OutboxEvent();
        event.id = UUID.randomUUID();
        event.topic = type.topic().topicName();
        event.key = contactId.toString();
        event.type = type.cloudEventType();
        event.subject = subject.toString();
        event.occurredAt = clock.instant();
        event.payload = toJson(data);
        event.traceParent = EventTraces.currentTraceParent();
        event.persist();
        wakeRelayAfterCommit();
        return event.id;
    }

    /**
     * Records a tombstone for the contact on a compacted topic: a record with the contact's key and no value, which
     * tells Kafka's log cleaner that every earlier record of the contact may go. It follows the events recorded
     * before it in this transaction, so consumers see the contact's last event before it.
     */
    @Transactional(TxType.MANDATORY)
    public void publishTombstone(Topic topic, UUID contactId) {
        OutboxEvent tombstone = new OutboxEvent();
        tombstone.id = UUID.randomUUID();
        tombstone.topic = topic.topicName();
        tombstone.key = contactId.toString();
        tombstone.occurredAt = clock.instant();
        tombstone.persist();
        wakeRelayAfterCommit();
    }

    private void wakeRelayAfterCommit() {
        if (transactions.getResource(WAKES_RELAY) != null) {
            return;
        }
        transactions.putResource(WAKES_RELAY, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
    }

    private String toJson(Object data) {
        try {
            return objectMapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event data cannot be written as JSON: " + data.getClass(), e);
        }
    }
}
