package io.rapport.scheduler.task.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One page of tasks, ordered by due time")
public record TaskPage(List<TaskResponse> items, int page, int size, long total) {
}
