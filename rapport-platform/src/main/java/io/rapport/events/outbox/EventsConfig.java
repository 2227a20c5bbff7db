package io.rapport.events.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "rapport.events")
public interface EventsConfig {

    /** The CloudEvents {@code source} of every event this service publishes, e.g. {@code /rapport/contacts}. */
    String source();

    Outbox outbox();

    Inbox inbox();

    interface Inbox {
        /**
         * The first pause before an event that met a passing failure (the database away, a lock conflict) is tried
         * again; each further pause doubles, up to {@link #maxRetryDelay()}. Such an event is tried until it applies.
         */
        @WithDefault("250ms")
        Duration retryDelay();

        @WithDefault("30s")
        Duration maxRetryDelay();

        /** How often an event that failed for any other reason is tried again before it is dead-lettered. */
        @WithDefault("4")
        int retries();

        /**
         * How long a consumer remembers that it applied an event. An event redelivered within this time is skipped;
         * the default matches the event topics' retention (90 days), past which Kafka cannot deliver the event again
         * (a replay of the compacted contacts topic brings snapshots, which the projections order by version).
         */
        @WithDefault("90d")
        Duration retention();

        /** How often each replica forgets the event ids past the {@link #retention()}; {@code off} never does. */
        @WithDefault("1h")
        String purgeInterval();
    }

    interface Outbox {
        /**
         * How often the relay looks for unpublished events when no commit woke it: a fallback, since every commit
         * that writes events wakes the relay of its own replica, and the replica holding the relay's lock looks
         * again after each drain.
         */
        @WithDefault("5s")
        Duration pollInterval();

        /** Most events read, sent and deleted at once. */
        @WithDefault("500")
        int batchSize();

        /** How long the relay waits for the broker to acknowledge a batch before retrying it later. */
        @WithDefault("40s")
        Duration sendTimeout();
    }
}
