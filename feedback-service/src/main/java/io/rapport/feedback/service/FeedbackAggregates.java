package io.rapport.feedback.service;

import java.math.BigDecimal;
import java.util.List;

import io.rapport.feedback.rest.CsatGroup;
import io.rapport.feedback.rest.NpsGroup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/**
 * NPS and CSAT computed in SQL. Scores count the responses received in the period; the response rate counts the
 * requests sent in the period (cancelled ones excepted) and how many of them were answered. PostgreSQL's
 * {@code round(numeric)} rounds halves away from zero, as HubSpot and Qualtrics round the NPS.
 */
@ApplicationScoped
public class FeedbackAggregates {

    private static final String NPS_COUNTS = """
            count(*) filter (where r.nps_score >= 9) as a,
            count(*) filter (where r.nps_score between 7 and 8) as b,
            count(*) filter (where r.nps_score <= 6) as c,
            round(100.0 * (count(*) filter (where r.nps_score >= 9) - count(*) filter (where r.nps_score <= 6))
                  / count(*)) as score,
            null as average""";
    private static final String CSAT_COUNTS = """
            count(*) filter (where r.csat_score >= 4) as a,
            count(*) filter (where r.csat_score = 3) as b,
            count(*) filter (where r.csat_score <= 2) as c,
            round(100.0 * count(*) filter (where r.csat_score >= 4) / count(*)) as score,
            round(avg(r.csat_score), 2) as average""";

    private final EntityManager entityManager;

    public FeedbackAggregates(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public List<NpsGroup> nps(AggregateQuery query) {
        return rows(query, "r.nps_score", NPS_COUNTS, "'NPS', 'BOTH'").stream()
                .map(row -> new NpsGroup(key(row[0]), count(row[1]), count(row[2]), count(row[3]), count(row[4]),
                        integer(row[5]), count(row[7]), count(row[8]), decimal(row[9])))
                .toList();
    }

    public List<CsatGroup> csat(AggregateQuery query) {
        return rows(query, "r.csat_score", CSAT_COUNTS, "'CSAT', 'BOTH'").stream()
                .map(row -> new CsatGroup(key(row[0]), count(row[1]), count(row[2]), count(row[3]), count(row[4]),
                        integer(row[5]), decimal(row[6]), count(row[7]), count(row[8]), decimal(row[9])))
                .toList();
    }

    /** key, responses, a, b, c, score, average, requests, answered, responseRate; one row per group, by key. */
    @SuppressWarnings("unchecked")
    private List<Object[]> rows(AggregateQuery query, String scoreColumn, String counts, String kinds) {
        String ownerFilter = query.owner() == null ? "" : " and %s.owner = :owner";
        String sql = """
                with resp as (
                    select %s as k, count(*) as n, %s
                    from survey_response r left join feedback_contact ct on ct.id = r.contact_id
                    where %s is not null and r.received_at >= :from and r.received_at < :to%s
                    group by 1),
                req as (
                    select %s as k, count(*) as sent, count(*) filter (where q.status = 'ANSWERED') as answered
                    from survey_request q left join feedback_contact ct on ct.id = q.contact_id
                    where q.kind in (%s) and q.status <> 'CANCELLED' and q.created_at >= :from and q.created_at < :to%s
                    group by 1)
                select coalesce(resp.k, req.k), coalesce(resp.n, 0), coalesce(resp.a, 0), coalesce(resp.b, 0),
                       coalesce(resp.c, 0), resp.score, resp.average, coalesce(req.sent, 0), coalesce(req.answered, 0),
                       case when req.sent > 0 then round(100.0 * req.answered / req.sent, 1) end
                from resp full join req on resp.k = req.k
                order by 1"""
                .formatted(keyOf(query.groupBy(), "r", "received_at"), counts, scoreColumn,
                        ownerFilter.formatted("r"), keyOf(query.groupBy(), "q", "created_at"), kinds,
                        ownerFilter.formatted("q"));
        Query select = entityManager.createNativeQuery(sql)
                .setParameter("from", query.from())
                .setParameter("to", query.to());
        if (query.owner() != null) {
            select.setParameter("owner", query.owner());
        }
        return select.getResultList();
    }

    /** The group key as text; '' stands for the total and for "no organisation" (a full join needs equality). */
    private static String keyOf(AggregateGroupBy groupBy, String alias, String timeColumn) {
        if (groupBy == null) {
            return "''";
        }
        return switch (groupBy) {
            case OWNER -> alias + ".owner";
            case ORGANISATION -> "coalesce(cast(ct.organisation_id as text), '')";
            case MONTH -> "to_char(" + alias + "." + timeColumn + " at time zone 'UTC', 'YYYY-MM')";
        };
    }

    private static String key(Object value) {
        return value == null || value.toString().isEmpty() ? null : value.toString();
    }

    private static long count(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Integer integer(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }

    private static Double decimal(Object value) {
        return value == null ? null : ((BigDecimal) value).doubleValue();
    }
}
