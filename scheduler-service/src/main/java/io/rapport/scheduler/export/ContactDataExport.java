package io.rapport.scheduler.export;

import java.util.UUID;

import io.rapport.contacts.replica.ContactReplica;
import io.rapport.scheduler.health.RelationshipHealth;
import io.rapport.scheduler.health.mapping.HealthMapper;
import io.rapport.scheduler.projection.ContactProjection;
import io.rapport.scheduler.projector.KnownContacts;
import io.rapport.scheduler.task.Task;
import io.rapport.scheduler.task.mapping.TaskResponses;
import io.rapport.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * This service's part of a contact's GDPR export (art. 15 and 20): the tasks it raised or a rep added for the contact
 * (with their reasons and the notes reps wrote closing them) and its relationship health. The contact's own fields
 * are contacts-service's part; the touch-points, commitments and surveys the rules read are those of their services.
 */
@ApplicationScoped
public class ContactDataExport {

    private final KnownContacts contacts;
    private final TaskResponses responses;

    public ContactDataExport(KnownContacts contacts, TaskResponses responses) {
        this.contacts = contacts;
        this.responses = responses;
    }

    public SchedulerExport export(UUID contactId, Caller caller) {
        ContactProjection contact = contacts.forRead(contactId, caller);
        RelationshipHealth health = RelationshipHealth.findById(contact.id);
        return new SchedulerExport(contact.id,
                responses.of(Task.<Task>list("contactId in ?1 order by createdAt, id",
                        ContactReplica.withMergedInto(ContactProjection.class, contact.id))),
                health == null ? null : HealthMapper.toResponse(health));
    }
}
