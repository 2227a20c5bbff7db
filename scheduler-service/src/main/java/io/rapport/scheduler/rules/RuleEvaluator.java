package io.rapport.scheduler.rules;

import java.util.List;
import java.util.UUID;

import io.rapport.events.contract.FeedbackReceived;
import io.rapport.events.inbox.PreloadedRows;
import io.rapport.scheduler.projection.CommitmentProjection;
import io.rapport.scheduler.projection.ContactBatch;
import io.rapport.scheduler.projection.ContactProjection;
import io.rapport.scheduler.projection.InteractionProjection;
import io.rapport.scheduler.task.Task;
import io.rapport.scheduler.task.TaskKind;
import io.rapport.scheduler.task.service.ContactTasks;
import io.rapport.scheduler.task.service.TaskService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/** Runs the rules a change to the projection concerns, and opens or closes the tasks they call for. */
@ApplicationScoped
public class RuleEvaluator {

    private final CheckInRule checkIn;
    private final RespondRule respond;
    private final RecoveryRule recovery;
    private final CommitmentDueRule commitmentDue;
    private final FeedbackRules feedbackRules;
    private final TaskService tasks;
    private final PreloadedRows preloaded;

    public RuleEvaluator(CheckInRule checkIn, RespondRule respond, RecoveryRule recovery,
            CommitmentDueRule commitmentDue, FeedbackRules feedbackRules, TaskService tasks, PreloadedRows preloaded) {
        this.checkIn = checkIn;
        this.respond = respond;
        this.recovery = recovery;
        this.commitmentDue = commitmentDue;
        this.feedbackRules = feedbackRules;
        this.tasks = tasks;
        this.preloaded = preloaded;
    }

    /** Opens, moves or (for a contact that should get none) closes the contact's check-in. */
    @Transactional(TxType.MANDATORY)
    public void evaluateCheckIn(ContactBatch batch, ContactProjection contact, String eventId) {
        ContactTasks contactTasks = batch.tasks(contact.id);
        checkIn.propose(contact, batch.lastTouch(contact.id)).ifPresentOrElse(
                proposal -> tasks.raise(proposal, contactTasks, contact.id, contact.owner, eventId),
                () -> tasks.resolve(contactTasks, TaskKind.CHECK_IN, CheckInRule.SUBJECT,
                        "no check-ins: the contact is do-not-contact, former, erased or merged", eventId));
    }

    /** A reassigned contact's open tasks go to its new owner. */
    @Transactional(TxType.MANDATORY)
    public void reassignOpenTasks(ContactProjection contact) {
        tasks.reassign(contact.id, contact.owner);
    }

    /** An erased contact's tasks close, and keep no text about the contact (nor do the events closing them). */
    @Transactional(TxType.MANDATORY)
    public void erase(UUID contactId, String eventId) {
        tasks.forgetText(contactId);
        tasks.resolveAll(contactId, "the contact was erased", eventId);
    }

    /**
     * A logged, changed or deleted touch-point: an inbound message awaiting a reply raises RESPOND, a reply (or any
     * later outbound touch) resolves it, negative sentiment raises RECOVERY. (The check-in moves when the contact is
     * re-evaluated at the end of the transaction.)
     */
    @Transactional(TxType.MANDATORY)
    public void onInteraction(InteractionProjection interaction, String owner, String eventId) {
        ContactProjection contact = preloaded.find(ContactProjection.class, interaction.contactId);
        if (contact != null && (contact.erasedAt != null || contact.mergedInto != null)) {
            return;
        }
        String taskOwner = contact != null ? contact.owner : owner;
        respond.propose(interaction, contact)
                .ifPresent(proposal -> tasks.raise(proposal, interaction.contactId, taskOwner, eventId));
        if (interaction.deleted) {
            tasks.resolve(interaction.contactId, TaskKind.RESPOND, RespondRule.subject(interaction),
                    "the inbound interaction was deleted", eventId);
        } else if ("OUTBOUND".equals(interaction.direction)) {
            resolveAnswered(tasks.tasksOf(interaction.contactId), List.of(interaction), eventId);
        }
        recovery.propose(interaction)
                .ifPresent(proposal -> tasks.raise(proposal, interaction.contactId, taskOwner, eventId));
    }

    /** An open commitment keeps its reminder (moved with its due time); a fulfilled or cancelled one resolves it. */
    @Transactional(TxType.MANDATORY)
    public void onCommitment(CommitmentProjection commitment, String owner, String eventId) {
        ContactProjection contact = preloaded.find(ContactProjection.class, commitment.contactId);
        if (contact != null && (contact.erasedAt != null || contact.mergedInto != null)) {
            return;
        }
        String taskOwner = contact != null ? contact.owner : owner;
        commitmentDue.propose(commitment).ifPresentOrElse(
                proposal -> tasks.raise(proposal, commitment.contactId, taskOwner, eventId),
                () -> tasks.resolve(commitment.contactId, TaskKind.COMMITMENT_DUE,
                        CommitmentDueRule.subject(commitment), "the commitment was " + commitment.status.toLowerCase(),
                        eventId));
    }

    /**
     * A detractor or dissatisfied answer raises RECOVERY; a promoter's raises APPRECIATION.
     *
     * @param contactId the contact the answer's follow-ups belong to: the one it names, or the survivor of its merge
     */
    @Transactional(TxType.MANDATORY)
    public void onFeedback(FeedbackReceived feedback, UUID contactId, String eventId) {
        ContactProjection contact = preloaded.find(ContactProjection.class, contactId);
        if (contact != null && (contact.erasedAt != null || contact.mergedInto != null)) {
            return;
        }
        String taskOwner = contact != null ? contact.owner : feedback.owner();
        feedbackRules.propose(feedback).forEach(proposal -> tasks.raise(proposal, contactId, taskOwner, eventId));
    }

    /**
     * The reply names the inbound it answers; any outbound touch also answers everything received before it. The
     * inbound messages awaiting a reply are those with an open RESPOND task: found among the contact's tasks the
     * transaction already holds, rather than by a query (which would first flush, and so dirty-check, everything the
     * batch has changed, once per outbound event).
     */
    void resolveAnswered(ContactTasks contactTasks, List<InteractionProjection> outbound, String eventId) {
        for (Task task : contactTasks.open()) {
            if (task.kind != TaskKind.RESPOND) {
                continue;
            }
            InteractionProjection inbound = InteractionProjection.findById(RespondRule.interactionId(task.subject));
            if (inbound == null) {
                continue;
            }
            outbound.stream().filter(reply -> RespondRule.answeredBy(inbound, reply)).findFirst()
                    .ifPresent(reply -> tasks.resolve(contactTasks, TaskKind.RESPOND, task.subject,
                            "answered by the outbound " + reply.type.toLowerCase().replace('_', ' ') + " " + reply.id,
                            eventId));
        }
    }
}
