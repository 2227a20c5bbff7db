package io.rapport.events.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "rapport.events")
public interface EventsConfig {

    /** The CloudEvents {@code source} of every event this service publishes, e.g. {@code /rapport/contacts}. */
    String source();

    Outbox outbox();

    interface Outbox {
        /** How often the relay looks for unpublished events. */
        @WithDefault("0.5s")
        Duration pollInterval();

        /** Most events published per relay transaction. */
        @WithDefault("200")
        int batchSize();

        /** How long the relay waits for the broker to acknowledge a batch before retrying it later. */
        @WithDefault("40s")
        Duration sendTimeout();
    }
}
