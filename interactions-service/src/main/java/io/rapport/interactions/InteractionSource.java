package io.rapport.interactions;

/** How an interaction came to be recorded. */
public enum InteractionSource {
    /** Logged by hand, through the API. */
    MANUAL,
    /** Captured from the rep's mailbox. */
    CAPTURED
}
