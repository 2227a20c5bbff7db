package io.rapport.interactions.service;

import java.time.Clock;
import java.util.UUID;

import io.rapport.interactions.Commitment;
import io.rapport.interactions.Interaction;
import io.rapport.interactions.KnownContact;
import io.rapport.interactions.mapping.CommitmentMapper;
import io.rapport.interactions.mapping.InteractionMapper;
import io.rapport.interactions.rest.InteractionsExport;
import io.rapport.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * This service's part of a contact's GDPR export (art. 15 and 20): every touch-point and commitment held on it,
 * including those of contacts merged into it. The contact's own fields are contacts-service's part.
 */
@ApplicationScoped
public class ContactDataExport {

    private final ContactDirectory contacts;
    private final Clock clock;

    public ContactDataExport(ContactDirectory contacts, Clock clock) {
        this.contacts = contacts;
        this.clock = clock;
    }

    public InteractionsExport export(UUID contactId, Caller caller) {
        KnownContact contact = contacts.forRead(contactId, caller);
        return new InteractionsExport(contact.id,
                Interaction.<Interaction>list("contactId = ?1 order by occurredAt, id", contact.id).stream()
                        .map(InteractionMapper::toResponse).toList(),
                Commitment.<Commitment>list("contactId = ?1 order by createdAt, id", contact.id).stream()
                        .map(commitment -> CommitmentMapper.toResponse(commitment, clock.instant())).toList());
    }
}
