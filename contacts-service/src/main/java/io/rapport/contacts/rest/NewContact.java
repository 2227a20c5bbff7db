package io.rapport.contacts.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.rapport.validation.TimeZoneId;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Schema(description = "A contact to create")
public record NewContact(
        @Schema(examples = "Ada") @NotBlank @Size(max = 100) String firstName,
        @Schema(examples = "Lovelace") @Size(max = 100) String lastName,
        @Schema(examples = "ada@example.com") @Email @Size(max = 254) String email,
        @Schema(description = "The rep who owns the relationship; defaults to the caller. A rep may only name "
                + "themselves.", examples = "alice") @Size(min = 1, max = 100) String owner,
        @Schema(description = "Days between check-ins; defaults to the configured cadence", examples = "30")
        @Min(1) @Max(365) Integer checkInCadenceDays,
        @Schema(description = "IANA time zone", examples = "Europe/London") @TimeZoneId String timezone) {
}
