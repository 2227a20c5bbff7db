package io.rapport.feedback;

/**
 * Where the sending of a survey stands, for the channels Rapport delivers itself (EMAIL; SMS and MESSAGE with a
 * provider). A request sent by LINK or IN_APP has none: the rep or the frontend hands the link over.
 */
public enum DeliveryStatus {
    /** Waiting to be sent: just created, or after a temporary failure until {@code nextDeliveryAt}. */
    QUEUED,
    /** Being handed to the mail server right now. */
    SENDING,
    /** The mail server accepted it. */
    SENT,
    /** The mail server refused it for good (an SMTP 5xx): the address does not take mail. */
    BOUNCED,
    /** Given up: every attempt failed, the link expired first, or sending was interrupted (never sent twice). */
    FAILED,
    /** The request was cancelled before it was sent. */
    CANCELLED;

    public boolean isFinal() {
        return this != QUEUED && this != SENDING;
    }
}
