package io.rapport.scheduler.task.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One page of tasks; nextCursor fetches the next page, null on the last")
public record TaskPage(List<TaskResponse> items,
        @Schema(description = "Pass as 'cursor' to get the next page; null on the last page", nullable = true)
        String nextCursor) {
}
