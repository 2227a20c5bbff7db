package io.rapport.scheduler.health.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.quarkus.panache.common.Sort;
import io.rapport.scheduler.health.config.HealthConfig;
import io.rapport.scheduler.projection.CommitmentProjection;
import io.rapport.scheduler.projection.ContactProjection;
import io.rapport.scheduler.projection.FeedbackProjection;
import io.rapport.scheduler.projection.InteractionProjection;
import jakarta.enterprise.context.ApplicationScoped;

/** Reads from the projection the facts a contact's health score is computed from. */
@ApplicationScoped
public class HealthFactsReader {

    /** An inbound message is answered by the reply naming it or by any outbound touch at or after it. */
    private static final String AWAITING_REPLY = """
            select i.occurredAt from InteractionProjection i where i.contactId = ?1 and i.direction = 'INBOUND'
             and i.requiresResponse = true and i.deleted = false
             and not exists (select 1 from InteractionProjection o where o.contactId = i.contactId
              and o.direction = 'OUTBOUND' and o.deleted = false
              and (o.inReplyTo = i.id or o.occurredAt >= i.occurredAt))
            order by i.occurredAt""";

    private final HealthConfig config;

    public HealthFactsReader(HealthConfig config) {
        this.config = config;
    }

    public HealthFacts read(ContactProjection contact) {
        Optional<Instant> lastTouch = InteractionProjection.lastTouch(contact.contactId)
                .filter(touch -> touch.isAfter(contact.contactCreatedAt));
        return new HealthFacts(lastTouch.orElse(contact.contactCreatedAt), lastTouch.isPresent(),
                contact.checkInCadenceDays, latestSentiments(contact),
                FeedbackProjection.latestNps(contact.contactId)
                        .map(answer -> new HealthFacts.Survey(answer.npsScore, answer.npsClass, answer.receivedAt)),
                FeedbackProjection.latestCsat(contact.contactId)
                        .map(answer -> new HealthFacts.Survey(answer.csatScore, answer.csatClass, answer.receivedAt)),
                commitments(contact), awaitingReply(contact),
                InteractionProjection.count("contactId = ?1 and direction = 'INBOUND' and requiresResponse = true"
                        + " and deleted = false", contact.contactId) > 0);
    }

    private List<String> latestSentiments(ContactProjection contact) {
        List<String> sentiments = new ArrayList<>();
        InteractionProjection.<InteractionProjection>find(
                "contactId = ?1 and deleted = false and sentiment is not null",
                Sort.descending("occurredAt").and("id"), contact.contactId)
                .page(0, config.sentimentWindow()).list()
                .forEach(newestFirst -> sentiments.add(0, newestFirst.sentiment));
        return sentiments;
    }

    private static List<HealthFacts.Commitment> commitments(ContactProjection contact) {
        return CommitmentProjection.<CommitmentProjection>list("contactId = ?1 and status <> 'CANCELLED'",
                contact.contactId).stream()
                .map(commitment -> new HealthFacts.Commitment(commitment.dueAt,
                        "FULFILLED".equals(commitment.status) ? fulfilledAt(commitment) : null))
                .toList();
    }

    /** Commitments fulfilled before the projection recorded when count as kept when they were due. */
    private static Instant fulfilledAt(CommitmentProjection commitment) {
        return commitment.fulfilledAt != null ? commitment.fulfilledAt : commitment.dueAt;
    }

    private static List<Instant> awaitingReply(ContactProjection contact) {
        return InteractionProjection.find(AWAITING_REPLY, contact.contactId).project(Instant.class).list();
    }
}
