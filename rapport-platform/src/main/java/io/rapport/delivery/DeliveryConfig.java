package io.rapport.delivery;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How messages are retried: the same for every kind a service delivers. */
@ConfigMapping(prefix = "rapport.delivery")
public interface DeliveryConfig {

    /** Attempts at sending one message before it is given up (FAILED). */
    @WithDefault("8")
    int maxAttempts();

    /** The pause after the first failed attempt; it doubles after each further one, up to {@link #lastRetry}. */
    @WithDefault("PT30S")
    Duration firstRetry();

    @WithDefault("PT1H")
    Duration lastRetry();

    /**
     * How often due messages are looked for besides the wake-up each commit gives: retries fall due this way (set in
     * the platform's configuration, which the dispatcher's schedule reads too).
     */
    Duration pollInterval();

    /** A message SENDING for longer was interrupted (its replica stopped mid-send): given up, never sent again. */
    @WithDefault("PT10M")
    Duration sendingTimeout();
}
