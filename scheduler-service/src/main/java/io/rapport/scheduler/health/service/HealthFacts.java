package io.rapport.scheduler.health.service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything the score of one contact is computed from, read from the projection at one moment. Scoring it at a
 * later instant tells what the score becomes if nothing else happens.
 *
 * @param since            the last touch-point, or the contact's creation when it has none since
 * @param touched          whether {@code since} is a touch-point
 * @param sentiments       the latest sentiments, oldest first
 * @param commitments      every commitment not cancelled
 * @param awaitingReply    when each inbound message still awaiting a reply was received
 * @param everAskedToReply whether any inbound message ever required a response
 */
public record HealthFacts(Instant since, boolean touched, int cadenceDays, List<String> sentiments,
        Optional<Survey> nps, Optional<Survey> csat, List<Commitment> commitments, List<Instant> awaitingReply,
        boolean everAskedToReply) {

    public record Survey(int score, String grade, Instant receivedAt) {
    }

    /** @param fulfilledAt null while the commitment is open */
    public record Commitment(Instant dueAt, Instant fulfilledAt) {

        boolean isKept() {
            return fulfilledAt != null;
        }

        boolean isKeptOnTime() {
            return fulfilledAt != null && !fulfilledAt.isAfter(dueAt);
        }

        /** Open past its due time: broken, so far. */
        boolean isOverdueAt(Instant at) {
            return fulfilledAt == null && !dueAt.isAfter(at);
        }
    }
}
