package io.rapport.scheduler.projection;

import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.rapport.events.EventType;
import io.rapport.events.contract.ContactSnapshot;
import io.rapport.events.inbox.IncomingEvent;
import io.rapport.events.inbox.UnprocessableEventException;
import io.rapport.scheduler.rules.CheckInRule;
import io.rapport.scheduler.task.service.TaskService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/** Keeps the contact projection current from contact events and raises the tasks a change calls for. */
@ApplicationScoped
public class ContactProjector {

    private final ObjectMapper objectMapper;
    private final CheckInRule checkIn;
    private final TaskService tasks;
    private final Clock clock;

    public ContactProjector(ObjectMapper objectMapper, CheckInRule checkIn, TaskService tasks, Clock clock) {
        this.objectMapper = objectMapper;
        this.checkIn = checkIn;
        this.tasks = tasks;
        this.clock = clock;
    }

    @Transactional(TxType.MANDATORY)
    public void apply(IncomingEvent event) {
        EventType type = event.type().orElse(null);
        if (type == EventType.CONTACT_CREATED || type == EventType.CONTACT_UPDATED) {
            applySnapshot(event.dataAs(ContactSnapshot.class, objectMapper), event.id());
        }
        // other contact events (merged, erased) are not projected yet
    }

    private void applySnapshot(ContactSnapshot snapshot, String eventId) {
        requireComplete(snapshot, eventId);
        ContactProjection contact = ContactProjection.findById(snapshot.id());
        if (contact != null && contact.snapshotVersion >= snapshot.version()) {
            return; // an older or repeated snapshot arriving late changes nothing
        }
        if (contact == null) {
            contact = new ContactProjection();
            contact.contactId = snapshot.id();
            contact.contactCreatedAt = snapshot.createdAt();
        }
        contact.snapshotVersion = snapshot.version();
        contact.owner = snapshot.owner();
        contact.displayName = snapshot.displayName();
        contact.checkInCadenceDays = snapshot.checkInCadenceDays();
        contact.timezone = snapshot.timezone();
        contact.updatedAt = clock.instant();
        contact.persist();
        tasks.raise(checkIn.propose(contact), contact, eventId);
    }

    private static void requireComplete(ContactSnapshot snapshot, String eventId) {
        if (snapshot.id() == null || snapshot.owner() == null || snapshot.displayName() == null
                || snapshot.createdAt() == null || snapshot.checkInCadenceDays() < 1) {
            throw new UnprocessableEventException("contact snapshot in event " + eventId
                    + " lacks id, owner, displayName, createdAt or a positive checkInCadenceDays");
        }
    }
}
