package io.rapport.events.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.rapport.events.Topic;

/**
 * The AsyncAPI document ({@value #DOCUMENT}) as a test oracle: for each CloudEvents type it names the topic and the
 * schemas of the headers and the data, and {@link #check} fails a test whose published event does not match them.
 */
public final class EventContract {

    public static final String DOCUMENT = "asyncapi/rapport-events.yaml";
    private static final EventContract INSTANCE = new EventContract();

    private final Map<String, String> topics = new TreeMap<>();
    private final Map<String, JsonSchema> payloads = new HashMap<>();
    private final Map<String, JsonSchema> headers = new HashMap<>();
    private final ObjectMapper json = new ObjectMapper();

    private EventContract() {
        JsonNode document = read();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
        document.path("channels").forEach(channel -> channel.path("messages").forEach(reference -> {
            JsonNode message = resolve(document, reference);
            String type = message.path("name").asText();
            topics.put(type, channel.path("address").asText());
            payloads.put(type, factory.getSchema(location(message.path("payload"))));
            headers.put(type, factory.getSchema(location(message.path("headers"))));
        }));
    }

    public static EventContract get() {
        return INSTANCE;
    }

    /** Every CloudEvents type the document describes, with its topic. */
    public Map<String, String> topicsByType() {
        return topics;
    }

    /** Whether the topic is one the document describes (dead-letter topics, holding whatever failed, are not). */
    public boolean covers(String topic) {
        return topics.containsValue(topic);
    }

    /**
     * Fails unless the record is a tombstone as the document allows one: on the compacted contacts topic, keyed by a
     * contact id, without ce_ headers.
     */
    public void checkTombstone(ConsumerRecord<String, String> record) {
        if (!Topic.CONTACTS.topicName().equals(record.topic())) {
            throw new AssertionError("tombstone on " + record.topic() + ": only " + Topic.CONTACTS.topicName()
                    + " is compacted");
        }
        try {
            UUID.fromString(String.valueOf(record.key()));
        } catch (IllegalArgumentException e) {
            throw new AssertionError("tombstone keyed by " + record.key() + ", not a contact id");
        }
        if (record.headers().lastHeader("ce_id") != null || record.headers().lastHeader("ce_type") != null) {
            throw new AssertionError("tombstone for " + record.key() + " carries CloudEvents headers");
        }
    }

    /** Fails with every violation when the record's headers or data do not match what the document says. */
    public void check(ConsumerRecord<String, String> record) {
        String type = TopicWatcher.header(record, "ce_type");
        if (type == null || !topics.containsKey(type)) {
            throw new AssertionError("published event of type " + type + " is not in " + DOCUMENT);
        }
        if (!topics.get(type).equals(record.topic())) {
            throw new AssertionError(type + " was published on " + record.topic() + ", the document says "
                    + topics.get(type));
        }
        ObjectNode headerValues = json.createObjectNode();
        record.headers().forEach(header -> headerValues.put(header.key(), new String(header.value())));
        JsonNode data;
        try {
            data = json.readTree(record.value());
        } catch (IOException e) {
            throw new AssertionError(type + " data is not JSON: " + record.value(), e);
        }
        Set<String> violations = headers.get(type).validate(headerValues).stream()
                .map(message -> "header " + message.getMessage()).collect(Collectors.toCollection(TreeSet::new));
        payloads.get(type).validate(data).stream().map(ValidationMessage::getMessage).forEach(violations::add);
        if (!violations.isEmpty()) {
            throw new AssertionError(type + " does not match " + DOCUMENT + ": " + violations + "\n" + record.value());
        }
    }

    private static SchemaLocation location(JsonNode reference) {
        return SchemaLocation.of("classpath:" + DOCUMENT + reference.path("$ref").asText());
    }

    private static JsonNode resolve(JsonNode document, JsonNode reference) {
        String pointer = reference.path("$ref").asText();
        return pointer.isEmpty() ? reference : document.at(pointer.substring(1));
    }

    private static JsonNode read() {
        try (InputStream in = EventContract.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException(DOCUMENT + " is not on the classpath");
            }
            return new YAMLMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
