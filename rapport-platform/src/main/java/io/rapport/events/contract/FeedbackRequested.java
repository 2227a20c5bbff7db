package io.rapport.events.contract;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The data of feedback.requested, keyed by contact id.
 *
 * @param kind      NPS, CSAT or BOTH
 * @param contextId the interaction or commitment the survey follows, or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FeedbackRequested(UUID requestId, UUID contactId, String owner, String kind, String channel,
        UUID contextId, Instant createdAt, Instant expiresAt) {
}
