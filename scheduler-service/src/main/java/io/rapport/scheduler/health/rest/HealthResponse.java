package io.rapport.scheduler.health.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.rapport.scheduler.health.HealthBand;

@Schema(description = "A contact's relationship health: the weighted mean of its components with data")
public record HealthResponse(
        UUID contactId,
        String owner,
        @Schema(minimum = "0", maximum = "100") int score,
        @Schema(description = "HEALTHY, WATCH or AT_RISK, by the configured thresholds") HealthBand band,
        @Schema(description = "Every component, those without data included") List<ComponentResponse> components,
        @Schema(description = "When the score was computed: on every change to the contact's relationship, and "
                + "whenever time alone could move it into a lower band") Instant computedAt) {
}
