package io.rapport.events.outbox;

import java.net.URI;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Publishes outbox rows to Kafka as binary-mode CloudEvents, in insertion order, and deletes them once the broker
 * has acknowledged them. A transaction-scoped advisory lock lets one replica relay at a time, which keeps the
 * per-contact order when a service runs several replicas. While the broker is unreachable the rows stay and are
 * retried on the next run: delivery is at-least-once.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Arbitrary, fixed: identifies the relay's advisory lock within the service's own database. */
    private static final long RELAY_LOCK_KEY = 0x0A7B0C5L;

    private final MutinyEmitter<String> emitter;
    private final EntityManager entityManager;
    private final EventsConfig config;

    public OutboxRelay(@Channel("events-out") MutinyEmitter<String> emitter, EntityManager entityManager,
            EventsConfig config) {
        this.emitter = emitter;
        this.entityManager = entityManager;
        this.config = config;
    }

    // the delay leaves reactive messaging time to connect the emitter before the first run
    @Scheduled(every = "${rapport.events.outbox.poll-interval:0.5s}", delayed = "5s",
            concurrentExecution = ConcurrentExecution.SKIP, identity = "outbox-relay")
    void relay() {
        int batchSize = config.outbox().batchSize();
        while (publishBatch() == batchSize) {
            // a full batch: there may be more waiting
        }
    }

    /** @return how many events were published */
    int publishBatch() {
        int timeoutSeconds = (int) config.outbox().sendTimeout().toSeconds() + 20;
        return QuarkusTransaction.requiringNew().timeout(timeoutSeconds).call(() -> {
            if (!tryRelayLock()) {
                return 0;
            }
            List<OutboxEvent> batch = entityManager
                    .createQuery("from OutboxEvent order by seq", OutboxEvent.class)
                    .setMaxResults(config.outbox().batchSize())
                    .getResultList();
            List<CompletableFuture<Void>> acks = new ArrayList<>(batch.size());
            for (OutboxEvent event : batch) {
                acks.add(emitter.sendMessage(toMessage(event)).subscribeAsCompletionStage());
            }
            int published = 0;
            for (int i = 0; i < batch.size(); i++) {
                if (!awaitAck(acks.get(i), batch.get(i))) {
                    break; // keep the rest for the next run, in order
                }
                entityManager.remove(batch.get(i));
                published++;
            }
            return published;
        });
    }

    private boolean tryRelayLock() {
        Object locked = entityManager.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                .setParameter(1, RELAY_LOCK_KEY)
                .getSingleResult();
        return Boolean.TRUE.equals(locked);
    }

    private boolean awaitAck(CompletableFuture<Void> ack, OutboxEvent event) {
        try {
            ack.get(config.outbox().sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            LOG.warnf("Event %s (%s) not yet published, will retry: %s", event.id, event.type, e.getMessage());
            return false;
        }
    }

    private Message<String> toMessage(OutboxEvent event) {
        OutgoingCloudEventMetadata<String> cloudEvent = OutgoingCloudEventMetadata.<String>builder()
                .withId(event.id.toString())
                .withType(event.type)
                .withSource(URI.create(config.source()))
                .withSubject(event.subject)
                .withTimestamp(event.occurredAt.atZone(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .build();
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(event.topic)
                .withKey(event.key)
                .build();
        return Message.of(event.payload).addMetadata(cloudEvent).addMetadata(kafka);
    }
}
