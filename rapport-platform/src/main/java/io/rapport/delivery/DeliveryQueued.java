package io.rapport.delivery;

/** A transaction queued a message; observed after its commit, so the dispatcher never looks before it is there. */
public record DeliveryQueued() {
}
