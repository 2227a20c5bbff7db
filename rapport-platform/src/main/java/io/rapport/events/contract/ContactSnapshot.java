package io.rapport.events.contract;

import java.time.Instant;
import java.util.UUID;

/**
 * The data of contact.created / contact.updated: the full current state other services project from.
 * {@code version} grows with every change, so a consumer can ignore a snapshot older than the one it holds.
 */
public record ContactSnapshot(
        UUID id,
        long version,
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
