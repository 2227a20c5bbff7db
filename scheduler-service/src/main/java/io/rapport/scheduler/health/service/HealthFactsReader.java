package io.rapport.scheduler.health.service;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.rapport.scheduler.health.config.HealthConfig;
import io.rapport.scheduler.projection.CommitmentProjection;
import io.rapport.scheduler.projection.ContactProjection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;

/**
 * Reads from the projection the facts the health scores of many contacts are computed from, each kind of fact for
 * all of them in one query. It reads what the transaction has flushed: the caller flushes once before, and none of
 * the queries flushes again (each automatic flush would dirty-check every entity the transaction holds).
 */
@ApplicationScoped
public class HealthFactsReader {

    /** An inbound message is answered by the reply naming it or by any outbound touch at or after it. */
    private static final String AWAITING_REPLY = """
            select i.contact_id, i.occurred_at from interaction_projection i
            where i.contact_id = any(?1) and i.direction = 'INBOUND' and i.requires_response and not i.deleted
              and not exists (select 1 from interaction_projection o where o.contact_id = i.contact_id
                and o.direction = 'OUTBOUND' and not o.deleted
                and (o.in_reply_to = i.id or o.occurred_at >= i.occurred_at))
            order by i.contact_id, i.occurred_at""";

    /** The latest sentiments of each contact (at most ?2), newest first: occurrence, then id. */
    private static final String LATEST_SENTIMENTS = """
            select contact_id, sentiment from (
              select contact_id, sentiment, row_number() over (partition by contact_id
                order by occurred_at desc, id) as newest
              from interaction_projection where contact_id = any(?1) and not deleted and sentiment is not null) s
            where newest <= ?2 order by contact_id, newest""";

    /** The latest answer of each contact with a score of the given column. */
    private static final String LATEST_ANSWER = """
            select distinct on (contact_id) contact_id, %1$s_score, %1$s_class, received_at from feedback_projection
            where contact_id = any(?1) and %1$s_score is not null order by contact_id, received_at desc""";

    private final HealthConfig config;
    private final EntityManager entityManager;

    public HealthFactsReader(HealthConfig config, EntityManager entityManager) {
        this.config = config;
        this.entityManager = entityManager;
    }

    /**
     * @param lastTouches the latest touch-point of each contact that had one
     * @return the facts of each contact
     */
    public Map<UUID, HealthFacts> read(Collection<ContactProjection> contacts, Map<UUID, Instant> lastTouches) {
        Map<UUID, HealthFacts> facts = new HashMap<>();
        if (contacts.isEmpty()) {
            return facts;
        }
        UUID[] ids = contacts.stream().map(contact -> contact.id).toArray(UUID[]::new);
        Map<UUID, List<String>> sentiments = sentiments(ids);
        Map<UUID, HealthFacts.Survey> nps = latestAnswers(ids, "nps");
        Map<UUID, HealthFacts.Survey> csat = latestAnswers(ids, "csat");
        Map<UUID, List<HealthFacts.Commitment>> commitments = commitments(ids);
        Map<UUID, List<Instant>> awaitingReply = awaitingReply(ids);
        Set<UUID> askedToReply = everAskedToReply(ids);
        for (ContactProjection contact : contacts) {
            UUID id = contact.id;
            Optional<Instant> lastTouch = contact.touchSinceAdded(Optional.ofNullable(lastTouches.get(id)));
            facts.put(id, new HealthFacts(lastTouch.orElse(contact.contactCreatedAt), lastTouch.isPresent(),
                    contact.checkInCadenceDays, sentiments.getOrDefault(id, List.of()),
                    Optional.ofNullable(nps.get(id)), Optional.ofNullable(csat.get(id)),
                    commitments.getOrDefault(id, List.of()), awaitingReply.getOrDefault(id, List.of()),
                    askedToReply.contains(id)));
        }
        return facts;
    }

    /** Oldest first. */
    private Map<UUID, List<String>> sentiments(UUID[] ids) {
        Map<UUID, List<String>> sentiments = new HashMap<>();
        rows(LATEST_SENTIMENTS, ids, config.sentimentWindow()).forEach(row -> sentiments
                .computeIfAbsent((UUID) row[0], id -> new ArrayList<>()).add(0, (String) row[1]));
        return sentiments;
    }

    private Map<UUID, HealthFacts.Survey> latestAnswers(UUID[] ids, String column) {
        Map<UUID, HealthFacts.Survey> answers = new HashMap<>();
        rows(LATEST_ANSWER.formatted(column), ids, null).forEach(row -> answers.put((UUID) row[0],
                new HealthFacts.Survey(((Number) row[1]).intValue(), (String) row[2], instant(row[3]))));
        return answers;
    }

    private Map<UUID, List<HealthFacts.Commitment>> commitments(UUID[] ids) {
        Map<UUID, List<HealthFacts.Commitment>> commitments = new HashMap<>();
        List<CommitmentProjection> kept = entityManager
                .createQuery("from CommitmentProjection c where c.contactId in ?1 and c.status <> 'CANCELLED'",
                        CommitmentProjection.class)
                .setParameter(1, List.of(ids)).setFlushMode(FlushModeType.COMMIT).getResultList();
        for (CommitmentProjection commitment : kept) {
            commitments.computeIfAbsent(commitment.contactId, id -> new ArrayList<>()).add(new HealthFacts.Commitment(
                    commitment.dueAt, "FULFILLED".equals(commitment.status) ? fulfilledAt(commitment) : null));
        }
        return commitments;
    }

    /** Commitments fulfilled before the projection recorded when count as kept when they were due. */
    private static Instant fulfilledAt(CommitmentProjection commitment) {
        return commitment.fulfilledAt != null ? commitment.fulfilledAt : commitment.dueAt;
    }

    private Map<UUID, List<Instant>> awaitingReply(UUID[] ids) {
        Map<UUID, List<Instant>> awaiting = new HashMap<>();
        rows(AWAITING_REPLY, ids, null).forEach(row -> awaiting
                .computeIfAbsent((UUID) row[0], id -> new ArrayList<>()).add(instant(row[1])));
        return awaiting;
    }

    private Set<UUID> everAskedToReply(UUID[] ids) {
        return new HashSet<>(entityManager.createQuery(
                "select distinct i.contactId from InteractionProjection i where i.contactId in :contacts"
                        + " and i.direction = 'INBOUND' and i.requiresResponse = true and i.deleted = false",
                UUID.class).setParameter("contacts", List.of(ids)).setFlushMode(FlushModeType.COMMIT).getResultList());
    }

    /** A timestamp column of a native query, as the driver hands it over. */
    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, UUID[] ids, Integer limit) {
        var query = entityManager.createNativeQuery(sql, Object[].class).setParameter(1, ids)
                .setFlushMode(FlushModeType.COMMIT);
        if (limit != null) {
            query.setParameter(2, limit);
        }
        return query.getResultList();
    }
}
