package io.rapport.events.contract;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The data of every task.* event: the task as it stands after the change. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TaskSnapshot(
        UUID id,
        long version,
        UUID contactId,
        String owner,
        String kind,
        String subject,
        String status,
        String priority,
        Instant dueAt,
        String reason,
        String rule,
        List<String> sourceEventIds,
        Instant createdAt,
        Instant updatedAt) {
}
