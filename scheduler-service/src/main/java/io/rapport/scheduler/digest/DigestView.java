package io.rapport.scheduler.digest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.rapport.delivery.DeliveryStatus;

@Schema(description = "A rep's daily agenda by email, and how the last one went")
public record DigestView(
        String owner,
        String address,
        @Schema(type = SchemaType.STRING, examples = "07:30") LocalTime time,
        String timezone,
        boolean enabled,
        boolean sendWhenEmpty,
        boolean instantAlerts,
        @Schema(description = "When the next digest is due; absent while it is off", nullable = true)
        Instant nextDigestAt,
        @Schema(description = "The latest digest, if any", nullable = true) LastDigest lastDigest) {

    @Schema(description = "A digest of one day and its delivery")
    public record LastDigest(
            @Schema(description = "The rep's day it was for") LocalDate date,
            @Schema(description = "SENT, or CANCELLED when there was nothing to send; QUEUED, SENDING, BOUNCED or "
                    + "FAILED as for any delivery") DeliveryStatus deliveryStatus,
            @Schema(nullable = true) Instant sentAt,
            @Schema(description = "Why it was not sent", nullable = true) String deliveryError) {
    }
}
