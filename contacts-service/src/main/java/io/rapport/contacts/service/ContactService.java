package io.rapport.contacts.service;

import static io.rapport.contacts.service.ContactRules.nullToEmpty;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import io.rapport.contacts.Contact;
import io.rapport.contacts.ErasedContact;
import io.rapport.contacts.LifecycleStage;
import io.rapport.contacts.MergedContact;
import io.rapport.contacts.Organisation;
import io.rapport.contacts.config.ContactsConfig;
import io.rapport.contacts.lookup.ContactProblems;
import io.rapport.contacts.lookup.ContactProblems.Use;
import io.rapport.contacts.mapping.ContactMapper;
import io.rapport.contacts.rest.ContactInput;
import io.rapport.events.EventType;
import io.rapport.events.outbox.EventPublisher;
import io.rapport.rest.input.InvalidInput;
import io.rapport.rest.input.InvalidInput.Violation;
import io.rapport.rest.MergePatcher;
import io.rapport.rest.Preconditions;
import io.rapport.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;

@ApplicationScoped
public class ContactService {

    private final EventPublisher events;
    private final ContactsConfig config;
    private final MergePatcher patcher;
    private final Clock clock;

    public ContactService(EventPublisher events, ContactsConfig config, MergePatcher patcher, Clock clock) {
        this.events = events;
        this.config = config;
        this.patcher = patcher;
        this.clock = clock;
    }

    /** Creates the contact and records contact.created in the same transaction. */
    @Transactional
    public Contact create(ContactInput input, Caller caller) {
        String owner = input.owner() == null ? caller.userId() : input.owner();
        if (!owner.equals(caller.userId()) && !caller.canReassign()) {
            throw new ForbiddenException("A rep can only create contacts they own themselves");
        }
        Contact contact = new Contact();
        contact.id = UUID.randomUUID();
        contact.createdAt = clock.instant();
        apply(input, owner, contact);
        contact.persist(); // the version is seeded on persist; the insert itself may be batched with others
        events.publish(EventType.CONTACT_CREATED, contact.id, contact.id,
                ContactMapper.toSnapshot(contact, effectiveCadence(contact)));
        return contact;
    }

    /**
     * The contact, if the caller may see it; another rep's contact is as unknown as a missing one. A merged contact
     * answers 404 naming the survivor ({@code mergedInto}), an erased one 410, each only to those who could see it.
     */
    public Contact get(UUID id, Caller caller) {
        Contact contact = Contact.findById(id);
        if (contact != null && caller.canRead(contact.owner)) {
            return contact;
        }
        if (contact == null) {
            MergedContact merged = MergedContact.findById(id);
            if (merged != null && caller.canRead(merged.owner)) {
                throw ContactProblems.merged(id, merged.survivorId, Use.READ);
            }
            ErasedContact erased = ErasedContact.findById(id);
            if (erased != null && caller.canRead(erased.owner)) { // anyone else may not learn it existed
                throw ContactProblems.erased(id, Use.READ);
            }
        }
        throw new NotFoundException("No contact " + id);
    }

    /** The contact, if the caller may change it. */
    public Contact writable(UUID id, Caller caller) {
        Contact contact = get(id, caller);
        if (!caller.canWrite(contact.owner)) {
            throw new ForbiddenException("Read-only access to contact " + id);
        }
        return contact;
    }

    /** Records contact.updated with the contact's current snapshot; call after the change is flushed. */
    void publishUpdated(Contact contact) {
        events.publish(EventType.CONTACT_UPDATED, contact.id, contact.id,
                ContactMapper.toSnapshot(contact, effectiveCadence(contact)));
    }

    /** Replaces the contact with {@code input} (PUT), based on the version named by {@code ifMatch}. */
    @Transactional
    public Contact replace(UUID id, ContactInput input, String ifMatch, Caller caller) {
        Contact contact = writable(id, ifMatch, caller);
        return update(contact, input, caller);
    }

    /** Applies an RFC 7396 merge patch; the patched contact is validated like a PUT body. */
    @Transactional
    public Contact patch(UUID id, JsonNode patch, String ifMatch, Caller caller) {
        Contact contact = writable(id, ifMatch, caller);
        ContactInput input = patcher.apply(ContactMapper.toInput(contact), patch, ContactInput.class);
        return update(contact, input, caller);
    }

    /**
     * The rules a contact input breaks beyond bean validation (fields against each other, an organisation that does
     * not exist), every one of them; empty when it meets them all.
     */
    public List<Violation> inputViolations(ContactInput input) {
        LifecycleStage stage = input.lifecycleStage() == null ? LifecycleStage.PROSPECT : input.lifecycleStage();
        List<Violation> violations = new ArrayList<>(ContactRules.violations(input,
                input.checkInCadenceDays() != null ? input.checkInCadenceDays() : config.defaultCadence(stage)));
        if (input.organisationId() != null && Organisation.findById(input.organisationId()) == null) {
            violations.add(new Violation("organisationId", "no organisation " + input.organisationId()));
        }
        return violations;
    }

    public int effectiveCadence(Contact contact) {
        return contact.checkInCadenceDays != null ? contact.checkInCadenceDays
                : config.defaultCadence(contact.lifecycleStage);
    }

    private Contact writable(UUID id, String ifMatch, Caller caller) {
        Contact contact = writable(id, caller);
        Preconditions.requireIfMatch(ifMatch, contact.version);
        return contact;
    }

    private Contact update(Contact contact, ContactInput input, Caller caller) {
        String owner = input.owner() == null ? contact.owner : input.owner();
        if (!owner.equals(contact.owner) && !caller.canReassign()) {
            throw new ForbiddenException("Reassigning a contact to another owner is a manager's action");
        }
        ContactInput before = ContactMapper.toInput(contact);
        apply(input, owner, contact);
        if (ContactMapper.toInput(contact).equals(before)) {
            return contact; // nothing changed: no new version, no event
        }
        contact.updatedAt = clock.instant();
        contact.flush(); // assigns the new version the snapshot carries
        publishUpdated(contact);
        return contact;
    }

    private void apply(ContactInput input, String owner, Contact contact) {
        LifecycleStage stage = input.lifecycleStage() == null ? LifecycleStage.PROSPECT : input.lifecycleStage();
        int cadence = input.checkInCadenceDays() != null ? input.checkInCadenceDays() : config.defaultCadence(stage);
        ContactRules.check(input, cadence);
        contact.owner = owner;
        contact.firstName = input.firstName().strip();
        contact.lastName = blankToNull(input.lastName());
        contact.title = blankToNull(input.title());
        contact.organisation = input.organisationId() == null ? null : organisation(input.organisationId());
        replaceAll(contact.emails, ContactMapper.emails(nullToEmpty(input.emails())));
        replaceAll(contact.phones, ContactMapper.phones(nullToEmpty(input.phones())));
        contact.timezone = input.timezone();
        // one spelling per tag, so that tags compare as strings here and in every consumer (DE-at is de-AT)
        contact.language = input.language() == null ? null : Locale.forLanguageTag(input.language()).toLanguageTag();
        contact.preferredChannel = input.preferredChannel();
        contact.lifecycleStage = stage;
        contact.checkInCadenceDays = input.checkInCadenceDays();
        contact.checkInMaxIntervalDays = input.checkInMaxIntervalDays();
        contact.tags = distinctStripped(input.tags());
        contact.interests = distinctStripped(input.interests());
        contact.personalNotes = blankToNull(input.personalNotes());
        replaceAll(contact.importantDates, ContactMapper.importantDates(nullToEmpty(input.importantDates())));
        contact.doNotContact = Boolean.TRUE.equals(input.doNotContact());
        contact.marketingOptIn = Boolean.TRUE.equals(input.marketingOptIn());
        contact.sortName = contact.displayName().toLowerCase();
        contact.searchText = searchText(contact);
        if (contact.updatedAt == null) {
            contact.updatedAt = contact.createdAt;
        }
    }

    /** What full-text search matches on the contact itself: names, title, emails, tags and notes. */
    public static String searchText(Contact contact) {
        return Stream.of(Stream.of(contact.firstName, contact.lastName, contact.title),
                // the address whole, and its words, which the full-text parser would keep inside one email token
                contact.emails.stream().map(email -> email.address + " " + email.address.replaceAll("[@.]", " ")),
                contact.tags.stream(), Stream.of(contact.personalNotes))
                .flatMap(s -> s)
                .filter(Objects::nonNull)
                .collect(Collectors.joining(" "));
    }

    private static Organisation organisation(UUID id) {
        Organisation organisation = Organisation.findById(id);
        if (organisation == null) {
            throw InvalidInput.field("organisationId", "no organisation " + id);
        }
        return organisation;
    }

    private static <T> void replaceAll(List<T> target, List<T> values) {
        target.clear();
        target.addAll(values);
    }

    private static List<String> distinctStripped(List<String> values) {
        return new ArrayList<>(nullToEmpty(values).stream().map(String::strip).distinct().toList());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
