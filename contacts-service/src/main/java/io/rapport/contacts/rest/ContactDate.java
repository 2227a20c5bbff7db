package io.rapport.contacts.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.rapport.contacts.ImportantDateKind;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A yearly date to remember; {@code year} is optional, {@code label} names a CUSTOM date. */
public record ContactDate(
        @NotNull ImportantDateKind kind,
        @Schema(description = "For CUSTOM dates", nullable = true) @Size(max = 100) String label,
        @Schema(description = "When known", nullable = true) @Min(1900) @Max(2100) Integer year,
        @NotNull @Min(1) @Max(12) Integer month,
        @NotNull @Min(1) @Max(31) Integer day) {
}
