package io.rapport.interactions.service;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.rapport.events.EventType;
import io.rapport.events.outbox.EventPublisher;
import io.rapport.interactions.Commitment;
import io.rapport.interactions.CommitmentStatus;
import io.rapport.interactions.Interaction;
import io.rapport.interactions.KnownContact;
import io.rapport.interactions.mapping.CommitmentMapper;
import io.rapport.interactions.rest.CommitmentInput;
import io.rapport.rest.Cursor;
import io.rapport.rest.input.InvalidInput;
import io.rapport.rest.MergePatcher;
import io.rapport.rest.Preconditions;
import io.rapport.rest.ProblemMember;
import io.rapport.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;

/**
 * Commitments: made OPEN, then fulfilled or cancelled exactly once. Both outcomes are final: a commitment is never
 * reopened (a renewed promise is a new commitment), and only an OPEN one can be edited.
 */
@ApplicationScoped
public class CommitmentService {

    /** Filters of the commitment list; null means any. */
    public record Query(UUID contactId, String owner, CommitmentStatus status, Boolean overdue, Instant dueFrom,
            Instant dueTo, int limit, Cursor after) {
    }

    /** Reason recorded on the commitment.cancelled event of a deleted commitment. */
    public static final String DELETED_REASON = "deleted";

    private final ContactDirectory contacts;
    private final EventPublisher events;
    private final MergePatcher patcher;
    private final Clock clock;

    public CommitmentService(ContactDirectory contacts, EventPublisher events, MergePatcher patcher, Clock clock) {
        this.contacts = contacts;
        this.events = events;
        this.patcher = patcher;
        this.clock = clock;
    }

    /** Before {@link #create}, outside its transaction: a contact not projected yet is read from contacts-service. */
    public void prepare(CommitmentInput input) {
        contacts.projectForRecord(input.contactId());
    }

    /** Records the commitment and commitment.made with it. */
    @Transactional
    public Commitment create(CommitmentInput input, Caller caller) {
        KnownContact contact = contacts.forWrite(input.contactId(), caller);
        checkInteraction(input);
        Commitment commitment = new Commitment();
        commitment.id = UUID.randomUUID();
        commitment.contactId = contact.id;
        commitment.owner = contact.owner;
        commitment.status = CommitmentStatus.OPEN;
        commitment.createdAt = clock.instant();
        commitment.updatedAt = commitment.createdAt;
        apply(input, commitment);
        commitment.persist();
        events.publish(EventType.COMMITMENT_MADE, commitment.contactId, commitment.id,
                CommitmentMapper.toSnapshot(commitment));
        return commitment;
    }

    public Commitment get(UUID id, Caller caller) {
        Commitment commitment = Commitment.findById(id);
        if (commitment == null || !caller.canRead(commitment.owner)) {
            throw new NotFoundException("No commitment " + id);
        }
        return commitment;
    }

    /**
     * Changes what was promised or when it is due. Only an OPEN commitment changes; the new terms are published as a
     * commitment.made with a higher version (the contract has no commitment.updated).
     */
    @Transactional
    public Commitment replace(UUID id, CommitmentInput input, String ifMatch, Caller caller) {
        return update(open(writable(id, ifMatch, caller)), input);
    }

    @Transactional
    public Commitment patch(UUID id, JsonNode patch, String ifMatch, Caller caller) {
        Commitment commitment = open(writable(id, ifMatch, caller));
        return update(commitment, patcher.apply(CommitmentMapper.toInput(commitment), patch, CommitmentInput.class));
    }

    /** Marks an OPEN commitment kept, now or at the time given (never in the future); publishes commitment.fulfilled. */
    @Transactional
    public Commitment fulfil(UUID id, Instant fulfilledAt, String ifMatch, Caller caller) {
        Commitment commitment = open(writable(id, ifMatch, caller));
        Instant now = clock.instant();
        Instant kept = fulfilledAt == null ? now : fulfilledAt;
        if (kept.isAfter(now)) {
            throw InvalidInput.field("fulfilledAt", "must not be in the future");
        }
        commitment.status = CommitmentStatus.FULFILLED;
        commitment.fulfilledAt = kept;
        return close(commitment, EventType.COMMITMENT_FULFILLED);
    }

    /** Withdraws an OPEN commitment with a reason; publishes commitment.cancelled. */
    @Transactional
    public Commitment cancel(UUID id, String reason, String ifMatch, Caller caller) {
        Commitment commitment = open(writable(id, ifMatch, caller));
        commitment.status = CommitmentStatus.CANCELLED;
        commitment.cancelledReason = reason.strip();
        return close(commitment, EventType.COMMITMENT_CANCELLED);
    }

    /**
     * Deletes a commitment recorded by mistake. An OPEN one is announced as commitment.cancelled with the reason
     * {@value #DELETED_REASON}, so reminders stop (the contract has no commitment.deleted).
     */
    @Transactional
    public void delete(UUID id, String ifMatch, Caller caller) {
        Commitment commitment = writable(id, ifMatch, caller);
        if (commitment.status == CommitmentStatus.OPEN) {
            commitment.status = CommitmentStatus.CANCELLED;
            commitment.cancelledReason = DELETED_REASON;
            commitment.updatedAt = clock.instant();
            commitment.flush();
            events.publish(EventType.COMMITMENT_CANCELLED, commitment.contactId, commitment.id,
                    CommitmentMapper.toSnapshot(commitment));
        }
        commitment.delete();
    }

    public List<Commitment> find(Query query) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (query.contactId() != null) {
            where.append(" and contactId = :contactId");
            params.put("contactId", query.contactId());
        }
        if (query.owner() != null) {
            where.append(" and owner = :owner");
            params.put("owner", query.owner());
        }
        if (query.status() != null) {
            where.append(" and status = :status");
            params.put("status", query.status());
        }
        if (query.overdue() != null) {
            where.append(query.overdue() ? " and status = :open and dueAt < :now"
                    : " and not (status = :open and dueAt < :now)");
            params.put("open", CommitmentStatus.OPEN);
            params.put("now", clock.instant());
        }
        if (query.dueFrom() != null) {
            where.append(" and dueAt >= :dueFrom");
            params.put("dueFrom", query.dueFrom());
        }
        if (query.dueTo() != null) {
            where.append(" and dueAt < :dueTo");
            params.put("dueTo", query.dueTo());
        }
        if (query.after() != null) {
            where.append(" and (dueAt > :afterTime or (dueAt = :afterTime and id > :afterId))");
            params.put("afterTime", InteractionService.cursorTime(query.after()));
            params.put("afterId", query.after().id());
        }
        return Commitment.<Commitment>find(where + " order by dueAt, id", params).page(0, query.limit()).list();
    }

    public static Cursor cursorAfter(Commitment commitment) {
        return new Cursor(commitment.dueAt.toString(), commitment.id);
    }

    public Instant now() {
        return clock.instant();
    }

    /** Loads the record locked for the rest of the transaction, so concurrent changes queue and see each other. */
    private Commitment writable(UUID id, String ifMatch, Caller caller) {
        Commitment commitment = Commitment.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (commitment == null || !caller.canRead(commitment.owner)) {
            throw new NotFoundException("No commitment " + id);
        }
        if (!caller.canWrite(commitment.owner)) {
            throw new ForbiddenException("Read-only access to commitment " + id);
        }
        Preconditions.requireIfMatch(ifMatch, commitment.version);
        return commitment;
    }

    private static Commitment open(Commitment commitment) {
        if (commitment.status != CommitmentStatus.OPEN) {
            throw HttpProblem.builder().withStatus(Response.Status.CONFLICT).withTitle("Conflict")
                    .withDetail("Commitment " + commitment.id + " is " + commitment.status
                            + ", which is final: make a new commitment instead of reopening it")
                    .with(ProblemMember.CURRENT_STATUS.member(), commitment.status.name()).build();
        }
        return commitment;
    }

    private Commitment close(Commitment commitment, EventType event) {
        commitment.updatedAt = clock.instant();
        commitment.flush();
        events.publish(event, commitment.contactId, commitment.id, CommitmentMapper.toSnapshot(commitment));
        return commitment;
    }

    private Commitment update(Commitment commitment, CommitmentInput input) {
        if (!commitment.contactId.equals(input.contactId())) {
            throw InvalidInput.field("contactId", "a commitment cannot move to another contact");
        }
        checkInteraction(input);
        CommitmentInput before = CommitmentMapper.toInput(commitment);
        apply(input, commitment);
        if (CommitmentMapper.toInput(commitment).equals(before)) {
            return commitment;
        }
        commitment.updatedAt = clock.instant();
        commitment.flush();
        events.publish(EventType.COMMITMENT_MADE, commitment.contactId, commitment.id,
                CommitmentMapper.toSnapshot(commitment));
        return commitment;
    }

    private static void checkInteraction(CommitmentInput input) {
        if (input.interactionId() == null) {
            return;
        }
        Interaction interaction = Interaction.findById(input.interactionId());
        if (interaction == null || !interaction.contactId.equals(input.contactId())) {
            throw InvalidInput.field("interactionId", "no interaction " + input.interactionId() + " of this contact");
        }
    }

    private static void apply(CommitmentInput input, Commitment commitment) {
        commitment.interactionId = input.interactionId();
        commitment.description = input.description().strip();
        commitment.dueAt = input.dueAt();
    }
}
