package io.rapport.contacts.rest;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.rapport.contacts.Channel;
import io.rapport.contacts.LifecycleStage;
import io.rapport.validation.TimeZoneId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A contact as a client writes it: the body of POST and PUT, and what a merge patch is applied to. */
@Schema(description = "A contact as written by a client")
public record ContactInput(
        @Schema(examples = "Ada") @NotBlank @Size(max = 100) String firstName,
        @Schema(examples = "Lovelace") @Size(max = 100) String lastName,
        @Schema(examples = "Head of Analytics") @Size(max = 100) String title,
        @Schema(description = "The organisation the contact works for") UUID organisationId,
        @Size(max = 10) List<@Valid ContactEmail> emails,
        @Size(max = 10) List<@Valid ContactPhone> phones,
        @Schema(description = "IANA time zone", examples = "Europe/London") @TimeZoneId @Size(max = 64) String timezone,
        @Schema(description = "BCP 47 language tag; survey emails are written in it", examples = "de")
        @LanguageTag @Size(max = 35) String language,
        Channel preferredChannel,
        @Schema(description = "Defaults to PROSPECT") LifecycleStage lifecycleStage,
        @Schema(description = "Days between check-ins; when absent, the default of the lifecycle stage")
        @Min(1) @Max(365) Integer checkInCadenceDays,
        @Schema(description = "The longest acceptable gap between touch-points; at least the cadence")
        @Min(1) @Max(730) Integer checkInMaxIntervalDays,
        @Size(max = 50) List<@NotBlank @Size(max = 50) String> tags,
        @Size(max = 50) List<@NotBlank @Size(max = 100) String> interests,
        @Schema(description = "Personal notes that help build rapport") @Size(max = 10000) String personalNotes,
        @Size(max = 20) List<@Valid ContactDate> importantDates,
        Boolean doNotContact,
        Boolean marketingOptIn,
        @Schema(description = "The rep who owns the relationship; defaults to the caller. Only a manager or an "
                + "admin may name someone else.", examples = "alice") @Size(min = 1, max = 100) String owner) {
}
