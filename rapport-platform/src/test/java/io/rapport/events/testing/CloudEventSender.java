package io.rapport.events.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import io.rapport.events.EventType;

/** Publishes binary-mode CloudEvents (or deliberately broken records) straight to Kafka, as another service would. */
public final class CloudEventSender implements AutoCloseable {

    private final KafkaProducer<String, String> producer;

    public CloudEventSender(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producer = new KafkaProducer<>(props);
    }

    public static CloudEventSender local() {
        return new CloudEventSender(TopicWatcher.bootstrapServers());
    }

    public void send(EventType type, String eventId, String key, String subject, Instant time, String json) {
        sendRecord(record(type, eventId, key, subject, time, json));
    }

    /**
     * The record {@link #send} publishes: the JSON data as the value, the CloudEvent attributes as {@code ce_}
     * headers. For callers with a producer of their own, e.g. one that sends without waiting for each ack.
     */
    public static ProducerRecord<String, String> record(EventType type, String eventId, String key, String subject,
            Instant time, String json) {
        ProducerRecord<String, String> record = new ProducerRecord<>(type.topic().topicName(), key, json);
        record.headers()
                .add("ce_specversion", bytes("1.0"))
                .add("ce_id", bytes(eventId))
                .add("ce_type", bytes(type.cloudEventType()))
                .add("ce_source", bytes("/rapport/tests"))
                .add("ce_subject", bytes(subject))
                .add("ce_time", bytes(time.toString()))
                .add("content-type", bytes("application/json"));
        return record;
    }

    /** Sends a record as-is, e.g. to check what a consumer does with a poison message. */
    public void sendRecord(ProducerRecord<String, String> record) {
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused the record", e.getCause());
        }
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close();
    }
}
