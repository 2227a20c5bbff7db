package io.rapport.events.contract;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The data of feedback.received, keyed by contact id. The comment's text is not carried (erasure could not take it
 * back from the topic); its length is, and the text is in feedback-service.
 *
 * @param npsClass  PROMOTER (9-10), PASSIVE (7-8) or DETRACTOR (0-6); null without an NPS score
 * @param csatClass SATISFIED (4-5), NEUTRAL (3) or DISSATISFIED (1-2); null without a CSAT score
 * @param source    CLIENT (the public link) or REP (recorded on the client's behalf)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FeedbackReceived(UUID requestId, UUID contactId, String owner, Integer npsScore, String npsClass,
        Integer csatScore, String csatClass, int commentLength, String source, UUID contextId,
        Instant receivedAt) {
}
