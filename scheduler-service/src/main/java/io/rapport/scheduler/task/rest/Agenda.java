package io.rapport.scheduler.task.rest;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A rep's agenda: each section most urgent first, then earliest due")
public record Agenda(
        String owner,
        @Schema(description = "Today in the agenda's time zone") LocalDate date,
        String timezone,
        @Schema(description = "Open tasks already past due: never silently lost") List<TaskResponse> overdue,
        @Schema(description = "Open tasks due later today") List<TaskResponse> today,
        @Schema(description = "Open tasks due in the next days") List<TaskResponse> upcoming,
        @Schema(description = "True when the rep has more open tasks due before the horizon than the agenda holds "
                + "(its earliest due, 500): the overdue ones come first, so the cut falls on the latest; "
                + "GET /api/v1/tasks with owner, status OPEN and dueBefore pages through them all")
        boolean truncated) {
}
