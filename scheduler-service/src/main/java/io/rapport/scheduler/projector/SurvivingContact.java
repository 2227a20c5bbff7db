package io.rapport.scheduler.projector;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import io.rapport.events.inbox.PreloadedRows;
import io.rapport.scheduler.projection.ContactLock;
import io.rapport.scheduler.projection.ContactProjection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;

/**
 * Where a contact's history lives now. The topics are read by three consumers at once, so an interaction logged just
 * before a merge can arrive after it: it belongs to the survivor (that merge's, or the last of a chain of merges),
 * which the merge gave the rest of the history, and its follow-ups are the survivor's.
 */
@ApplicationScoped
public class SurvivingContact {

    private final ContactLock contactLock;
    private final PreloadedRows preloaded;

    public SurvivingContact(ContactLock contactLock, PreloadedRows preloaded) {
        this.contactLock = contactLock;
        this.preloaded = preloaded;
    }

    /**
     * The contact an event about {@code contactId} is applied to, with its lock held: the contact itself, unless it
     * was merged into another. Each contact's lock is taken before its projection is read, so a merge applied at the
     * same moment is either seen whole or not at all.
     */
    @Transactional(TxType.MANDATORY)
    public UUID of(UUID contactId) {
        Set<UUID> seen = new HashSet<>();
        UUID current = contactId;
        while (seen.add(current)) {
            contactLock.lock(current);
            ContactProjection contact = preloaded.find(ContactProjection.class, current);
            if (contact == null || contact.mergedInto == null) {
                return current;
            }
            current = contact.mergedInto;
        }
        return current; // contacts merged into each other in a circle, which contacts-service never does
    }
}
