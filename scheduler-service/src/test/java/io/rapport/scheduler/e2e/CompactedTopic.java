package io.rapport.scheduler.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.IntConsumer;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;

import io.rapport.events.testing.TopicWatcher;

/** A compacted topic of the local stack, read as its log cleaner leaves it. */
final class CompactedTopic {

    private static final String LAG = "max.compaction.lag.ms";

    private CompactedTopic() {
    }

    static int partitions(String topic) throws Exception {
        try (Admin admin = admin()) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
        }
    }

    /** The partition the producer's default partitioner gives a key. */
    static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /**
     * Waits until the log cleaner has removed the records, which a later tombstone with their key superseded, and
     * checks that the tombstone stays. The topic's compaction lag is one second meanwhile, its own value restored
     * after. The cleaner never touches a partition's active segment, and a segment rolls only when a record is
     * appended once the lag has passed: each round appends one to the partition through {@code appendTo}.
     */
    static void awaitCleaned(String topic, List<ConsumerRecord<String, String>> records,
            ConsumerRecord<String, String> tombstone, IntConsumer appendTo) throws Exception {
        TopicPartition partition = new TopicPartition(topic, tombstone.partition());
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        try (Admin admin = admin(); KafkaConsumer<String, String> reader = reader()) {
            String lag = admin.describeConfigs(List.of(resource)).all().get().get(resource).get(LAG).value();
            setLag(admin, resource, "1000");
            try {
                reader.assign(List.of(partition));
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                    appendTo.accept(partition.partition());
                    return records.stream().allMatch(record -> firstOffsetFrom(reader, partition, record.offset())
                            > record.offset());
                });
                assertThat(firstOffsetFrom(reader, partition, tombstone.offset())).as("the tombstone's offset")
                        .isEqualTo(tombstone.offset());
            } finally {
                setLag(admin, resource, lag);
            }
        }
    }

    /** The offset of the first record at or after the offset: beyond it when the record there was cleaned away. */
    private static long firstOffsetFrom(KafkaConsumer<String, String> reader, TopicPartition partition, long offset) {
        reader.seek(partition, offset);
        List<ConsumerRecord<String, String>> read = reader.poll(Duration.ofSeconds(2)).records(partition);
        return read.isEmpty() ? offset : read.get(0).offset();
    }

    private static void setLag(Admin admin, ConfigResource topic, String millis) throws Exception {
        admin.incrementalAlterConfigs(Map.of(topic, List.of(new AlterConfigOp(new ConfigEntry(LAG, millis),
                AlterConfigOp.OpType.SET)))).all().get();
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TopicWatcher.bootstrapServers()));
    }

    private static KafkaConsumer<String, String> reader() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TopicWatcher.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "compaction-check-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(props);
    }
}
