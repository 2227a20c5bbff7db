package io.rapport.contacts.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.rapport.contacts.Contact;
import io.rapport.contacts.EmailAddress;
import io.rapport.contacts.ImportantDate;
import io.rapport.contacts.MergedContact;
import io.rapport.contacts.Need;
import io.rapport.contacts.PhoneNumber;
import io.rapport.contacts.mapping.ContactMapper;
import io.rapport.contacts.rest.ContactResponse;
import io.rapport.events.EventType;
import io.rapport.events.contract.ContactMerged;
import io.rapport.events.outbox.EventPublisher;
import io.rapport.rest.Preconditions;
import io.rapport.rest.input.InvalidInput;
import io.rapport.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Merges a duplicate into a survivor: the survivor keeps its own values and takes the duplicate's where it has
 * none; emails, phones, tags, interests, important dates and needs are carried over; consent stays as strict as
 * either contact's. The duplicate is deleted and remembered as merged, and contact.merged tells other services to
 * re-point what they hold for it.
 */
@ApplicationScoped
public class MergeService {

    private final ContactService contacts;
    private final EventPublisher events;
    private final Clock clock;

    public MergeService(ContactService contacts, EventPublisher events, Clock clock) {
        this.contacts = contacts;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A merge changes the survivor, so it must name the survivor's version in {@code ifMatch}, as any other change
     * does. A dry run computes the same merge and rolls it back, so the preview is exactly what a merge would do; it
     * changes nothing and needs no If-Match (one that is sent is still checked).
     */
    @Transactional
    public ContactResponse merge(UUID survivorId, UUID duplicateId, boolean dryRun, String ifMatch, Caller caller) {
        if (survivorId.equals(duplicateId)) {
            throw InvalidInput.field("duplicateId", "a contact cannot be merged into itself");
        }
        Contact survivor = contacts.writable(survivorId, caller);
        if (!dryRun || ifMatch != null) {
            Preconditions.requireIfMatch(ifMatch, survivor.version);
        }
        Contact duplicate = contacts.writable(duplicateId, caller);
        Instant now = clock.instant();
        absorb(survivor, duplicate);
        Need.update("contact = ?1 where contact = ?2", survivor, duplicate);
        survivor.updatedAt = now;
        survivor.searchText = ContactService.searchText(survivor);
        survivor.flush();
        ContactResponse result = ContactMapper.toResponse(survivor, contacts.effectiveCadence(survivor));

        if (dryRun) {
            QuarkusTransaction.setRollbackOnly();
            return result;
        }
        MergedContact merged = new MergedContact();
        merged.id = duplicate.id;
        merged.survivorId = survivor.id;
        merged.owner = duplicate.owner;
        merged.mergedAt = now;
        merged.mergedBy = caller.userId();
        duplicate.delete();
        merged.persist();
        events.publish(EventType.CONTACT_MERGED, duplicate.id, duplicate.id,
                new ContactMerged(duplicate.id, survivor.id, now));
        contacts.publishUpdated(survivor);
        return result;
    }

    private static void absorb(Contact survivor, Contact duplicate) {
        survivor.lastName = firstNonNull(survivor.lastName, duplicate.lastName);
        survivor.title = firstNonNull(survivor.title, duplicate.title);
        survivor.organisation = firstNonNull(survivor.organisation, duplicate.organisation);
        survivor.timezone = firstNonNull(survivor.timezone, duplicate.timezone);
        survivor.language = firstNonNull(survivor.language, duplicate.language);
        survivor.preferredChannel = firstNonNull(survivor.preferredChannel, duplicate.preferredChannel);
        survivor.checkInCadenceDays = firstNonNull(survivor.checkInCadenceDays, duplicate.checkInCadenceDays);
        survivor.checkInMaxIntervalDays = firstNonNull(survivor.checkInMaxIntervalDays,
                duplicate.checkInMaxIntervalDays);
        survivor.personalNotes = survivor.personalNotes == null ? duplicate.personalNotes
                : duplicate.personalNotes == null ? survivor.personalNotes
                        : survivor.personalNotes + "\n\n" + duplicate.personalNotes;
        Set<String> addresses = survivor.emails.stream().map(e -> e.address.toLowerCase()).collect(Collectors.toSet());
        duplicate.emails.stream().filter(e -> !addresses.contains(e.address.toLowerCase()))
                .forEach(e -> survivor.emails.add(new EmailAddress(e.address, e.type, survivor.emails.isEmpty())));
        Set<String> numbers = survivor.phones.stream().map(p -> p.number).collect(Collectors.toSet());
        duplicate.phones.stream().filter(p -> !numbers.contains(p.number))
                .forEach(p -> survivor.phones.add(new PhoneNumber(p.number, p.type, survivor.phones.isEmpty())));
        survivor.tags = union(survivor.tags, duplicate.tags);
        survivor.interests = union(survivor.interests, duplicate.interests);
        Set<String> dates = survivor.importantDates.stream().map(MergeService::dateKey).collect(Collectors.toSet());
        duplicate.importantDates.stream().filter(d -> !dates.contains(dateKey(d)))
                .forEach(d -> survivor.importantDates.add(new ImportantDate(d.kind, d.label, d.year, d.month, d.day)));
        survivor.doNotContact = survivor.doNotContact || duplicate.doNotContact;
        survivor.marketingOptIn = survivor.marketingOptIn && duplicate.marketingOptIn;
        if (duplicate.createdAt.isBefore(survivor.createdAt)) {
            survivor.createdAt = duplicate.createdAt;
        }
    }

    private static String dateKey(ImportantDate date) {
        return date.kind + "|" + Objects.toString(date.label, "");
    }

    private static List<String> union(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        second.stream().filter(value -> !first.contains(value)).forEach(all::add);
        return all;
    }

    private static <T> T firstNonNull(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }
}
