package io.rapport.events;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The clock every time-dependent rule reads, so that tests can replace it and move time. It ticks in milliseconds,
 * which PostgreSQL stores exactly: a timestamp reads back as it was written and as it was published.
 * <p>
 * {@code rapport.clock.offset} (RAPPORT_CLOCK_OFFSET, e.g. P15D) runs a service as if that much time had passed: for
 * staging demos and the end-to-end test that lets a check-in cadence lapse. Never set it in production.
 */
@ApplicationScoped
public class SystemClockProducer {

    private static final Logger LOG = Logger.getLogger(SystemClockProducer.class);

    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock systemClock(@ConfigProperty(name = "rapport.clock.offset", defaultValue = "PT0S") Duration offset) {
        Clock system = Clock.tickMillis(ZoneOffset.UTC);
        if (offset.isZero()) {
            return system;
        }
        LOG.warnf("The clock runs %s ahead of the system's (rapport.clock.offset): rules act as if that time had"
                + " passed", offset);
        return Clock.offset(system, offset);
    }
}
