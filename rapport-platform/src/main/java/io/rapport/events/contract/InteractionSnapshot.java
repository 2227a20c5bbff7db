package io.rapport.events.contract;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The data of interaction.logged / interaction.updated, keyed by contact id: what the scheduler needs of a
 * touch-point (no free text: the summary stays in the interactions service).
 *
 * @param type             CALL, EMAIL, MEETING, VIDEO_CALL, MESSAGE, NOTE, SOCIAL, EVENT or VALUE_ADD
 * @param direction        INBOUND, OUTBOUND or INTERNAL
 * @param sentiment        VERY_NEGATIVE, NEGATIVE, NEUTRAL, POSITIVE, VERY_POSITIVE, or null when not assessed
 * @param requiresResponse an inbound interaction awaiting a reply
 * @param inReplyTo        the inbound interaction an outbound one answers, or null
 * @param source           MANUAL (logged through the API) or CAPTURED (from the rep's mailbox); null in snapshots
 *                         written before it was added, which were all MANUAL
 * @param version          grows with every change; a consumer ignores a snapshot older than the one it holds
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InteractionSnapshot(
        UUID id,
        long version,
        UUID contactId,
        String owner,
        String type,
        String direction,
        Instant occurredAt,
        Integer durationMinutes,
        String sentiment,
        boolean requiresResponse,
        UUID inReplyTo,
        String source,
        Instant createdAt,
        Instant updatedAt) {
}
