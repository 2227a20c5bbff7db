package io.rapport.scheduler.projection;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What FEEDBACK_DUE needs to know of a contact's surveys.
 *
 * @param lastAnswered when the contact last answered one
 * @param openUntil    when the survey awaiting an answer expires, if one does
 * @param lastLapsed   when the last survey that went unanswered expired
 */
public record SurveyHistory(Optional<Instant> lastAnswered, Optional<Instant> openUntil, Optional<Instant> lastLapsed) {

    private static final SurveyHistory NONE = new SurveyHistory(Optional.empty(), Optional.empty(), Optional.empty());

    /** The survey history of each of the contacts (an entry for every one of them), read in one query. */
    public static Map<UUID, SurveyHistory> of(Collection<UUID> contactIds, Instant now) {
        Map<UUID, SurveyHistory> histories = new HashMap<>();
        contactIds.forEach(id -> histories.put(id, NONE));
        if (contactIds.isEmpty()) {
            return histories;
        }
        FeedbackProjection.getEntityManager().createQuery("""
                select f.contactId, max(f.receivedAt),
                       max(case when f.receivedAt is null and f.expiresAt > :now then f.expiresAt end),
                       max(case when f.receivedAt is null and f.expiresAt <= :now then f.expiresAt end)
                from FeedbackProjection f where f.contactId in :contacts group by f.contactId""", Object[].class)
                .setParameter("now", now).setParameter("contacts", contactIds).getResultList()
                .forEach(row -> histories.put((UUID) row[0], new SurveyHistory(Optional.ofNullable((Instant) row[1]),
                        Optional.ofNullable((Instant) row[2]), Optional.ofNullable((Instant) row[3]))));
        return histories;
    }
}
