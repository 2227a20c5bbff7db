package io.rapport.contacts.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.rapport.contacts.Need;

@Schema(description = "A need or goal of a contact")
public record NeedResponse(UUID id, long version, UUID contactId, String description, Need.Priority priority,
        Need.Status status, @Schema(nullable = true) LocalDate targetDate, @Schema(nullable = true) String notes,
        Instant createdAt, Instant updatedAt) {

    public static NeedResponse of(Need need) {
        return new NeedResponse(need.id, need.version, need.contact.id, need.description, need.priority, need.status,
                need.targetDate, need.notes, need.createdAt, need.updatedAt);
    }
}
