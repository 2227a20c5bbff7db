package io.rapport.contacts.lookup;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.rapport.events.contract.ContactSnapshot;

/** What the other services read of contacts-service's contact representation: the members of a snapshot. */
@JsonIgnoreProperties(ignoreUnknown = true)
record ContactView(
        UUID id,
        long version,
        String owner,
        String firstName,
        String lastName,
        String displayName,
        Organisation organisation,
        List<Email> emails,
        String timezone,
        String language,
        String preferredChannel,
        String lifecycleStage,
        int effectiveCheckInCadenceDays,
        Integer checkInMaxIntervalDays,
        List<String> tags,
        List<ContactSnapshot.ImportantDate> importantDates,
        boolean doNotContact,
        boolean marketingOptIn,
        Instant createdAt,
        Instant updatedAt) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Organisation(UUID id) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Email(String address, boolean primary) {
    }

    /** The same state as the contact.created / contact.updated event of this version carries. */
    ContactSnapshot toSnapshot() {
        String primaryEmail = emails == null || emails.isEmpty() ? null
                : emails.stream().filter(Email::primary).findFirst().orElse(emails.get(0)).address();
        List<String> addresses = emails == null ? List.of() : emails.stream()
                .sorted((a, b) -> Boolean.compare(b.primary(), a.primary())).map(Email::address).toList();
        return new ContactSnapshot(id, version, owner, firstName, lastName, displayName, primaryEmail, addresses,
                organisation == null ? null : organisation.id(), lifecycleStage, preferredChannel, timezone, language,
                effectiveCheckInCadenceDays, checkInMaxIntervalDays, importantDates == null ? List.of() : importantDates,
                doNotContact, marketingOptIn, tags == null ? List.of() : tags, createdAt, updatedAt);
    }
}
