package io.rapport.feedback.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "rapport.feedback")
public interface FeedbackConfig {

    /** How long a survey link stays valid when the request names no expiry. */
    @WithDefault("P14D")
    Duration tokenTtl();

    /** The longest expiry a request may ask for. */
    @WithDefault("P90D")
    Duration maxTokenTtl();

    /** Survey fatigue: the fewest days between a contact's answer and the next survey sent to them. */
    @WithDefault("30")
    int surveyMinIntervalDays();

    /** Most survey requests one page of a list returns. */
    @WithDefault("200")
    int maxPageSize();

    RateLimit rateLimit();

    /**
     * Limits on the public survey endpoints, per client address and per token (token buckets in PostgreSQL, shared
     * by the replicas).
     */
    interface RateLimit {
        Bucket perAddress();

        Bucket perToken();
    }

    interface Bucket {
        /** Requests allowed in a burst. */
        int capacity();

        /** The time in which a full bucket refills. */
        Duration period();
    }
}
