package io.rapport.events.inbox;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Applies a batch of events in one transaction: the event ids are recorded in one statement (those already processed
 * are skipped), then the new events are applied in their order. Any failure rolls the whole batch back and names
 * the event that failed, so the inbox can set it aside and apply the others again.
 */
@ApplicationScoped
public class InboxBatch {

    private final EntityManager entityManager;

    public InboxBatch(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** @return the events applied; the others had been processed before */
    public List<IncomingEvent> apply(String consumer, List<IncomingEvent> events, EventHandler handler) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Set<String> fresh = markProcessed(consumer, events);
            List<IncomingEvent> toApply = new ArrayList<>(fresh.size());
            for (IncomingEvent event : events) {
                if (fresh.remove(event.id())) { // the first of two copies in one batch only
                    toApply.add(event);
                }
            }
            if (toApply.isEmpty()) {
                return toApply;
            }
            handler.prepare(toApply);
            for (IncomingEvent event : toApply) {
                try {
                    handler.apply(event);
                } catch (RuntimeException e) {
                    throw new FailedEvent(event, e);
                }
            }
            handler.finish();
            return toApply;
        });
    }

    /** @return the ids of the events this consumer had not processed yet */
    private Set<String> markProcessed(String consumer, List<IncomingEvent> events) {
        String[] ids = events.stream().map(IncomingEvent::id).distinct().toArray(String[]::new);
        List<String> inserted = entityManager.createNativeQuery("""
                insert into processed_event (consumer, event_id, processed_at)
                select ?1, id, now() from unnest(cast(?2 as text[])) as id
                on conflict do nothing
                returning event_id""", String.class)
                .setParameter(1, consumer)
                .setParameter(2, ids)
                .getResultList();
        return new HashSet<>(inserted);
    }

    /** The batch failed while applying this event; nothing of the batch was kept. */
    public static class FailedEvent extends RuntimeException {

        private final transient IncomingEvent event;

        FailedEvent(IncomingEvent event, RuntimeException cause) {
            super(cause.getMessage(), cause);
            this.event = event;
        }

        public IncomingEvent event() {
            return event;
        }

        @Override
        public synchronized RuntimeException getCause() {
            return (RuntimeException) super.getCause();
        }
    }
}
