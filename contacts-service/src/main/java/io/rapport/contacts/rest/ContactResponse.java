package io.rapport.contacts.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.rapport.contacts.Channel;
import io.rapport.contacts.LifecycleStage;

@Schema(description = "A contact")
public record ContactResponse(
        UUID id,
        @Schema(description = "Grows with every change; also sent as the ETag") long version,
        String owner,
        String firstName,
        @Schema(nullable = true) String lastName,
        String displayName,
        @Schema(nullable = true) String title,
        @Schema(description = "The organisation the contact works for, if any", nullable = true)
        OrganisationRef organisation,
        List<ContactEmail> emails,
        List<ContactPhone> phones,
        @Schema(description = "IANA time zone", nullable = true) String timezone,
        @Schema(description = "BCP 47 language tag", nullable = true) String language,
        @Schema(nullable = true) Channel preferredChannel,
        LifecycleStage lifecycleStage,
        @Schema(description = "As set on the contact; null when the stage default applies", nullable = true)
        Integer checkInCadenceDays,
        @Schema(description = "The cadence in force: the contact's own or its stage's default")
        int effectiveCheckInCadenceDays,
        @Schema(nullable = true) Integer checkInMaxIntervalDays,
        List<String> tags,
        List<String> interests,
        @Schema(nullable = true) String personalNotes,
        List<ContactDate> importantDates,
        boolean doNotContact,
        boolean marketingOptIn,
        Instant createdAt,
        Instant updatedAt) {

    public record OrganisationRef(UUID id, String name) {
    }
}
