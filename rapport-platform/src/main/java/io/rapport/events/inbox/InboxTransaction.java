package io.rapport.events.inbox;

import java.util.List;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Applies one event and records it as processed, in one new transaction. What is retried after a failure, and how,
 * is the {@link Inbox}'s decision: each try here is a fresh transaction.
 */
@ApplicationScoped
public class InboxTransaction {

    private final EntityManager entityManager;

    public InboxTransaction(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** @return false when the consumer had already processed the event */
    public boolean apply(String consumer, IncomingEvent event, EventHandler handler) {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!markProcessed(consumer, event.id())) {
                return false;
            }
            handler.prepare(List.of(event));
            handler.apply(event);
            handler.finish();
            return true;
        });
    }

    private boolean markProcessed(String consumer, String eventId) {
        int inserted = entityManager.createNativeQuery("""
                insert into processed_event (consumer, event_id, processed_at) values (?1, ?2, now())
                on conflict do nothing""")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .executeUpdate();
        return inserted == 1;
    }
}
