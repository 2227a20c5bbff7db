package io.rapport.contacts.rest;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A contact")
public record ContactResponse(
        UUID id,
        @Schema(description = "Grows with every change; also sent as the ETag") long version,
        String owner,
        String firstName,
        String lastName,
        String displayName,
        String email,
        int checkInCadenceDays,
        String timezone,
        Instant createdAt,
        Instant updatedAt) {
}
