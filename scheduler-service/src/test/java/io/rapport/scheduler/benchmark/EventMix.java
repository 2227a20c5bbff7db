package io.rapport.scheduler.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;

import io.rapport.events.EventType;
import io.rapport.events.testing.CloudEventSender;

/**
 * A realistic day of events for the scheduler, as the contacts and interactions services publish them (binary
 * CloudEvents keyed by contact id): each contact is created, then an inbound email awaiting a reply, the reply, a
 * call (one in ten with negative sentiment) and an inbound message still awaiting a reply. The events of one round
 * go out for all contacts before the next round, so a contact's events interleave with everyone else's.
 * <p>
 * The test consumers read the shared topics, where other test runs publish too: the event ids and owners of one mix
 * start with its own prefix, so that what it caused can be counted apart.
 */
final class EventMix {

    static final int EVENTS_PER_CONTACT = 5;
    private static final int REPS = 50;

    private final String prefix = "ingest-" + UUID.randomUUID().toString().substring(0, 8) + "-";

    /** What the event ids and owners of this mix start with. */
    String prefix() {
        return prefix;
    }

    /**
     * @param now the scheduler's clock: the interactions happen in the two hours before it, so the replies they
     *            await fall due a day later and are not yet swept
     */
    List<ProducerRecord<String, String>> records(int contacts, Instant now) {
        List<UUID> ids = new ArrayList<>(contacts);
        List<UUID> firstInbound = new ArrayList<>(contacts);
        for (int i = 0; i < contacts; i++) {
            ids.add(UUID.randomUUID());
            firstInbound.add(UUID.randomUUID());
        }
        Instant created = now.minus(Duration.ofDays(40));
        Instant touches = now.minus(Duration.ofHours(2));
        List<ProducerRecord<String, String>> records = new ArrayList<>(contacts * EVENTS_PER_CONTACT);
        for (int i = 0; i < contacts; i++) {
            records.add(contactCreated(ids.get(i), owner(i), i, created));
        }
        for (int i = 0; i < contacts; i++) {
            records.add(interaction(ids.get(i), firstInbound.get(i), owner(i), "EMAIL", "INBOUND", touches,
                    true, null, null));
        }
        for (int i = 0; i < contacts; i++) {
            records.add(interaction(ids.get(i), UUID.randomUUID(), owner(i), "EMAIL", "OUTBOUND",
                    touches.plus(Duration.ofMinutes(30)), false, firstInbound.get(i), null));
        }
        for (int i = 0; i < contacts; i++) {
            records.add(interaction(ids.get(i), UUID.randomUUID(), owner(i), "CALL", "OUTBOUND",
                    touches.plus(Duration.ofMinutes(60)), false, null, i % 10 == 0 ? "NEGATIVE" : "POSITIVE"));
        }
        for (int i = 0; i < contacts; i++) {
            records.add(interaction(ids.get(i), UUID.randomUUID(), owner(i), "MESSAGE", "INBOUND",
                    touches.plus(Duration.ofMinutes(90)), true, null, null));
        }
        return records;
    }

    private String owner(int contact) {
        return prefix + "rep-" + contact % REPS;
    }

    private String eventId() {
        return prefix + UUID.randomUUID();
    }

    private ProducerRecord<String, String> contactCreated(UUID id, String owner, int i, Instant created) {
        String stage = switch (i % 3) {
            case 0 -> "PROSPECT";
            case 1 -> "ACTIVE_CUSTOMER";
            default -> "AT_RISK";
        };
        String data = """
                {"id": "%s", "version": 0, "owner": "%s", "firstName": "First%d", "lastName": "Last%d",
                 "displayName": "First%d Last%d", "primaryEmail": "contact-%d@example.com", "lifecycleStage": "%s",
                 "preferredChannel": "EMAIL", "timezone": "Europe/London", "checkInCadenceDays": 30,
                 "importantDates": [{"kind": "BIRTHDAY", "month": %d, "day": %d}], "doNotContact": false,
                 "marketingOptIn": %b, "tags": ["benchmark"], "createdAt": "%s", "updatedAt": "%s"}"""
                .formatted(id, owner, i, i, i, i, i, stage, i % 12 + 1, i % 28 + 1, i % 2 == 0, created, created);
        return CloudEventSender.record(EventType.CONTACT_CREATED, eventId(), id.toString(),
                id.toString(), created, data);
    }

    private ProducerRecord<String, String> interaction(UUID contact, UUID id, String owner, String type,
            String direction, Instant occurredAt, boolean requiresResponse, UUID inReplyTo, String sentiment) {
        String data = """
                {"id": "%s", "version": 0, "contactId": "%s", "owner": "%s", "type": "%s", "direction": "%s",
                 "occurredAt": "%s", "requiresResponse": %b, "inReplyTo": %s, "sentiment": %s,
                 "createdAt": "%s", "updatedAt": "%s"}"""
                .formatted(id, contact, owner, type, direction, occurredAt, requiresResponse, quoted(inReplyTo),
                        quoted(sentiment), occurredAt, occurredAt);
        return CloudEventSender.record(EventType.INTERACTION_LOGGED, eventId(), contact.toString(), id.toString(),
                occurredAt, data);
    }

    private static String quoted(Object value) {
        return value == null ? "null" : "\"" + value + "\"";
    }
}
