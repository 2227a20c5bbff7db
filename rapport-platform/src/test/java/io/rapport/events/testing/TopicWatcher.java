package io.rapport.events.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Watches a topic from the moment it is opened: records published before that are never seen, so a test only
 * reads what its own actions caused, however much the topic already holds. Tombstones (a key, no value) are kept
 * apart from the events ({@link #awaitTombstone}), each checked against what the AsyncAPI document allows.
 */
public final class TopicWatcher implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();
    private final List<ConsumerRecord<String, String>> tombstones = new ArrayList<>();

    public TopicWatcher(String bootstrapServers, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-watcher-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end offsets now, before the test acts
    }

    public static TopicWatcher local(String topic) {
        return new TopicWatcher(bootstrapServers(), topic);
    }

    public static String bootstrapServers() {
        String fromEnv = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        return fromEnv == null || fromEnv.isBlank() ? "localhost:9092" : fromEnv;
    }

    /** Polls until a record matching {@code match} arrives, or fails after {@code timeout}. */
    public ConsumerRecord<String, String> await(Predicate<ConsumerRecord<String, String>> match, Duration timeout) {
        return awaitAll(match, 1, timeout).get(0);
    }

    /** Polls until {@code count} records match, and returns them in arrival order; fails after {@code timeout}. */
    public List<ConsumerRecord<String, String>> awaitAll(Predicate<ConsumerRecord<String, String>> match, int count,
            Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            List<ConsumerRecord<String, String>> matching = seen.stream().filter(match).toList();
            if (matching.size() >= count) {
                // what a test waits for on an event topic must be what the document promises integrators
                matching.stream().filter(record -> EventContract.get().covers(record.topic()))
                        .forEach(EventContract.get()::check);
                return matching;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Saw " + matching.size() + " of " + count + " matching records within "
                        + timeout + " (and " + (seen.size() - matching.size()) + " others)");
            }
            poll();
        }
    }

    /** Polls until a tombstone with this key arrives, or fails after {@code timeout}. */
    public ConsumerRecord<String, String> awaitTombstone(String key, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            var found = tombstones.stream().filter(record -> key.equals(record.key())).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("No tombstone for " + key + " within " + timeout);
            }
            poll();
        }
    }

    private void poll() {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
            if (record.value() == null) {
                EventContract.get().checkTombstone(record);
                tombstones.add(record);
            } else {
                seen.add(record);
            }
        }
    }

    /** Every event (tombstones aside) that arrived since the watch began, polling for {@code settle} more first. */
    public List<ConsumerRecord<String, String>> all(Duration settle) {
        Instant deadline = Instant.now().plus(settle);
        while (Instant.now().isBefore(deadline)) {
            poll();
        }
        return List.copyOf(seen);
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
