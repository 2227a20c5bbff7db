package io.rapport.events.contract;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The data of every task.* event: the task as it stands after the change. Its subject and reason are not carried:
 * they quote what people wrote (a rep's follow-up, a promise, a date's label), which erasure must be able to take
 * back; {@code GET /api/v1/tasks/{id}} has them.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TaskSnapshot(
        UUID id,
        long version,
        UUID contactId,
        String owner,
        String kind,
        String status,
        String priority,
        Instant dueAt,
        String rule,
        List<String> sourceEventIds,
        Instant createdAt,
        Instant updatedAt) {
}
