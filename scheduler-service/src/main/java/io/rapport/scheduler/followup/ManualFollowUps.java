package io.rapport.scheduler.followup;

import java.util.UUID;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.rapport.rest.ProblemMember;
import io.rapport.scheduler.projection.ContactProjection;
import io.rapport.scheduler.projector.KnownContacts;
import io.rapport.scheduler.task.Task;
import io.rapport.scheduler.task.TaskKind;
import io.rapport.scheduler.task.TaskPriority;
import io.rapport.scheduler.task.TaskProposal;
import io.rapport.scheduler.task.service.TaskService;
import io.rapport.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;
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
    private final KnownContacts contacts;

    public ManualFollowUps(TaskService tasks, KnownContacts contacts) {
        this.tasks = tasks;
        this.contacts = contacts;
    }

    /** Before {@link #add}, outside its transaction: a contact not projected yet is read from contacts-service. */
    public void prepare(FollowUpInput input) {
        contacts.projectForRecord(input.contactId());
    }

    /**
     * Adds the follow-up for a contact the caller may change: 422 when the contact is unknown to them, 409 when it
     * was erased or merged, or already has an open follow-up with this subject (naming it in {@code otherTaskId}).
     */
    @Transactional(TxType.MANDATORY)
    public Task add(FollowUpInput input, Caller caller) {
        ContactProjection contact = contacts.forRecord(input.contactId(), caller);
        String subject = input.subject().strip();
        tasks.tasksOf(contact.id).open(TaskKind.FOLLOW_UP, subject).ifPresent(open -> {
            throw HttpProblem.builder().withStatus(Response.Status.CONFLICT).withTitle("Conflict")
                    .withDetail("Contact " + contact.id + " has an open follow-up '" + subject + "': "
                            + open.id)
                    .with(ProblemMember.OTHER_TASK_ID.member(), open.id.toString()).build();
        });
        String reason = "Added by " + caller.userId() + (input.note() == null ? "" : ": " + input.note().strip());
        TaskPriority priority = input.priority() == null ? TaskPriority.NORMAL : input.priority();
        // a window of its own: two follow-ups of one subject, one after the other, are two tasks
        TaskProposal proposal = new TaskProposal(RULE, TaskKind.FOLLOW_UP, subject, UUID.randomUUID().toString(),
                priority, input.dueAt(), reason, null);
        return tasks.add(proposal, contact.id, contact.owner);
    }
}
