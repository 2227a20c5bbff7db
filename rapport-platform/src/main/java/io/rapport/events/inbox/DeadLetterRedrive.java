package io.rapport.events.inbox;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import io.rapport.failure.TransientFailure;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import javax.sql.DataSource;

/**
 * Applies the dead letters of this service's consumers again, once whatever made them fail is fixed. Each dead
 * letter goes back through the handler of the channel it came from ({@link InboxChannel}, by its
 * {@code dead-letter-topic} header), in the inbox, so an event applied before is skipped: re-driving is idempotent.
 * A dead letter that fails again is written back to the dead-letter topic with the new reason, so a later redrive
 * sees it again. How far the redrive has read is the committed offset of the consumer group
 * {@code <application>-redrive}.
 */
@ApplicationScoped
public class DeadLetterRedrive {

    private static final Logger LOG = Logger.getLogger(DeadLetterRedrive.class);
    private static final Duration POLL = Duration.ofMillis(500);
    /** How long a redrive waits for letters it knows are there before it stops (the broker away). */
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** How long a call to the broker may take before the operator is told it is away. */
    private static final int BROKER_PATIENCE_MS = 2_000;
    /** How long the redrive's last commit may wait for the broker. */
    private static final Duration COMMIT_PATIENCE = Duration.ofSeconds(30);
    /** Arbitrary, fixed: identifies the redrive's advisory lock within the service's database. */
    private static final long REDRIVE_LOCK = 0x52_45_44_52_49_56_45L;

    /** What one redrive did. */
    public record Outcome(int read, int applied, int alreadyApplied, int deadAgain) {

        Outcome plus(Outcome other) {
            return new Outcome(read + other.read, applied + other.applied, alreadyApplied + other.alreadyApplied,
                    deadAgain + other.deadAgain);
        }
    }

    private final Instance<InboxChannel> channels;
    private final Inbox inbox;
    private final Config config;
    private final Map<String, Object> kafka;
    private final DataSource dataSource;

    public DeadLetterRedrive(Instance<InboxChannel> channels, Inbox inbox, Config config,
            @Identifier("default-kafka-broker") Map<String, Object> kafka, DataSource dataSource) {
        this.dataSource = dataSource;
        this.channels = channels;
        this.inbox = inbox;
        this.config = config;
        this.kafka = kafka;
    }

    /** The dead letters not re-driven yet, by dead-letter topic. */
    public Map<String, Long> pending() {
        Map<String, Long> pending = new LinkedHashMap<>();
        KafkaConsumer<String, String> consumer = consumer();
        try {
            for (String topic : deadLetterTopics()) {
                Map<TopicPartition, Long> ends = consumer.endOffsets(partitions(consumer, topic));
                Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(ends.keySet());
                pending.put(topic, ends.entrySet().stream().mapToLong(end -> end.getValue()
                        - (committed.get(end.getKey()) == null ? beginning(consumer, end.getKey())
                                : committed.get(end.getKey()).offset()))
                        .sum());
            }
        } finally {
            consumer.close(Duration.ofMillis(500)); // not the client's default half-minute
        }
        return pending;
    }

    /**
     * Re-drives every dead letter written so far, once. One redrive runs at a time across the replicas (a
     * PostgreSQL advisory lock): two would read the same letters and write back those that fail twice.
     *
     * @throws RedriveRunning when another redrive is running
     */
    public Outcome redrive() {
        try (Connection lockHolder = dataSource.getConnection()) {
            if (!advisoryLock(lockHolder, "pg_try_advisory_lock")) {
                throw new RedriveRunning();
            }
            try {
                Outcome total = new Outcome(0, 0, 0, 0);
                try (KafkaConsumer<String, String> consumer = consumer()) {
                    KafkaProducer<String, String> producer = producer();
                    try {
                        for (String topic : deadLetterTopics()) {
                            total = total.plus(redrive(topic, consumer, producer));
                        }
                    } finally {
                        producer.close(Duration.ofSeconds(10));
                    }
                }
                return total;
            } finally {
                advisoryLock(lockHolder, "pg_advisory_unlock");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The redrive lock could not be taken: " + e.getMessage(), e);
        }
    }

    private static boolean advisoryLock(Connection connection, String function) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select " + function + "(?)")) {
            statement.setLong(1, REDRIVE_LOCK);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    /** Another replica, or another request, is re-driving the dead letters now. */
    public static class RedriveRunning extends RuntimeException {

        RedriveRunning() {
            super("A redrive of the dead letters is running; try again when it is done");
        }
    }

    private Outcome redrive(String deadLetterTopic, KafkaConsumer<String, String> consumer,
            KafkaProducer<String, String> producer) {
        Map<String, InboxChannel> byTopic = channelsByTopic(deadLetterTopic);
        List<TopicPartition> partitions = partitions(consumer, deadLetterTopic);
        consumer.assign(partitions);
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions));
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions); // what was there when the redrive began
        Map<TopicPartition, Long> next = new HashMap<>();
        for (TopicPartition partition : partitions) {
            long from = committed.get(partition) == null ? beginning(consumer, partition)
                    : committed.get(partition).offset();
            consumer.seek(partition, from);
            next.put(partition, from);
        }
        int read = 0;
        int applied = 0;
        int already = 0;
        int deadAgain = 0;
        Instant giveUp = Instant.now().plus(PATIENCE);
        try {
            while (next.entrySet().stream().anyMatch(position -> position.getValue() < ends.get(position.getKey()))) {
                if (Instant.now().isAfter(giveUp)) {
                    LOG.warnf("Redrive of %s stopped: no dead letter read for %s", deadLetterTopic, PATIENCE);
                    break; // what was read is committed below; the next redrive goes on from there
                }
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    giveUp = Instant.now().plus(PATIENCE);
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= ends.get(partition)) {
                        continue; // written back during this redrive: the next one sees it
                    }
                    read++;
                    try {
                        InboxChannel channel = byTopic.get(header(record, "dead-letter-topic"));
                        if (channel == null) {
                            throw new UnprocessableEventException("no consumer of this service reads topic "
                                    + header(record, "dead-letter-topic"));
                        }
                        if (inbox.applyAgain(channel, inbox.read(record))) {
                            applied++;
                        } else {
                            already++;
                        }
                    } catch (RuntimeException failedAgain) {
                        if (TransientFailure.isTransient(failedAgain)) {
                            throw failedAgain; // the database is away: stop here, the rest waits for the next try
                        }
                        deadAgain++;
                        LOG.warnf("Dead letter %s-%d@%d failed again: %s", record.topic(), record.partition(),
                                record.offset(), failedAgain.getMessage());
                        writeBack(producer, record, failedAgain);
                    }
                    next.put(partition, record.offset() + 1);
                }
                // past what the poll skipped (transaction markers), never past where the redrive began
                partitions.forEach(partition -> next.put(partition,
                        Math.min(consumer.position(partition), ends.get(partition))));
            }
        } finally {
            // given longer than a call to a broker that went away: letters applied and written back must not be
            // written back again by the next redrive for want of this commit
            consumer.commitSync(next.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                    position -> new OffsetAndMetadata(position.getValue()))), COMMIT_PATIENCE);
        }
        LOG.infof("Re-drove %d dead letters of %s: %d applied, %d applied before, %d failed again", read,
                deadLetterTopic, applied, already, deadAgain);
        return new Outcome(read, applied, already, deadAgain);
    }

    /** Writes the letter back, and waits for the broker to have it before the redrive moves past it. */
    private static void writeBack(KafkaProducer<String, String> producer, ConsumerRecord<String, String> record,
            RuntimeException failure) {
        try {
            producer.send(writtenBack(record, failure)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing a dead letter back", e);
        } catch (ExecutionException | TimeoutException e) {
            // the broker went away during the redrive: what was read so far is committed, the rest waits
            throw new org.apache.kafka.common.errors.TimeoutException("A dead letter could not be written back: "
                    + e.getMessage(), e);
        }
    }

    private static ProducerRecord<String, String> writtenBack(ConsumerRecord<String, String> record,
            RuntimeException failure) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().equals("dead-letter-reason") && !header.key().equals("dead-letter-cause")) {
                headers.add(header);
            }
        }
        headers.add("dead-letter-reason", String.valueOf(failure.getMessage()).getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(record.topic(), null, record.key(), record.value(), headers);
    }

    /** The channels whose dead letters go to the topic, by the topic they read. */
    private Map<String, InboxChannel> channelsByTopic(String deadLetterTopic) {
        Map<String, InboxChannel> byTopic = new HashMap<>();
        for (InboxChannel channel : channels) {
            if (deadLetterTopic(channel).equals(deadLetterTopic)) {
                byTopic.put(config.getValue("mp.messaging.incoming." + channel.channel() + ".topic", String.class),
                        channel);
            }
        }
        return byTopic;
    }

    private List<String> deadLetterTopics() {
        return channels.stream().map(this::deadLetterTopic).distinct().sorted().toList();
    }

    private String deadLetterTopic(InboxChannel channel) {
        // SmallRye's default name when none is configured
        return config.getOptionalValue("mp.messaging.incoming." + channel.channel() + ".dead-letter-queue.topic",
                String.class).orElse("dead-letter-topic-" + channel.channel());
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer, String topic) {
        return consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
    }

    private static long beginning(KafkaConsumer<String, String> consumer, TopicPartition partition) {
        return consumer.beginningOffsets(List.of(partition)).get(partition);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private KafkaConsumer<String, String> consumer() {
        Map<String, Object> properties = new HashMap<>(kafka);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, config.getValue("quarkus.application.name", String.class)
                + "-redrive");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // a committed position the topic's retention has passed resumes at the oldest letter kept, not the newest
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        // an operator's request waits seconds for a broker that went away, not the client's default minute
        properties.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, BROKER_PATIENCE_MS);
        properties.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, BROKER_PATIENCE_MS);
        return new KafkaConsumer<>(properties);
    }

    private KafkaProducer<String, String> producer() {
        Map<String, Object> properties = new HashMap<>(kafka);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, BROKER_PATIENCE_MS);
        return new KafkaProducer<>(properties);
    }
}
