package io.rapport.events.inbox;

import java.util.List;

import org.eclipse.microprofile.faulttolerance.Retry;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Applies one event and records it as processed, in one new transaction. A failure that may pass (a lost connection,
 * a lock or serialization conflict, a constraint violated by a concurrent writer) is retried, each time in a fresh
 * transaction, with growing pauses; an event that cannot be applied ({@link UnprocessableEventException}) is not.
 */
@ApplicationScoped
public class InboxTransaction {

    private final EntityManager entityManager;

    public InboxTransaction(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** @return false when the consumer had already processed the event */
    @Retry(maxRetries = 4, delay = 250, jitter = 100, abortOn = UnprocessableEventException.class)
    @ExponentialBackoff(factor = 2, maxDelay = 4000)
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
