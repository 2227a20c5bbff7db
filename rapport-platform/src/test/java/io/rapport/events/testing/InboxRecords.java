package io.rapport.events.testing;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;

/** What a service's inbox holds (the platform's {@code processed_event}), read in a transaction of its own. */
public final class InboxRecords {

    private InboxRecords() {
    }

    /** @return 1 once the consumer has applied the event (and until the inbox forgets it), else 0 */
    public static long count(EntityManager entityManager, String consumer, String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from processed_event where consumer = ?1 and event_id = ?2")
                .setParameter(1, consumer).setParameter(2, eventId).getSingleResult()).longValue());
    }
}
