package io.rapport.scheduler.health;

import io.rapport.scheduler.health.config.HealthConfig;

/** Where a score stands, best first. */
public enum HealthBand {
    HEALTHY, WATCH, AT_RISK;

    public static HealthBand of(int score, HealthConfig.Bands bands) {
        if (score >= bands.healthyFrom()) {
            return HEALTHY;
        }
        return score >= bands.watchFrom() ? WATCH : AT_RISK;
    }

    public boolean isWorseThan(HealthBand other) {
        return ordinal() > other.ordinal();
    }
}
