package io.rapport.scheduler.followup;

import java.util.UUID;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.rapport.contacts.lookup.ContactLookup;
import io.rapport.contacts.lookup.ContactProblems;
import io.rapport.contacts.lookup.ContactProblems.Use;
import io.rapport.scheduler.projection.ContactLock;
import io.rapport.scheduler.projection.ContactProjection;
import io.rapport.scheduler.projection.ContactProjector;
import io.rapport.scheduler.rules.TaskProposal;
import io.rapport.scheduler.task.Task;
import io.rapport.scheduler.task.TaskKind;
import io.rapport.scheduler.task.TaskPriority;
import io.rapport.scheduler.task.service.TaskService;
import io.rapport.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.core.Response;

/**
 * Follow-ups a rep adds by hand ("send the proposal on Friday"): tasks like the ones the rules raise, listed, snoozed,
 * completed and dismissed the same way, carried over by a merge and purged by an erasure, but never superseded or
 * resolved by a rule, and never escalated (the rep chose the priority).
 */
@ApplicationScoped
public class ManualFollowUps {

    /** The rule name of a task a rep added. */
    public static final String RULE = "added-by-rep";

    private final TaskService tasks;
    private final ContactLock contactLock;
    private final ContactLookup lookup;
    private final ContactProjector projector;

    public ManualFollowUps(TaskService tasks, ContactLock contactLock, ContactLookup lookup,
            ContactProjector projector) {
        this.tasks = tasks;
        this.contactLock = contactLock;
        this.lookup = lookup;
        this.projector = projector;
    }

    /**
     * Adds the follow-up for a contact the caller may change: 422 when the contact is unknown to them, 409 when it
     * was erased or merged, or already has an open follow-up with this subject (naming it in {@code otherTaskId}).
     */
    @Transactional(TxType.MANDATORY)
    public Task add(FollowUpInput input, Caller caller) {
        ContactProjection contact = writableContact(input.contactId(), caller);
        String subject = input.subject().strip();
        tasks.tasksOf(contact.contactId).open(TaskKind.FOLLOW_UP, subject).ifPresent(open -> {
            throw HttpProblem.builder().withStatus(Response.Status.CONFLICT).withTitle("Conflict")
                    .withDetail("Contact " + contact.contactId + " has an open follow-up '" + subject + "': "
                            + open.id)
                    .with("otherTaskId", open.id.toString()).build();
        });
        String reason = "Added by " + caller.userId() + (input.note() == null ? "" : ": " + input.note().strip());
        TaskPriority priority = input.priority() == null ? TaskPriority.NORMAL : input.priority();
        // a window of its own: two follow-ups of one subject, one after the other, are two tasks
        TaskProposal proposal = new TaskProposal(RULE, TaskKind.FOLLOW_UP, subject, UUID.randomUUID().toString(),
                priority, input.dueAt(), reason, null);
        return tasks.add(proposal, contact.contactId, contact.owner);
    }

    /** The contact, locked against the consumers until the task commits, as the caller may change it. */
    private ContactProjection writableContact(UUID contactId, Caller caller) {
        if (ContactProjection.count("contactId", contactId) == 0) {
            // asked before the lock is taken: projecting the answer takes the lock in a transaction of its own
            ContactProblems.refuseIfGone(contactId, lookup.findAndProject(contactId, projector::applyLookedUp),
                    Use.RECORD);
        }
        contactLock.lock(contactId);
        ContactProjection contact = ContactProjection.findById(contactId);
        // another rep's contact is as unknown as a missing one, as contacts-service answers it
        if (contact == null || contact.owner == null || !caller.canRead(contact.owner)) {
            throw ContactProblems.unknown(contactId);
        }
        if (contact.erasedAt != null) {
            throw ContactProblems.erased(contactId, Use.RECORD);
        }
        if (contact.mergedInto != null) {
            throw ContactProblems.merged(contactId, contact.mergedInto, Use.RECORD);
        }
        if (!caller.canWrite(contact.owner)) {
            throw new ForbiddenException("You may only add follow-ups for contacts you own");
        }
        return contact;
    }
}
