package io.rapport.contacts.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.rapport.contacts.Contact;
import io.rapport.contacts.ErasedContact;
import io.rapport.contacts.MergedContact;
import io.rapport.contacts.Need;
import io.rapport.contacts.export.ExportParts;
import io.rapport.contacts.mapping.ContactMapper;
import io.rapport.contacts.rest.ContactExport;
import io.rapport.contacts.rest.NeedResponse;
import io.rapport.events.EventType;
import io.rapport.events.Topic;
import io.rapport.events.contract.ContactErased;
import io.rapport.events.outbox.EventPublisher;
import io.rapport.rest.Preconditions;
import io.rapport.rest.idempotency.IdempotencyKeys;
import io.rapport.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** GDPR: export everything held on a contact (art. 20) and erase it (art. 17). */
@ApplicationScoped
public class PrivacyService {

    private final ContactService contacts;
    private final EventPublisher events;
    private final IdempotencyKeys idempotency;
    private final ExportParts exportParts;
    private final Clock clock;

    public PrivacyService(ContactService contacts, EventPublisher events, IdempotencyKeys idempotency,
            ExportParts exportParts, Clock clock) {
        this.contacts = contacts;
        this.events = events;
        this.idempotency = idempotency;
        this.exportParts = exportParts;
        this.clock = clock;
    }

    /**
     * Everything Rapport holds on the contact, in one document: this service's part and the other services' parts,
     * each asked with the caller's {@code authorization}, so that each gives only what the caller may see.
     */
    public ContactExport export(UUID id, Caller caller, String authorization) {
        Contact contact = contacts.get(id, caller);
        List<NeedResponse> needs = Need.<Need>list("contact.id = ?1 order by createdAt, id", id).stream()
                .map(NeedResponse::of).toList();
        List<ContactExport.MergedRecord> merged = MergedContact.into(id).stream()
                .map(record -> new ContactExport.MergedRecord(record.id, record.mergedAt)).toList();
        ContactExport.ContactsPart own = new ContactExport.ContactsPart(
                ContactMapper.toResponse(contact, contacts.effectiveCadence(contact)), needs, merged);
        ExportParts.Parts others = exportParts.of(id, authorization);
        return new ContactExport(id, clock.instant(), own, others.interactions(), others.feedback(),
                others.scheduler());
    }

    /**
     * Removes the contact and everything personal attached to it (emails, phones, dates, needs, stored responses
     * to its creation), keeps only the fact of the erasure, and publishes contact.erased followed by a tombstone.
     */
    @Transactional
    public void erase(UUID id, String ifMatch, Caller caller) {
        Contact contact = contacts.get(id, caller);
        Preconditions.requireIfMatch(ifMatch, contact.version);
        Instant now = clock.instant();
        // stored responses a retry would replay: the contact's creation and its needs', and those of the contacts
        // merged into it, whose data became its own (only a survivor can be erased)
        idempotency.forgetResponsesNaming("id", id);
        idempotency.forgetResponsesNaming("contactId", id);
        for (MergedContact merged : MergedContact.into(id)) {
            idempotency.forgetResponsesNaming("id", merged.id);
            idempotency.forgetResponsesNaming("contactId", merged.id);
        }
        contact.delete();
        ErasedContact erased = new ErasedContact();
        erased.id = id;
        erased.erasedAt = now;
        erased.erasedBy = caller.userId();
        erased.owner = contact.owner;
        erased.persist();
        events.publish(EventType.CONTACT_ERASED, id, id, new ContactErased(id, now));
        // then the compacted topic may drop every record of the contact, its name and email with them (the contacts
        // merged into it need none: their last record, contact.merged, holds no personal data)
        events.publishTombstone(Topic.CONTACTS, id);
    }
}
