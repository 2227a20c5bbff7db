package io.rapport.scheduler.tracing;

import static io.rapport.events.testing.TestTokens.bearer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.events.EventType;
import io.rapport.events.Topic;
import io.rapport.events.testing.CloudEventSender;
import io.rapport.events.testing.ConsumerAssignments;
import io.rapport.events.testing.TopicWatcher;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;

/**
 * A contact event that arrives with a trace context (as another service's outbox relay sends it) is applied in
 * that trace, and the task it raises is published in it too: one trace id from the request that changed the
 * contact to the task.created record, with the consumer's spans recorded in between.
 */
@QuarkusTest
class EventTracingTest {

    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final Instant CREATED = Instant.parse("2026-01-10T09:00:00Z");

    @Inject
    KafkaClientService kafka;

    @Inject
    RecentSpans spans;

    private final String rep = "rep-" + UUID.randomUUID();

    @BeforeEach
    void awaitPartitionAssignment() {
        ConsumerAssignments.await(kafka, "contact-events");
    }

    @Test
    void anEventsTraceRunsThroughTheConsumerIntoTheTaskItRaises() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String parentSpanId = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        UUID contact = UUID.randomUUID();
        String data = """
                {"id": "%s", "version": 0, "owner": "%s", "firstName": "Ada", "lastName": "Lovelace",
                 "displayName": "Ada Lovelace", "checkInCadenceDays": 14, "createdAt": "%s", "updatedAt": "%s"}"""
                .formatted(contact, rep, CREATED, CREATED);
        ProducerRecord<String, String> record = CloudEventSender.record(EventType.CONTACT_CREATED,
                UUID.randomUUID().toString(), contact.toString(), contact.toString(), CREATED, data);
        record.headers().add("traceparent", ("00-" + traceId + "-" + parentSpanId + "-01").getBytes(StandardCharsets.UTF_8));

        try (TopicWatcher tasks = TopicWatcher.local(Topic.TASKS.topicName());
                CloudEventSender sender = CloudEventSender.local()) {
            sender.sendRecord(record);
            await().atMost(BOUND).untilAsserted(() -> given().header("Authorization", bearer(rep, "rep"))
                    .queryParam("contactId", contact.toString()).when().get("/api/v1/tasks")
                    .then().statusCode(200).body("items", hasSize(1)));

            // the task.created record continues the trace
            ConsumerRecord<String, String> created = tasks.await(r -> contact.toString().equals(r.key()), BOUND);
            String traceParent = TopicWatcher.header(created, "traceparent");
            assertThat(traceParent).as("traceparent of task.created").startsWith("00-" + traceId + "-");
        }

        // the consumer applied the event in a span of the event's trace, a child of the sender's span
        await().atMost(BOUND).untilAsserted(() -> assertThat(spans.all())
                .filteredOn(s -> s.getTraceId().equals(traceId))
                .extracting(SpanData::getName, SpanData::getParentSpanId)
                .contains(tuple(EventType.CONTACT_CREATED.cloudEventType() + " process", parentSpanId)));
    }
}
