package io.rapport.scheduler.health.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One page of a rep's book, worst score first")
public record HealthPage(
        List<HealthResponse> items,
        @Schema(description = "Pass as 'cursor' to get the next page; null on the last page", nullable = true)
        String nextCursor) {
}
