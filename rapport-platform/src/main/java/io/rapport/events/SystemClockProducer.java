package io.rapport.events;

import java.time.Clock;
import java.time.ZoneOffset;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The clock every time-dependent rule reads, so that tests can replace it and move time. It ticks in milliseconds,
 * which PostgreSQL stores exactly: a timestamp reads back as it was written and as it was published.
 */
@ApplicationScoped
public class SystemClockProducer {

    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock systemClock() {
        return Clock.tickMillis(ZoneOffset.UTC);
    }
}
