package io.rapport.scheduler.health.rest;

import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.rapport.scheduler.health.HealthFactor;

@Schema(description = "One component of a health score")
public record ComponentResponse(
        HealthFactor name,
        @Schema(description = "False when there is no data for it (no survey answered, no commitment due…): it is "
                + "then left out of the score and the other weights renormalised") boolean hasData,
        @Schema(description = "0-100; null without data", minimum = "0", maximum = "100", nullable = true)
        Integer score,
        @Schema(description = "The configured relative weight") int weight,
        @Schema(description = "Its share of the score (0-1); 0 without data") double effectiveWeight,
        @Schema(description = "The facts in words", example = "last touch-point 47 days ago; cadence 30 days")
        String explanation,
        @Schema(description = "The values the score was computed from, e.g. lastTouchAt, daysSince, cadenceDays")
        Map<String, Object> facts) {
}
