package io.rapport.scheduler.task.rest;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The bodies of the task actions. */
public final class TaskActionRequests {

    private TaskActionRequests() {
    }

    @Schema(description = "Completing a task")
    public record Complete(@Schema(description = "What was done") @Size(max = 1000) String note) {
    }

    @Schema(description = "Snoozing a task")
    public record Snooze(@Schema(description = "When the task is due again") @NotNull Instant until) {
    }

    @Schema(description = "Dismissing a task")
    public record Dismiss(@Schema(description = "Why it needs no action") @NotBlank @Size(max = 1000) String reason) {
    }
}
