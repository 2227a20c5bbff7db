package io.rapport.scheduler.followup;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.rapport.scheduler.task.TaskPriority;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Schema(description = "A follow-up a rep adds for a contact by hand")
public record FollowUpInput(
        @Schema(description = "The contact it is for; the task's owner is the contact's owner") @NotNull UUID contactId,
        @Schema(description = "What to do, one open follow-up per subject and contact",
                examples = "Send the renewal proposal") @NotBlank @Size(max = 200) String subject,
        @Schema(description = "When it is due (ISO-8601); a time already past makes it overdue at once")
        @NotNull Instant dueAt,
        @Schema(description = "LOW, NORMAL (default), HIGH or URGENT", nullable = true) TaskPriority priority,
        @Schema(description = "Anything worth knowing when doing it", nullable = true) @Size(max = 1000) String note) {
}
