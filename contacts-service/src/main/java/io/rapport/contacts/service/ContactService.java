package io.rapport.contacts.service;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import io.rapport.contacts.Contact;
import io.rapport.contacts.config.ContactsConfig;
import io.rapport.contacts.mapping.ContactMapper;
import io.rapport.contacts.rest.NewContact;
import io.rapport.events.EventType;
import io.rapport.events.outbox.EventPublisher;
import io.rapport.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;

@ApplicationScoped
public class ContactService {

    private final EventPublisher events;
    private final ContactsConfig config;
    private final Clock clock;

    public ContactService(EventPublisher events, ContactsConfig config, Clock clock) {
        this.events = events;
        this.config = config;
        this.clock = clock;
    }

    /** Creates the contact and records contact.created in the same transaction. */
    @Transactional
    public Contact create(NewContact request, Caller caller) {
        String owner = request.owner() == null ? caller.userId() : request.owner();
        if (!caller.canWrite(owner)) {
            throw new ForbiddenException("A rep can only create contacts they own themselves");
        }
        Instant now = clock.instant();
        Contact contact = new Contact();
        contact.id = UUID.randomUUID();
        contact.owner = owner;
        contact.firstName = request.firstName().strip();
        contact.lastName = request.lastName() == null ? null : request.lastName().strip();
        contact.email = request.email();
        contact.checkInCadenceDays = request.checkInCadenceDays() == null
                ? config.defaultCheckInCadenceDays()
                : request.checkInCadenceDays();
        contact.timezone = request.timezone();
        contact.createdAt = now;
        contact.updatedAt = now;
        contact.persistAndFlush();
        events.publish(EventType.CONTACT_CREATED, contact.id, contact.id, ContactMapper.toSnapshot(contact));
        return contact;
    }

    /** The contact, if the caller may see it; another rep's contact is as unknown as a missing one. */
    public Contact get(UUID id, Caller caller) {
        Contact contact = Contact.findById(id);
        if (contact == null || !caller.canRead(contact.owner)) {
            throw new NotFoundException("No contact " + id);
        }
        return contact;
    }
}
