package io.rapport.scheduler.projector;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.rapport.events.EventType;
import io.rapport.events.contract.FeedbackReceived;
import io.rapport.events.contract.FeedbackRequested;
import io.rapport.events.inbox.EventHandler;
import io.rapport.events.inbox.EventKeys;
import io.rapport.events.inbox.IncomingEvent;
import io.rapport.events.inbox.UnprocessableEventException;
import io.rapport.scheduler.projection.FeedbackProjection;
import io.rapport.scheduler.rules.RuleEvaluator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;

/** Surveys sent and answered: what an answer calls for is decided by the feedback rules. */
@ApplicationScoped
public class FeedbackProjector implements EventHandler {

    private final ObjectMapper objectMapper;
    private final RuleEvaluator rules;
    private final ContactReevaluation reevaluation;
    private final SurvivingContact survivingContact;

    public FeedbackProjector(ObjectMapper objectMapper, RuleEvaluator rules, ContactReevaluation reevaluation,
            SurvivingContact survivingContact) {
        this.objectMapper = objectMapper;
        this.rules = rules;
        this.reevaluation = reevaluation;
        this.survivingContact = survivingContact;
    }

    /**
     * Locks the batch's contacts up front, in order (see {@link ContactLock#lockAll}), and reads their projections
     * and tasks in a few queries: the events then find them in the persistence context.
     */
    @Override
    @Transactional(TxType.MANDATORY)
    public void prepare(List<IncomingEvent> events) {
        reevaluation.prepare(EventKeys.contactIds(events));
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
        if (type == EventType.FEEDBACK_REQUESTED) {
            applyRequest(event.dataAs(FeedbackRequested.class, objectMapper), event.id());
        } else if (type == EventType.FEEDBACK_RECEIVED) {
            applyAnswer(event.dataAs(FeedbackReceived.class, objectMapper), event.id());
        }
    }

    /** A survey sent means no survey needs suggesting while it is open. */
    private void applyRequest(FeedbackRequested request, String eventId) {
        if (request.requestId() == null || request.contactId() == null || request.createdAt() == null
                || request.expiresAt() == null) {
            throw new UnprocessableEventException("survey request in event " + eventId
                    + " lacks requestId, contactId, createdAt or expiresAt");
        }
        UUID contactId = survivingContact.of(request.contactId());
        FeedbackProjection.recordRequest(request, contactId);
        reevaluation.touched(contactId, eventId);
    }

    private void applyAnswer(FeedbackReceived feedback, String eventId) {
        if (feedback.requestId() == null || feedback.contactId() == null || feedback.owner() == null
                || feedback.receivedAt() == null) {
            throw new UnprocessableEventException("feedback in event " + eventId
                    + " lacks requestId, contactId, owner or receivedAt");
        }
        UUID contactId = survivingContact.of(feedback.contactId());
        if (!FeedbackProjection.recordAnswer(feedback, contactId)) {
            return; // a survey is answered once: the same answer again changes nothing
        }
        rules.onFeedback(feedback, contactId, eventId);
        reevaluation.touched(contactId, eventId);
    }
}
