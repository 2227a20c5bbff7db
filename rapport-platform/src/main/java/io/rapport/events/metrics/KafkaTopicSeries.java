package io.rapport.events.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * One series per topic in the Kafka clients' metrics. For backward compatibility the Kafka consumer records its
 * per-partition metrics (records-lag, records-lead, ...) twice: tagged with the topic's name and with that name's
 * dots replaced by underscores. Every Rapport topic is named {@code rapport.<...>}, so the copy tagged
 * {@code rapport_<...>} is dropped: a sum over topics then counts each partition once.
 */
public class KafkaTopicSeries {

    @Produces
    @Singleton
    MeterFilter dropUnderscoredTopicCopies() {
        return new MeterFilter() {
            @Override
            public MeterFilterReply accept(Meter.Id id) {
                String topic = id.getTag("topic");
                return id.getName().startsWith("kafka.") && topic != null && topic.startsWith("rapport_")
                        ? MeterFilterReply.DENY
                        : MeterFilterReply.NEUTRAL;
            }
        };
    }
}
