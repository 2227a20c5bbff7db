package io.rapport.interactions;

/** OPEN until kept (FULFILLED) or withdrawn (CANCELLED); both are final. */
public enum CommitmentStatus {
    OPEN, FULFILLED, CANCELLED
}
