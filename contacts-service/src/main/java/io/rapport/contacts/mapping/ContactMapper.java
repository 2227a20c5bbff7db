package io.rapport.contacts.mapping;

import io.rapport.contacts.Contact;
import io.rapport.contacts.rest.ContactResponse;
import io.rapport.events.contract.ContactSnapshot;

/** Maps a contact to what leaves the service: its REST representation and its event snapshot. */
public final class ContactMapper {

    private ContactMapper() {
    }

    public static ContactResponse toResponse(Contact contact) {
        return new ContactResponse(contact.id, contact.version, contact.owner, contact.firstName, contact.lastName,
                contact.displayName(), contact.email, contact.checkInCadenceDays, contact.timezone, contact.createdAt,
                contact.updatedAt);
    }

    public static ContactSnapshot toSnapshot(Contact contact) {
        return new ContactSnapshot(contact.id, contact.version, contact.owner, contact.firstName, contact.lastName,
                contact.displayName(), contact.email, contact.checkInCadenceDays, contact.timezone, contact.createdAt,
                contact.updatedAt);
    }
}
