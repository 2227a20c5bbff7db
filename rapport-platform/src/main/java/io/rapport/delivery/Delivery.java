package io.rapport.delivery;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * The delivery of one message, as columns of the row that asks for it (a survey request, a digest): what the
 * {@link DeliveryQueue} reads and writes. Null status: nothing to deliver.
 */
@Embeddable
public class Delivery {

    @Enumerated(EnumType.STRING)
    @Column(name = "delivery_status")
    public DeliveryStatus status;

    @Column(name = "delivery_attempts")
    public int attempts;

    @Column(name = "next_delivery_at")
    public Instant nextAttemptAt;

    @Column(name = "sending_since")
    public Instant sendingSince;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** Why the last attempt failed, as the mail server (or the courier) said. */
    @Column(name = "delivery_error")
    public String error;

    /**
     * Not to send after all (the request behind it cancelled or answered): only while it is still queued, a message
     * being sent goes out. True when it was withdrawn.
     */
    public boolean withdraw() {
        if (status != DeliveryStatus.QUEUED) {
            return false;
        }
        status = DeliveryStatus.CANCELLED;
        nextAttemptAt = null;
        return true;
    }

    /** A delivery to make as soon as the transaction that asks for it has committed. */
    public static Delivery queuedAt(Instant now) {
        Delivery delivery = new Delivery();
        delivery.status = DeliveryStatus.QUEUED;
        delivery.nextAttemptAt = now;
        return delivery;
    }
}
