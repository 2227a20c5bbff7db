package io.rapport.delivery;

/** Where the sending of a message Rapport delivers itself stands (a survey's email, a rep's digest). */
public enum DeliveryStatus {
    /** Waiting to be sent: just created, or after a temporary failure until {@code nextDeliveryAt}. */
    QUEUED,
    /** Being handed to the mail server right now. */
    SENDING,
    /** The mail server (or the provider) accepted it. */
    SENT,
    /** The mail server refused it for good (an SMTP 5xx): the address does not take mail. */
    BOUNCED,
    /** Given up: every attempt failed, it went out of date first, or sending was interrupted (never sent twice). */
    FAILED,
    /** Not to be sent after all: withdrawn, or nothing to say, before it went out. */
    CANCELLED
}
