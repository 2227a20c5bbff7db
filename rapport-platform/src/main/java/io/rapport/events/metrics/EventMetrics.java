package io.rapport.events.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What happens to the events a service publishes and consumes, as Prometheus counters by CloudEvents type (and, for
 * consumers, the consumer's name): published once the broker acknowledged them; applied, skipped as duplicates, or
 * dead-lettered once that is settled. Dead letters growing, or applied events stalling while published ones grow,
 * are what an operator alerts on.
 */
@ApplicationScoped
public class EventMetrics {

    /** The type of a record that could not even be read as an event. */
    public static final String UNREADABLE = "unreadable";

    private final MeterRegistry registry;

    public EventMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void published(String type) {
        registry.counter("rapport.events.published", "type", type).increment();
    }

    public void applied(String consumer, String type) {
        registry.counter("rapport.events.applied", "consumer", consumer, "type", type).increment();
    }

    public void skippedAsDuplicate(String consumer, String type) {
        registry.counter("rapport.events.duplicates", "consumer", consumer, "type", type).increment();
    }

    public void deadLettered(String consumer, String type) {
        registry.counter("rapport.events.dead.lettered", "consumer", consumer, "type", type).increment();
    }
}
