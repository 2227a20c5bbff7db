package io.rapport.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.rapport.events.testing.EventContract;

/** The AsyncAPI document describes every event type on its topic, and the check catches each kind of mismatch. */
class EventContractTest {

    private static final String TASK = """
            {"id": "6f1c1d2e-8f4b-4c39-9c55-4a7a3f0e2b11", "version": 0,
             "contactId": "0b6f7e1a-4d2c-4f6e-8a3b-2c1d0e9f8a7b", "owner": "alice", "kind": "CHECK_IN",
             "status": "OPEN", "priority": "NORMAL", "dueAt": "2026-12-01T09:00:00Z", "rule": "check-in-cadence", "sourceEventIds": ["e-1"], "createdAt": "2026-11-01T09:00:00Z",
             "updatedAt": "2026-11-01T09:00:00Z"}""";

    private final EventContract contract = EventContract.get();

    @Test
    void everyEventTypeIsDescribedOnItsTopicAndNothingElse() {
        Map<String, String> expected = Arrays.stream(EventType.values())
                .collect(Collectors.toMap(EventType::cloudEventType, type -> type.topic().topicName()));
        assertThat(contract.topicsByType()).isEqualTo(expected);
    }

    @Test
    void anEventAsTheDocumentDescribesItPasses() {
        assertThatCode(() -> contract.check(record("rapport.tasks.v1", "rapport.task.created.v1", TASK)))
                .doesNotThrowAnyException();
    }

    @Test
    void eachKindOfMismatchFails() {
        assertThatThrownBy(() -> contract.check(record("rapport.tasks.v1", "rapport.task.created.v1",
                TASK.replace("\"kind\": \"CHECK_IN\",", "")))).hasMessageContaining("kind");
        assertThatThrownBy(() -> contract.check(record("rapport.tasks.v1", "rapport.task.created.v1",
                TASK.replace("\"NORMAL\"", "\"SOMEDAY\"")))).hasMessageContaining("priority");
        assertThatThrownBy(() -> contract.check(record("rapport.tasks.v1", "rapport.task.created.v1",
                TASK.replace("\"version\": 0,", "\"version\": 0, \"secret\": 1,")))).hasMessageContaining("secret");
        assertThatThrownBy(() -> contract.check(record("rapport.tasks.v1", "rapport.task.created.v1",
                TASK.replace("2026-12-01T09:00:00Z", "next week")))).hasMessageContaining("dueAt");
        assertThatThrownBy(() -> contract.check(record("rapport.contacts.v1", "rapport.task.created.v1", TASK)))
                .hasMessageContaining("rapport.contacts.v1");
        assertThatThrownBy(() -> contract.check(record("rapport.tasks.v1", "rapport.task.forgotten.v1", TASK)))
                .hasMessageContaining("not in");
    }

    private static ConsumerRecord<String, String> record(String topic, String type, String data) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(topic, 0, 0L, "key", data);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", "e-1");
        header(record, "ce_source", "/rapport/scheduler-service");
        header(record, "ce_type", type);
        return record;
    }

    private static void header(ConsumerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
