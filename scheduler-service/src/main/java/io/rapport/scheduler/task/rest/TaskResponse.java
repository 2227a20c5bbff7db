package io.rapport.scheduler.task.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.rapport.scheduler.task.TaskKind;
import io.rapport.scheduler.task.TaskPriority;
import io.rapport.scheduler.task.TaskStatus;

@Schema(description = "Something a rep should do for a contact, and why")
public record TaskResponse(
        UUID id,
        long version,
        UUID contactId,
        @Schema(description = "The contact's display name, so that an agenda renders without a call per row; null "
                + "when the contact is erased or not known to the scheduler yet", nullable = true) String contactName,
        String owner,
        TaskKind kind,
        @Schema(description = "What the task is about within its kind") String subject,
        TaskStatus status,
        TaskPriority priority,
        Instant dueAt,
        @Schema(description = "The facts behind the task", examples = "Last touch-point on 2026-10-12; check-in cadence 30 days")
        String reason,
        @Schema(description = "The rule that raised it") String rule,
        @Schema(description = "The ids of the events that raised, moved or resolved it") List<String> sourceEventIds,
        @Schema(description = "Why it was closed", nullable = true) String resolution,
        @Schema(description = "Until when it is snoozed", nullable = true) Instant snoozedUntil,
        Instant createdAt,
        Instant updatedAt) {
}
