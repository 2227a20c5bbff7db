package io.rapport.scheduler.health.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;

/** How the relationship health score is computed and served, each setting overridable per deployment. */
@ConfigMapping(prefix = "rapport.health")
public interface HealthConfig {

    Weights weights();

    Bands bands();

    /** How many of the latest interactions with a sentiment make the sentiment trend. */
    @WithDefault("5")
    @Positive
    int sentimentWindow();

    /** How long an inbound message may await a reply before the unanswered component falls to 0. */
    @WithDefault("72h")
    Duration unansweredZeroAfter();

    /** Most contacts one page of a rep's book returns. */
    @WithDefault("200")
    @Positive
    int maxPageSize();

    /** Relative weights of the components; those without data are left out and the rest renormalised. */
    interface Weights {
        @WithDefault("30")
        @Positive
        int recency();

        @WithDefault("20")
        @Positive
        int sentiment();

        @WithDefault("20")
        @Positive
        int feedback();

        @WithDefault("15")
        @Positive
        int commitments();

        @WithDefault("15")
        @Positive
        int unanswered();
    }

    /** Lowest scores of the HEALTHY and WATCH bands; anything lower is AT_RISK. */
    interface Bands {
        @WithDefault("70")
        @Min(1)
        @Max(100)
        int healthyFrom();

        @WithDefault("40")
        @Min(1)
        @Max(100)
        int watchFrom();
    }
}
