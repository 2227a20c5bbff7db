package io.rapport.scheduler.projection;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.rapport.events.EventType;
import io.rapport.events.contract.FeedbackReceived;
import io.rapport.events.inbox.IncomingEvent;
import io.rapport.events.inbox.UnprocessableEventException;
import io.rapport.scheduler.health.service.HealthService;
import io.rapport.scheduler.rules.RuleEvaluator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/** Survey answers: what they call for is decided by the feedback rules. */
@ApplicationScoped
public class FeedbackProjector {

    private final ObjectMapper objectMapper;
    private final RuleEvaluator rules;
    private final HealthService health;

    public FeedbackProjector(ObjectMapper objectMapper, RuleEvaluator rules, HealthService health) {
        this.objectMapper = objectMapper;
        this.rules = rules;
        this.health = health;
    }

    @Transactional(TxType.MANDATORY)
    public void apply(IncomingEvent event) {
        if (event.type().orElse(null) != EventType.FEEDBACK_RECEIVED) {
            return; // feedback.requested changes no task
        }
        FeedbackReceived feedback = event.dataAs(FeedbackReceived.class, objectMapper);
        if (feedback.requestId() == null || feedback.contactId() == null || feedback.owner() == null
                || feedback.receivedAt() == null) {
            throw new UnprocessableEventException("feedback in event " + event.id()
                    + " lacks requestId, contactId, owner or receivedAt");
        }
        if (FeedbackProjection.findById(feedback.requestId()) != null) {
            return; // a survey is answered once: the same answer again changes nothing
        }
        FeedbackProjection.record(feedback);
        rules.onFeedback(feedback, event.id());
        health.recompute(feedback.contactId());
    }
}
