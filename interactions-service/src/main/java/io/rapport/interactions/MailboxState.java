package io.rapport.interactions;

/** How a mailbox connection's capture stands. */
public enum MailboxState {
    /** Reading what the mailbox holds (the first back-fill, or catching up). */
    SYNCING,
    /** Caught up, waiting for new mail. */
    LIVE,
    /** Stopped on a failure that will not pass by itself (a refused login): the reason says which. */
    ERROR,
    /** Stopped by the rep. */
    PAUSED
}
