package io.rapport.events.inbox;

import java.util.List;

/**
 * What a consumer does with the events it receives, inside the transaction that records them as processed: one
 * transaction per batch. The entities the batch loads stay in the persistence context until it commits, and Hibernate
 * dirty-checks all of them before every query; a handler that loads many rows per event and queries a lot should
 * flush and clear after each event, or the batch costs the square of its size.
 */
@FunctionalInterface
public interface EventHandler {

    /** Applies one event; throws {@link UnprocessableEventException} for an event that can never be applied. */
    void apply(IncomingEvent event);

    /**
     * Called once per batch, before its events are applied one by one, with those not yet processed: the place to
     * load in one query what the events will need (the persistence context then answers the lookups by id).
     */
    default void prepare(List<IncomingEvent> events) {
    }

    /**
     * Called once the events of a transaction (a batch, or one event) are applied, before it commits: the place for
     * work that depends on the state the events left rather than on each event, done once for all of them.
     */
    default void finish() {
    }
}
