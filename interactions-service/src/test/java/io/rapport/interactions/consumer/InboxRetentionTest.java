package io.rapport.interactions.consumer;

import static io.rapport.interactions.rest.InteractionsApi.awaitTimelineStatus;
import static io.rapport.interactions.rest.InteractionsApi.sendSnapshot;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.events.EventType;
import io.rapport.events.inbox.InboxRetention;
import io.rapport.events.testing.InboxRecords;
import io.rapport.events.testing.CloudEventSender;
import io.rapport.interactions.rest.InteractionsApi;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** The inbox forgets the events it applied longer ago than its retention (90 days), and only those. */
@QuarkusTest
class InboxRetentionTest {

    private static final String CONSUMER = "interactions.contact-events";

    private final CloudEventSender sender = CloudEventSender.local();
    private final String rep = "rep-" + UUID.randomUUID();

    @Inject
    KafkaClientService kafka;

    @Inject
    EntityManager entityManager;

    @Inject
    InboxRetention retention;

    @BeforeEach
    void awaitPartitionAssignment() {
        InteractionsApi.awaitPartitionAssignment(kafka);
    }

    @AfterEach
    void close() {
        sender.close();
    }

    @Test
    void forgetsTheEventsAppliedBeforeTheRetentionInChunksAndKeepsTheRecentOnes() {
        String old = appliedContactEvent();
        String recent = appliedContactEvent();
        String prefix = "aged-" + UUID.randomUUID() + "-";
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("update processed_event set processed_at = now() - interval '91 days'"
                    + " where consumer = ?1 and event_id = ?2").setParameter(1, CONSUMER).setParameter(2, old)
                    .executeUpdate();
            // more aged rows than one chunk holds, so the purge has to go round more than once
            entityManager.createNativeQuery("insert into processed_event (consumer, event_id, processed_at)"
                    + " select ?1, ?2 || n, now() - interval '100 days' from generate_series(1, 12000) n")
                    .setParameter(1, CONSUMER).setParameter(2, prefix).executeUpdate();
            // just inside the retention: a redelivery of this one must still be recognised
            entityManager.createNativeQuery("insert into processed_event (consumer, event_id, processed_at)"
                    + " values (?1, ?2, now() - interval '89 days')")
                    .setParameter(1, CONSUMER).setParameter(2, prefix + "inside").executeUpdate();
        });

        long purged = retention.purge();

        assertThat(purged).isGreaterThanOrEqualTo(12_001);
        assertThat(remembered(old)).isFalse();
        assertThat(remembered(prefix + "1")).isFalse();
        assertThat(remembered(prefix + "12000")).isFalse();
        assertThat(remembered(recent)).isTrue();
        assertThat(remembered(prefix + "inside")).isTrue();
        assertThat(retention.purge()).isZero();
    }

    /** A contact event the replica has applied: its id is in the inbox. */
    private String appliedContactEvent() {
        UUID contact = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        sendSnapshot(sender, EventType.CONTACT_CREATED, eventId, contact, 0, rep);
        awaitTimelineStatus(contact, 200);
        assertThat(remembered(eventId)).isTrue();
        return eventId;
    }

    private boolean remembered(String eventId) {
        return InboxRecords.count(entityManager, CONSUMER, eventId) == 1;
    }
}
