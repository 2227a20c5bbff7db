package io.rapport.scheduler.health.service;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.rapport.events.EventType;
import io.rapport.events.outbox.EventPublisher;
import io.rapport.scheduler.health.HealthBand;
import io.rapport.scheduler.health.RelationshipHealth;
import io.rapport.scheduler.health.mapping.HealthMapper;
import io.rapport.scheduler.projection.ContactBatch;
import io.rapport.scheduler.projection.ContactProjection;
import io.rapport.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
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

    public HealthService(HealthFactsReader facts, HealthScorer scorer, RecheckForecast forecast,
            EventPublisher events, Clock clock) {
        this.facts = facts;
        this.scorer = scorer;
        this.forecast = forecast;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Recomputes the scores of the batch's contacts from the projection as it stands in this transaction, reading the
     * facts of all of them together. The first score is the baseline and publishes nothing; an erased or merged
     * contact (or one the projection does not know) has none. The caller holds the contacts' locks, so that the
     * events of one contact arriving on several topics are scored one after the other.
     */
    @Transactional(TxType.MANDATORY)
    public void recompute(ContactBatch batch) {
        // What the transaction changed is written once, here: the facts are read partly in native SQL, which sees
        // only what was flushed, and the reads that follow change nothing, so none of them flushes again.
        EntityManager entityManager = RelationshipHealth.getEntityManager();
        entityManager.flush();
        // the row locks keep the sweep and the consumers from computing one contact at once
        Map<UUID, RelationshipHealth> rows = new HashMap<>();
        entityManager.createQuery("from RelationshipHealth h where h.contactId in :contacts", RelationshipHealth.class)
                .setParameter("contacts", batch.ids()).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setFlushMode(FlushModeType.COMMIT).getResultList()
                .forEach(row -> rows.put(row.contactId, row));
        List<ContactProjection> scored = batch.contacts().stream()
                .filter(contact -> contact.erasedAt == null && contact.mergedInto == null).toList();
        Map<UUID, HealthFacts> facts = this.facts.read(scored, batch.lastTouches());
        Instant now = batch.now();
        for (UUID contactId : batch.ids()) {
            HealthFacts current = facts.get(contactId);
            RelationshipHealth health = rows.get(contactId);
            if (current == null) {
                if (health != null) {
                    health.delete();
                }
            } else {
                update(health, batch.contact(contactId).orElseThrow(), current, now);
            }
        }
    }

    /**
     * Recomputes a score the sweep holds locked (SKIP LOCKED). It takes no contact lock: the sweep never waits for
     * a consumer while holding a row that consumer may be waiting for.
     */
    @Transactional(TxType.MANDATORY)
    public void recomputeSwept(UUID contactId) {
        recompute(ContactBatch.of(List.of(contactId), clock.instant()));
    }

    private void update(RelationshipHealth health, ContactProjection contact, HealthFacts current, Instant now) {
        HealthScore score = scorer.score(current, now);
        boolean baseline = health == null;
        if (baseline) {
            health = new RelationshipHealth();
            health.contactId = contact.id;
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
            events.publish(EventType.RELATIONSHIP_HEALTH_CHANGED, contact.id, contact.id,
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
