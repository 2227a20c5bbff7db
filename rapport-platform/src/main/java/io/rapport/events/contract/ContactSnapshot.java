package io.rapport.events.contract;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The data of contact.created / contact.updated: the contact's current state as other services project it.
 * {@code version} grows with every change, so a consumer can ignore a snapshot older than the one it holds.
 * Consumers ignore members they do not know, so members can be added without a new event version.
 *
 * @param language the language the contact is written to in (a BCP 47 tag such as {@code de} or {@code pt-BR}), or null
 * @param checkInCadenceDays the cadence in force (the contact's own or its lifecycle stage's default)
 * @param emails every address of the contact, the primary first: whom capture recognises in mail (null in snapshots
 *               written before it was added, which carry only {@code primaryEmail})
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContactSnapshot(
        UUID id,
        long version,
        String owner,
        String firstName,
        String lastName,
        String displayName,
        String primaryEmail,
        List<String> emails,
        UUID organisationId,
        String lifecycleStage,
        String preferredChannel,
        String timezone,
        String language,
        int checkInCadenceDays,
        Integer checkInMaxIntervalDays,
        List<ImportantDate> importantDates,
        boolean doNotContact,
        boolean marketingOptIn,
        List<String> tags,
        Instant createdAt,
        Instant updatedAt) {

    /** A yearly date: BIRTHDAY, CUSTOMER_SINCE, WORK_ANNIVERSARY or CUSTOM (with a label); year optional. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ImportantDate(String kind, String label, Integer year, int month, int day) {
    }
}
