package io.rapport.contacts.mapping;

import java.util.List;
import java.util.stream.IntStream;

import io.rapport.contacts.Contact;
import io.rapport.contacts.EmailAddress;
import io.rapport.contacts.EmailType;
import io.rapport.contacts.ImportantDate;
import io.rapport.contacts.PhoneNumber;
import io.rapport.contacts.PhoneType;
import io.rapport.contacts.rest.ContactDate;
import io.rapport.contacts.rest.ContactEmail;
import io.rapport.contacts.rest.ContactInput;
import io.rapport.contacts.rest.ContactPhone;
import io.rapport.contacts.rest.ContactResponse;
import io.rapport.events.contract.ContactSnapshot;

/** Maps a contact to what leaves the service (its REST representation, its event snapshot) and back. */
public final class ContactMapper {

    private ContactMapper() {
    }

    public static ContactResponse toResponse(Contact contact, int effectiveCadence) {
        return new ContactResponse(contact.id, contact.version, contact.owner, contact.firstName, contact.lastName,
                contact.displayName(), contact.title,
                contact.organisation == null ? null
                        : new ContactResponse.OrganisationRef(contact.organisation.id, contact.organisation.name),
                contact.emails.stream().map(e -> new ContactEmail(e.address, e.type, e.primary)).toList(),
                contact.phones.stream().map(p -> new ContactPhone(p.number, p.type, p.primary)).toList(),
                contact.timezone, contact.language, contact.preferredChannel, contact.lifecycleStage,
                contact.checkInCadenceDays, effectiveCadence, contact.checkInMaxIntervalDays, List.copyOf(contact.tags),
                List.copyOf(contact.interests), contact.personalNotes, dates(contact), contact.doNotContact,
                contact.marketingOptIn, contact.createdAt, contact.updatedAt);
    }

    /** The contact as a client would PUT it back: what a merge patch is applied to. */
    public static ContactInput toInput(Contact contact) {
        return new ContactInput(contact.firstName, contact.lastName, contact.title,
                contact.organisation == null ? null : contact.organisation.id,
                contact.emails.stream().map(e -> new ContactEmail(e.address, e.type, e.primary)).toList(),
                contact.phones.stream().map(p -> new ContactPhone(p.number, p.type, p.primary)).toList(),
                contact.timezone, contact.language, contact.preferredChannel, contact.lifecycleStage,
                contact.checkInCadenceDays, contact.checkInMaxIntervalDays, List.copyOf(contact.tags),
                List.copyOf(contact.interests), contact.personalNotes, dates(contact), contact.doNotContact,
                contact.marketingOptIn, contact.owner);
    }

    /** Every address of the contact, the primary first. */
    private static List<String> emails(Contact contact) {
        return contact.emails.stream().sorted((a, b) -> Boolean.compare(b.primary, a.primary))
                .map(email -> email.address).toList();
    }

    public static ContactSnapshot toSnapshot(Contact contact, int effectiveCadence) {
        return new ContactSnapshot(contact.id, contact.version, contact.owner, contact.firstName, contact.lastName,
                contact.displayName(), contact.primaryEmail(), emails(contact),
                contact.organisation == null ? null : contact.organisation.id,
                contact.lifecycleStage.name(),
                contact.preferredChannel == null ? null : contact.preferredChannel.name(),
                contact.timezone, contact.language, effectiveCadence, contact.checkInMaxIntervalDays,
                contact.importantDates.stream()
                        .map(d -> new ContactSnapshot.ImportantDate(d.kind.name(), d.label, d.year, d.month, d.day))
                        .toList(),
                contact.doNotContact, contact.marketingOptIn, List.copyOf(contact.tags), contact.createdAt,
                contact.updatedAt);
    }

    /** Emails in input order; the first is primary when none is marked. */
    public static List<EmailAddress> emails(List<ContactEmail> emails) {
        boolean anyPrimary = emails.stream().anyMatch(ContactEmail::primary);
        return IntStream.range(0, emails.size())
                .mapToObj(i -> new EmailAddress(emails.get(i).address().strip(),
                        emails.get(i).type() == null ? EmailType.WORK : emails.get(i).type(),
                        anyPrimary ? emails.get(i).primary() : i == 0))
                .toList();
    }

    /** Phone numbers in input order; the first is primary when none is marked. */
    public static List<PhoneNumber> phones(List<ContactPhone> phones) {
        boolean anyPrimary = phones.stream().anyMatch(ContactPhone::primary);
        return IntStream.range(0, phones.size())
                .mapToObj(i -> new PhoneNumber(phones.get(i).number().strip(),
                        phones.get(i).type() == null ? PhoneType.MOBILE : phones.get(i).type(),
                        anyPrimary ? phones.get(i).primary() : i == 0))
                .toList();
    }

    public static List<ImportantDate> importantDates(List<ContactDate> dates) {
        return dates.stream()
                .map(d -> new ImportantDate(d.kind(), d.label(), d.year(), d.month(), d.day()))
                .toList();
    }

    private static List<ContactDate> dates(Contact contact) {
        return contact.importantDates.stream()
                .map(d -> new ContactDate(d.kind, d.label, d.year, d.month, d.day))
                .toList();
    }
}
