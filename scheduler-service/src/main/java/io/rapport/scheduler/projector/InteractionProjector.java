package io.rapport.scheduler.projector;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.rapport.events.EventType;
import io.rapport.events.contract.CommitmentSnapshot;
import io.rapport.events.contract.InteractionDeleted;
import io.rapport.events.contract.InteractionSnapshot;
import io.rapport.events.inbox.EventHandler;
import io.rapport.events.inbox.EventKeys;
import io.rapport.events.inbox.IncomingEvent;
import io.rapport.events.inbox.PreloadedRows;
import io.rapport.events.inbox.UnprocessableEventException;
import io.rapport.scheduler.projection.CommitmentProjection;
import io.rapport.scheduler.projection.ContactLock;
import io.rapport.scheduler.projection.InteractionProjection;
import io.rapport.scheduler.rules.RuleEvaluator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;

/** Keeps touch-points and commitments current from interaction events and re-evaluates the rules they concern. */
@ApplicationScoped
public class InteractionProjector implements EventHandler {

    private final ObjectMapper objectMapper;
    private final RuleEvaluator rules;
    private final ContactLock contactLock;
    private final ContactReevaluation reevaluation;
    private final PreloadedRows preloaded;
    private final SurvivingContact survivingContact;

    public InteractionProjector(ObjectMapper objectMapper, RuleEvaluator rules, ContactLock contactLock,
            ContactReevaluation reevaluation, PreloadedRows preloaded, SurvivingContact survivingContact) {
        this.objectMapper = objectMapper;
        this.rules = rules;
        this.contactLock = contactLock;
        this.reevaluation = reevaluation;
        this.preloaded = preloaded;
        this.survivingContact = survivingContact;
    }

    /**
     * Locks the batch's contacts up front, in order (see {@link ContactLock#lockAll}), and reads their projections
     * and tasks in a few queries, and the interactions and commitments the events are about in one query each.
     */
    @Override
    @Transactional(TxType.MANDATORY)
    public void prepare(List<IncomingEvent> events) {
        reevaluation.prepare(EventKeys.contactIds(events));
        Set<UUID> interactions = new HashSet<>();
        Set<UUID> commitments = new HashSet<>();
        for (IncomingEvent event : events) {
            Optional<UUID> subject = subjectId(event);
            EventType type = event.type().orElse(null);
            if (subject.isEmpty() || type == null) {
                continue;
            }
            switch (type) {
                case INTERACTION_LOGGED, INTERACTION_UPDATED, INTERACTION_DELETED -> interactions.add(subject.get());
                case COMMITMENT_MADE, COMMITMENT_FULFILLED, COMMITMENT_CANCELLED -> commitments.add(subject.get());
                default -> {
                }
            }
        }
        preloaded.load(InteractionProjection.class, interactions);
        preloaded.load(CommitmentProjection.class, commitments);
    }

    private static Optional<UUID> subjectId(IncomingEvent event) {
        try {
            return Optional.ofNullable(event.subject()).map(UUID::fromString);
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // the event is refused when it is applied
        }
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public void apply(IncomingEvent event) {
        applyEvent(event);
    }

    /** The rules and health of the contacts the events changed, evaluated together. */
    @Override
    @Transactional(TxType.MANDATORY)
    public void finish() {
        reevaluation.evaluateTouched();
    }

    private void applyEvent(IncomingEvent event) {
        EventType type = event.type().orElse(null);
        if (type == EventType.INTERACTION_LOGGED || type == EventType.INTERACTION_UPDATED) {
            applySnapshot(event.dataAs(InteractionSnapshot.class, objectMapper), event.id());
        } else if (type == EventType.INTERACTION_DELETED) {
            InteractionDeleted deleted = event.dataAs(InteractionDeleted.class, objectMapper);
            if (deleted.contactId() != null) {
                contactLock.lock(deleted.contactId()); // before reading, so a merge re-pointing it is seen
            }
            InteractionProjection interaction = preloaded.find(InteractionProjection.class, deleted.id());
            if (interaction != null && !interaction.deleted) {
                contactLock.lock(interaction.contactId); // the survivor's, if a merge re-pointed it
                interaction.deleted = true;
                rules.onInteraction(interaction, deleted.owner(), event.id());
                reevaluation.touched(interaction.contactId, event.id());
            }
        }
        if (type == EventType.COMMITMENT_MADE || type == EventType.COMMITMENT_FULFILLED
                || type == EventType.COMMITMENT_CANCELLED) {
            applyCommitment(event.dataAs(CommitmentSnapshot.class, objectMapper), event.id());
        }
    }

    private void applyCommitment(CommitmentSnapshot snapshot, String eventId) {
        if (snapshot.id() == null || snapshot.contactId() == null || snapshot.owner() == null
                || snapshot.dueAt() == null || snapshot.status() == null) {
            throw new UnprocessableEventException("commitment snapshot in event " + eventId
                    + " lacks id, contactId, owner, dueAt or status");
        }
        UUID contactId = survivingContact.of(snapshot.contactId());
        CommitmentProjection commitment = preloaded.find(CommitmentProjection.class, snapshot.id());
        if (commitment != null && commitment.version >= snapshot.version()) {
            return; // older or repeated
        }
        if (commitment == null) {
            commitment = new CommitmentProjection();
            commitment.id = snapshot.id();
        }
        commitment.version = snapshot.version();
        commitment.contactId = contactId;
        commitment.dueAt = snapshot.dueAt();
        commitment.status = snapshot.status();
        commitment.fulfilledAt = snapshot.fulfilledAt();
        commitment.persist();
        rules.onCommitment(commitment, snapshot.owner(), eventId);
        reevaluation.touched(commitment.contactId, eventId);
    }

    private void applySnapshot(InteractionSnapshot snapshot, String eventId) {
        if (snapshot.id() == null || snapshot.contactId() == null || snapshot.owner() == null
                || snapshot.type() == null || snapshot.direction() == null || snapshot.occurredAt() == null) {
            throw new UnprocessableEventException("interaction snapshot in event " + eventId
                    + " lacks id, contactId, owner, type, direction or occurredAt");
        }
        UUID contactId = survivingContact.of(snapshot.contactId());
        InteractionProjection interaction = preloaded.find(InteractionProjection.class, snapshot.id());
        if (interaction != null && (interaction.version >= snapshot.version() || interaction.deleted)) {
            return; // older, repeated, or about a deleted interaction
        }
        if (interaction == null) {
            interaction = new InteractionProjection();
            interaction.id = snapshot.id();
        }
        interaction.version = snapshot.version();
        interaction.contactId = contactId;
        interaction.type = snapshot.type();
        interaction.direction = snapshot.direction();
        interaction.occurredAt = snapshot.occurredAt();
        interaction.requiresResponse = snapshot.requiresResponse();
        interaction.inReplyTo = snapshot.inReplyTo();
        interaction.sentiment = snapshot.sentiment();
        interaction.persist();
        rules.onInteraction(interaction, snapshot.owner(), eventId);
        reevaluation.touched(interaction.contactId, eventId);
    }
}
