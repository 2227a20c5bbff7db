package io.rapport.scheduler.projector;

import java.util.List;

import io.rapport.events.inbox.PreloadedRows;
import io.rapport.scheduler.projection.ContactLock;
import io.rapport.scheduler.projection.ContactProjection;
import io.rapport.scheduler.task.service.CheckInClosed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;

/**
 * A rep closed a check-in: the cadence counts from now (unless a touch-point comes later), and the contact's rules run
 * again in the same transaction, so the next check-in is open when the rep's request answers.
 */
@ApplicationScoped
public class CheckInClosure {

    private final ContactLock contactLock;
    private final ContactReevaluation reevaluation;
    private final PreloadedRows preloaded;

    public CheckInClosure(ContactLock contactLock, ContactReevaluation reevaluation, PreloadedRows preloaded) {
        this.contactLock = contactLock;
        this.reevaluation = reevaluation;
        this.preloaded = preloaded;
    }

    @Transactional(TxType.MANDATORY)
    void onCheckInClosed(@Observes CheckInClosed closed) {
        // the contact's lock first, as the consumers take it, before anything this transaction changed is written
        contactLock.lockAll(List.of(closed.contactId()));
        ContactProjection contact = preloaded.find(ContactProjection.class, closed.contactId());
        if (contact == null) {
            return;
        }
        if (contact.checkInClosedAt == null || closed.at().isAfter(contact.checkInClosedAt)) {
            contact.checkInClosedAt = closed.at();
        }
        reevaluation.touched(contact.id, null);
        reevaluation.evaluateTouched();
    }
}
