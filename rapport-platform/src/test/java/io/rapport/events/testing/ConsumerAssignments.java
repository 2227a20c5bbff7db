package io.rapport.events.testing;

import java.time.Duration;

import org.awaitility.Awaitility;

import io.smallrye.reactive.messaging.kafka.KafkaClientService;

/**
 * Test consumers start at the end of their topics (a fresh group per run, {@code auto.offset.reset=latest}), so an
 * event sent before a consumer knows where the end is would be missed: tests wait for the assignment, then make
 * the consumer resolve its position on every assigned partition.
 */
public final class ConsumerAssignments {

    private static final Duration BOUND = Duration.ofSeconds(30);

    private ConsumerAssignments() {
    }

    /** Waits, within a bound, until each named channel's consumer has partitions and a position on each. */
    public static void await(KafkaClientService kafka, String... channels) {
        for (String channel : channels) {
            Awaitility.await().atMost(BOUND).until(() -> !kafka.getConsumer(channel).getAssignments()
                    .await().atMost(Duration.ofSeconds(5)).isEmpty());
            // the offset reset to "latest" happens lazily; position() forces it now, before the test sends anything
            kafka.getConsumer(channel).runOnPollingThread(consumer -> {
                consumer.assignment().forEach(consumer::position);
                return null;
            }).await().atMost(BOUND);
        }
    }
}
