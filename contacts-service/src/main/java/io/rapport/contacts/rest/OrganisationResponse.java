package io.rapport.contacts.rest;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "An organisation")
public record OrganisationResponse(UUID id, long version, String name, @Schema(nullable = true) String domain,
        @Schema(nullable = true) String industry,
        Instant createdAt, Instant updatedAt) {
}
