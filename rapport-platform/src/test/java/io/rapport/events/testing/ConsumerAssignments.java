package io.rapport.events.testing;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;

/**
 * Test consumers start at the end of their topics (a fresh group per run, {@code auto.offset.reset=latest}), so an
 * event sent before a consumer knows where the end is would be missed: tests wait for the assignment, then make
 * the consumer resolve its position on every assigned partition.
 */
public final class ConsumerAssignments {

    private static final Duration BOUND = Duration.ofSeconds(30);

    private ConsumerAssignments() {
    }

    /**
     * Waits, within a bound, until each named channel's consumers share its topic's partitions as the group will keep
     * them, and have a position on each.
     */
    public static void await(KafkaClientService kafka, String... channels) {
        List<List<KafkaConsumer<Object, Object>>> byChannel = Arrays.stream(channels)
                .map(channel -> consumers(kafka, channel)).toList();
        // one condition for all the channels: the service's consumers share one group, and a consumer joining late
        // moves the partitions of a channel that had settled
        Awaitility.await().atMost(BOUND)
                .until(() -> byChannel.stream().allMatch(consumers -> settled(positioned(consumers))));
    }

    /**
     * The consumers of a channel: one, or with {@code concurrency=N} the N copies SmallRye names {@code channel$1} to
     * {@code channel$N}, which share the topic's partitions in one group.
     */
    public static List<KafkaConsumer<Object, Object>> consumers(KafkaClientService kafka, String channel) {
        List<KafkaConsumer<Object, Object>> consumers = kafka.getConsumerChannels().stream()
                .filter(name -> name.equals(channel) || name.startsWith(channel + "$")).sorted()
                .map(name -> kafka.<Object, Object>getConsumer(name)).toList();
        if (consumers.isEmpty()) {
            throw new IllegalArgumentException("no consumer of channel " + channel);
        }
        return consumers;
    }

    /**
     * Each consumer's partitions, once it has a position on each: the offset reset to "latest" happens lazily, and
     * position() forces it now, before the test sends anything. The consumers are asked together, each on its
     * polling thread, which takes the request between two polls.
     */
    private static List<Assignment> positioned(List<KafkaConsumer<Object, Object>> consumers) {
        Function<Consumer<Object, Object>, Assignment> position = client -> {
            Set<TopicPartition> assigned = Set.copyOf(client.assignment());
            assigned.forEach(client::position);
            int partitions = client.subscription().stream().mapToInt(topic -> client.partitionsFor(topic).size())
                    .sum();
            return new Assignment(assigned, partitions);
        };
        return Uni.join().all(consumers.stream().map(consumer -> consumer.runOnPollingThread(position)).toList())
                .andFailFast().await().atMost(BOUND);
    }

    /**
     * Whether the group has settled: every partition of the topic is assigned to exactly one of the consumers, and as
     * many consumers have partitions as can. Until then a consumer that joins late takes partitions over from
     * another, and finds their position anew.
     */
    private static boolean settled(List<Assignment> assignments) {
        int partitions = assignments.get(0).topicPartitions();
        Set<TopicPartition> assigned = new HashSet<>();
        int withPartitions = 0;
        int total = 0;
        for (Assignment assignment : assignments) {
            assigned.addAll(assignment.partitions());
            total += assignment.partitions().size();
            withPartitions += assignment.partitions().isEmpty() ? 0 : 1;
        }
        return partitions > 0 && assigned.size() == partitions && total == partitions
                && withPartitions == Math.min(assignments.size(), partitions);
    }

    /** The partitions a consumer has, and how many its topics have. */
    private record Assignment(Set<TopicPartition> partitions, int topicPartitions) {
    }
}
