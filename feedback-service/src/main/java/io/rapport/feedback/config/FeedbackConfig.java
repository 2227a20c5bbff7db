package io.rapport.feedback.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

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

    Delivery delivery();

    /**
     * Sending surveys to clients (EMAIL, and SMS or MESSAGE where a provider is configured); retries as every
     * delivery has them ({@code rapport.delivery}).
     */
    interface Delivery {
        /** Where clients reach this service's survey pages from outside: the links in the messages start with it. */
        URI publicUrl();

        /**
         * A directory of templates that replace the built-in ones file by file ({@code survey-mail/en.html}, ...),
         * read once at the first use of each.
         */
        Optional<Path> templates();
    }

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
