package io.rapport.events.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The Kafka consumer's per-partition metrics are served once, under the topic's own name: the client's
 * backward-compatible copy (dots turned to underscores) is dropped, other meters are untouched.
 */
class KafkaTopicSeriesTest {

    @Test
    void theUnderscoredCopyOfATopicsSeriesIsDropped() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        registry.config().meterFilter(new KafkaTopicSeries().dropUnderscoredTopicCopies());

        for (String topic : new String[] { "rapport.contacts.v1", "rapport_contacts_v1" }) {
            Gauge.builder("kafka.consumer.fetch.manager.records.lag", () -> 3).tag("topic", topic).tag("partition", "0")
                    .register(registry);
        }
        Gauge.builder("kafka.consumer.fetch.manager.records.lag.max", () -> 3).register(registry);
        Gauge.builder("rapport.outbox.pending.events", () -> 1).tag("topic", "rapport_contacts_v1").register(registry);

        assertThat(registry.find("kafka.consumer.fetch.manager.records.lag").gauges())
                .singleElement().satisfies(g -> assertThat(g.getId().getTag("topic")).isEqualTo("rapport.contacts.v1"));
        assertThat(registry.find("kafka.consumer.fetch.manager.records.lag.max").gauges()).hasSize(1);
        assertThat(registry.find("rapport.outbox.pending.events").gauges()).as("not a Kafka client meter").hasSize(1);
    }
}
