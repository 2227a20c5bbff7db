package io.rapport.scheduler.health.service;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import io.rapport.events.EventType;
import io.rapport.events.outbox.EventPublisher;
import io.rapport.scheduler.health.HealthBand;
import io.rapport.scheduler.health.RelationshipHealth;
import io.rapport.scheduler.health.mapping.HealthMapper;
import io.rapport.scheduler.projection.ContactLock;
import io.rapport.scheduler.projection.ContactProjection;
import io.rapport.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import jakarta.ws.rs.NotFoundException;

/** Keeps each contact's health score current, and publishes health-changed when it crosses into another band. */
@ApplicationScoped
public class HealthService {

    private final HealthFactsReader facts;
    private final HealthScorer scorer;
    private final RecheckForecast forecast;
    private final EventPublisher events;
    private final Clock clock;
    private final ContactLock contactLock;

    public HealthService(HealthFactsReader facts, HealthScorer scorer, RecheckForecast forecast,
            EventPublisher events, Clock clock, ContactLock contactLock) {
        this.facts = facts;
        this.scorer = scorer;
        this.forecast = forecast;
        this.events = events;
        this.clock = clock;
        this.contactLock = contactLock;
    }

    /**
     * Recomputes the contact's score from the projection as it stands in this transaction. The first score is the
     * baseline and publishes nothing; an erased or merged contact (or one the projection does not know) has none.
     * <p>
     * Events about one contact arrive on several topics, applied concurrently: each recomputation first waits for
     * any other of the same contact to commit, so that the later one always sees the earlier one's changes.
     */
    @Transactional(TxType.MANDATORY)
    public void recompute(UUID contactId) {
        contactLock.lock(contactId);
        recomputeLocked(contactId);
    }

    /**
     * Recomputes a score the sweep holds locked (SKIP LOCKED). It takes no contact lock: the sweep never waits for
     * a consumer while holding a row that consumer may be waiting for.
     */
    @Transactional(TxType.MANDATORY)
    public void recomputeSwept(UUID contactId) {
        recomputeLocked(contactId);
    }

    private void recomputeLocked(UUID contactId) {
        ContactProjection contact = ContactProjection.findById(contactId);
        // the row lock keeps the sweep and the consumers from computing one contact at once
        RelationshipHealth health = RelationshipHealth.findById(contactId, LockModeType.PESSIMISTIC_WRITE);
        if (contact == null || contact.erasedAt != null || contact.mergedInto != null) {
            if (health != null) {
                health.delete();
            }
            return;
        }
        Instant now = clock.instant();
        HealthFacts current = facts.read(contact);
        HealthScore score = scorer.score(current, now);
        boolean baseline = health == null;
        if (baseline) {
            health = new RelationshipHealth();
            health.contactId = contactId;
        }
        int previousScore = health.score;
        HealthBand previousBand = health.band;
        health.owner = contact.owner;
        health.score = score.score();
        health.band = score.band();
        health.components = score.components();
        health.computedAt = now;
        health.recheckAt = forecast.nextDrop(current, now, score.band()).orElse(null);
        health.persist();
        if (!baseline && previousBand != score.band()) {
            events.publish(EventType.RELATIONSHIP_HEALTH_CHANGED, contactId, contactId,
                    HealthMapper.toEvent(health, previousScore, previousBand));
        }
    }

    /** The contact's health, if the caller may see it; another rep's contact is as unknown as a missing one. */
    public RelationshipHealth get(UUID contactId, Caller caller) {
        RelationshipHealth health = RelationshipHealth.findById(contactId);
        if (health == null || !caller.canRead(health.owner)) {
            throw new NotFoundException("No health score for contact " + contactId);
        }
        return health;
    }
}
