package io.rapport.scheduler.health;

import java.util.Map;

/**
 * One component of a health score.
 *
 * @param score           0-100; null when there is no data for it
 * @param weight          the configured relative weight
 * @param effectiveWeight its share of the score (0-1) once the components without data are left out
 * @param facts           the values the score was computed from, for the reader
 */
public record HealthComponent(HealthFactor factor, Integer score, int weight, double effectiveWeight,
        String explanation, Map<String, Object> facts) {

    public boolean hasData() {
        return score != null;
    }
}
