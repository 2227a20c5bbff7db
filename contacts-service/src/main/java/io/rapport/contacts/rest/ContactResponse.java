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
        String lastName,
        String displayName,
        String title,
        OrganisationRef organisation,
        List<ContactEmail> emails,
        List<ContactPhone> phones,
        String timezone,
        String language,
        Channel preferredChannel,
        LifecycleStage lifecycleStage,
        @Schema(description = "As set on the contact; null when the stage default applies") Integer checkInCadenceDays,
        @Schema(description = "The cadence in force: the contact's own or its stage's default") int effectiveCheckInCadenceDays,
        Integer checkInMaxIntervalDays,
        List<String> tags,
        List<String> interests,
        String personalNotes,
        List<ContactDate> importantDates,
        boolean doNotContact,
        boolean marketingOptIn,
        Instant createdAt,
        Instant updatedAt) {

    public record OrganisationRef(UUID id, String name) {
    }
}
