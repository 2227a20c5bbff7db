package io.rapport.events.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.rapport.events.EventType;
import io.rapport.events.Topic;

/**
 * The tombstone contacts-service writes after a contact's {@code contact.erased} on the compacted contacts topic
 * (a record with the contact's key and no value) read as that {@code contact.erased}: once the log cleaner has run,
 * a consumer that was away, or one reading the topic from its start, finds the tombstone where the erasure was.
 * The event it stands for has an id drawn from the contact's id, so a tombstone delivered twice is applied once;
 * after the real {@code contact.erased} it changes nothing, erasure being final in every replica.
 */
final class ContactTombstones {

    private ContactTombstones() {
    }

    static boolean isTombstone(ConsumerRecord<String, String> record) {
        return isTombstone(record.topic(), record.value(), record.headers());
    }

    static boolean isTombstone(String topic, Object value, Headers headers) {
        return value == null && Topic.CONTACTS.topicName().equals(topic) && headers.lastHeader("ce_id") == null;
    }

    static IncomingEvent asErasure(ConsumerRecord<String, String> record) {
        return asErasure(record.topic(), record.key(), Instant.ofEpochMilli(record.timestamp()));
    }

    /** @throws UnprocessableEventException when the key is not a contact id */
    static IncomingEvent asErasure(String topic, String key, Instant erasedAt) {
        UUID contactId = contactId(key).orElseThrow(() -> new UnprocessableEventException(
                "tombstone on " + topic + " without a contact id as its key"));
        ObjectNode data = JsonNodeFactory.instance.objectNode()
                .put("id", contactId.toString())
                .put("erasedAt", erasedAt.toString());
        String id = UUID.nameUUIDFromBytes(("tombstone:" + contactId).getBytes(StandardCharsets.UTF_8)).toString();
        EventType erased = EventType.CONTACT_ERASED;
        return new IncomingEvent(id, Optional.of(erased), erased.cloudEventType(), contactId.toString(), key,
                erasedAt, data, null);
    }

    private static Optional<UUID> contactId(String key) {
        try {
            return Optional.ofNullable(key).map(UUID::fromString);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
