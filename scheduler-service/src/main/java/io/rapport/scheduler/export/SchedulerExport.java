package io.rapport.scheduler.export;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.rapport.scheduler.health.rest.HealthResponse;
import io.rapport.scheduler.task.rest.TaskResponse;

@Schema(description = "Everything scheduler-service holds on one contact (its part of the GDPR export)")
public record SchedulerExport(
        UUID contactId,
        @Schema(description = "Every task, open or closed, oldest first, those of contacts merged into it included")
        List<TaskResponse> tasks,
        @Schema(description = "The relationship health; null before it was first computed", nullable = true)
        HealthResponse health) {
}
