package io.rapport.delivery;

import java.time.Instant;
import java.util.UUID;

/**
 * One kind of message a service delivers (a survey's email, a rep's digest): where its rows are, what to send for
 * one, and how to hand it over. The {@link DeliveryDispatcher} sends every kind a service has.
 *
 * @param <M> what {@link #deliver} hands over
 */
public interface DeliveryKind<M> {

    /** The table whose rows carry the {@link Delivery} columns: a name from code, never from input. */
    String table();

    /** The table's id column (a uuid). */
    default String idColumn() {
        return "id";
    }

    /** A version column to move on with every change of the delivery (it makes the row's ETag), or null. */
    default String versionColumn() {
        return null;
    }

    /** In the transaction that takes the row off the queue, the row locked: what to send, or why not to send it. */
    Prepared<M> prepare(UUID id, Instant now);

    /** Hands the message over, with no transaction open, blocking until the other side took it or refused it. */
    void deliver(M message) throws DeliveryFailure;

    /** In the transaction that records a final state: forget what was kept only for the sending. */
    default void settled(UUID id, DeliveryStatus status) {
    }

    /** What {@link #prepare} decided. */
    sealed interface Prepared<M> permits Send, Settle {
    }

    record Send<M>(M message) implements Prepared<M> {
    }

    /** Not to be sent after all: {@code status} is CANCELLED or FAILED, {@code reason} says why. */
    record Settle<M>(DeliveryStatus status, String reason) implements Prepared<M> {
    }
}
