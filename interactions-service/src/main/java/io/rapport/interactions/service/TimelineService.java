package io.rapport.interactions.service;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.rapport.interactions.Commitment;
import io.rapport.interactions.Interaction;
import io.rapport.interactions.InteractionType;
import io.rapport.rest.Cursor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/** A contact's interactions and commitments interleaved by time, newest first. */
@ApplicationScoped
public class TimelineService {

    /** One item: an interaction (at its occurredAt) or a commitment (at its createdAt, when it was made). */
    public record Item(UUID id, Instant at, Interaction interaction, Commitment commitment) {
    }

    /** The entries of a page, and the cursor of the next page (null after the last). */
    public record Page(List<Item> items, String nextCursor) {
    }

    /**
     * @param interactionTypes the interaction types to include; empty for none
     * @param commitments      whether to include commitments
     */
    public record Filter(UUID contactId, Set<InteractionType> interactionTypes, boolean commitments, Instant from,
            Instant to, int limit, Cursor after) {
    }

    private final EntityManager entityManager;

    public TimelineService(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * The page's entries are found in one query and read in two more, each on a snapshot of its own: an entry deleted
     * in between (an interaction deleted, the contact erased) is left out, as a read a moment later would, and the
     * next page still starts after the last entry found.
     */
    public Page page(Filter filter) {
        List<String> parts = new ArrayList<>();
        if (!filter.interactionTypes().isEmpty()) {
            parts.add("select 'I' as kind, id, occurred_at as at from interaction where contact_id = :contact"
                    + " and type in (:types)");
        }
        if (filter.commitments()) {
            parts.add("select 'C' as kind, id, created_at as at from commitment where contact_id = :contact");
        }
        if (parts.isEmpty()) {
            return new Page(List.of(), null);
        }
        StringBuilder sql = new StringBuilder("select kind, id, at from (")
                .append(String.join(" union all ", parts)).append(") t where true");
        if (filter.from() != null) {
            sql.append(" and at >= :from");
        }
        if (filter.to() != null) {
            sql.append(" and at < :to");
        }
        if (filter.after() != null) {
            sql.append(" and (at < :afterTime or (at = :afterTime and id < :afterId))");
        }
        sql.append(" order by at desc, id desc limit :limit");
        Query query = entityManager.createNativeQuery(sql.toString());
        query.setParameter("contact", filter.contactId());
        if (!filter.interactionTypes().isEmpty()) {
            query.setParameter("types", filter.interactionTypes().stream().map(Enum::name).toList());
        }
        if (filter.from() != null) {
            query.setParameter("from", filter.from());
        }
        if (filter.to() != null) {
            query.setParameter("to", filter.to());
        }
        if (filter.after() != null) {
            query.setParameter("afterTime", InteractionService.cursorTime(filter.after()));
            query.setParameter("afterId", filter.after().id());
        }
        query.setParameter("limit", filter.limit());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();

        List<UUID> interactionIds = rows.stream().filter(r -> "I".equals(r[0])).map(r -> (UUID) r[1]).toList();
        List<UUID> commitmentIds = rows.stream().filter(r -> "C".equals(r[0])).map(r -> (UUID) r[1]).toList();
        Map<UUID, Interaction> interactions = interactionIds.isEmpty() ? Map.of()
                : Interaction.<Interaction>list("id in ?1", interactionIds).stream()
                        .collect(Collectors.toMap(i -> i.id, Function.identity()));
        Map<UUID, Commitment> commitments = commitmentIds.isEmpty() ? Map.of()
                : Commitment.<Commitment>list("id in ?1", commitmentIds).stream()
                        .collect(Collectors.toMap(c -> c.id, Function.identity()));
        List<Item> found = rows.stream()
                .map(r -> new Item((UUID) r[1], instant(r[2]), interactions.get((UUID) r[1]),
                        commitments.get((UUID) r[1])))
                .toList();
        return new Page(found.stream().filter(item -> item.interaction() != null || item.commitment() != null)
                .toList(), Cursor.next(found, filter.limit(), TimelineService::cursorAfter));
    }

    private static Cursor cursorAfter(Item item) {
        return new Cursor(item.at().toString(), item.id());
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
    }
}
