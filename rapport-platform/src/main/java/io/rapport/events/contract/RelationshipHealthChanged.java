package io.rapport.events.contract;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The data of relationship.health-changed, keyed by contact id: published when a contact's health score crosses
 * into another band (HEALTHY, WATCH, AT_RISK), never when it moves within one.
 *
 * @param components every component of the score, those without data included (with {@code hasData} false)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RelationshipHealthChanged(UUID contactId, String owner, int score, String band, int previousScore,
        String previousBand, List<Component> components, Instant computedAt) {

    /**
     * One component of the score.
     *
     * @param name            RECENCY, SENTIMENT, FEEDBACK, COMMITMENTS or UNANSWERED
     * @param score           0-100; null without data
     * @param weight          the configured (relative) weight
     * @param effectiveWeight its share (0-1) of the score once the components without data are left out
     * @param facts           the values the sub-score was computed from
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Component(String name, boolean hasData, Integer score, int weight, double effectiveWeight,
            String explanation, Map<String, Object> facts) {
    }
}
