package io.rapport.contacts.rest;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.rapport.contacts.Need;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Schema(description = "A need or goal of the contact, as written by a client")
public record NeedInput(
        @Schema(examples = "Cut month-end reporting from five days to one") @NotBlank @Size(max = 2000)
        String description,
        @Schema(description = "Defaults to MEDIUM") Need.Priority priority,
        @Schema(description = "Defaults to OPEN") Need.Status status,
        LocalDate targetDate,
        @Size(max = 10000) String notes) {
}
