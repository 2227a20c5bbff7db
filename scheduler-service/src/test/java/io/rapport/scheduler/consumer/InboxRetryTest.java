package io.rapport.scheduler.consumer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.events.EventType;
import io.rapport.events.inbox.EventHandler;
import io.rapport.events.inbox.Inbox;
import io.rapport.events.inbox.InboxReadiness;
import io.rapport.events.inbox.IncomingEvent;
import io.rapport.events.inbox.UnprocessableEventException;
import io.rapport.events.testing.InboxRecords;
import io.smallrye.reactive.messaging.ce.impl.DefaultIncomingCloudEventMetadata;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PessimisticLockException;

/**
 * The platform inbox as every consumer uses it: a failure is retried in a fresh transaction and the event applied
 * once; while the database is away the event waits as long as it takes and the service reports not ready; an event
 * that cannot be applied, or another failure that persists, is nacked (dead-lettered by the channel).
 */
@QuarkusTest
class InboxRetryTest {

    private static final String CONSUMER = "inbox-retry-test";

    @Inject
    Inbox inbox;
    @Inject
    @Readiness
    InboxReadiness readiness;
    @Inject
    EntityManager entityManager;

    @Test
    void aFailureThatPassesIsRetriedAndTheEventAppliedOnce() {
        AtomicInteger attempts = new AtomicInteger();
        AtomicInteger applied = new AtomicInteger();
        EventHandler flaky = event -> {
            if (attempts.incrementAndGet() < 3) {
                throw new PessimisticLockException("could not obtain lock (attempt " + attempts.get() + ")");
            }
            applied.incrementAndGet();
        };
        Delivery delivery = new Delivery();

        delivery.process(inbox, flaky);
        assertThat(delivery.outcome()).isEqualTo("ack");
        assertThat(attempts).hasValue(3);
        assertThat(applied).hasValue(1);
        assertThat(processedRecords(delivery.eventId)).isEqualTo(1);

        // delivered again: recorded as processed, so not applied again
        Delivery again = delivery.redelivered();
        again.process(inbox, flaky);
        assertThat(again.outcome()).isEqualTo("ack");
        assertThat(applied).hasValue(1);
    }

    @Test
    void anEventThatCannotBeAppliedIsNackedWithoutRetries() {
        AtomicInteger attempts = new AtomicInteger();
        Delivery delivery = new Delivery();
        delivery.process(inbox, event -> {
            attempts.incrementAndGet();
            throw new UnprocessableEventException("lacks an owner");
        });
        assertThat(delivery.outcome()).isEqualTo("nack: lacks an owner");
        assertThat(attempts).hasValue(1);
        assertThat(processedRecords(delivery.eventId)).isZero();
    }

    @Test
    void whileTheDatabaseIsAwayTheEventWaitsTheServiceIsNotReadyAndNothingIsDeadLettered() {
        AtomicInteger attempts = new AtomicInteger();
        AtomicInteger applied = new AtomicInteger();
        List<String> readinessWhileWaiting = new ArrayList<>();
        EventHandler databaseAway = event -> {
            if (attempts.incrementAndGet() <= 8) { // twice the retries any other failure gets
                if (attempts.get() > 1) {
                    readinessWhileWaiting.add(readiness.call().getStatus().name());
                }
                throw new PersistenceException("Unable to acquire JDBC Connection",
                        new SQLException("Connection to localhost:5432 refused", "08001"));
            }
            applied.incrementAndGet();
        };
        Delivery delivery = new Delivery();

        delivery.process(inbox, databaseAway);

        assertThat(delivery.outcome()).isEqualTo("ack");
        assertThat(applied).hasValue(1);
        assertThat(processedRecords(delivery.eventId)).isEqualTo(1);
        assertThat(readinessWhileWaiting).hasSize(7).containsOnly("DOWN");
        assertThat(readiness.call().getStatus().name()).isEqualTo("UP");
        given().when().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void aFailureThatPersistsIsNackedAfterTheRetries() {
        AtomicInteger attempts = new AtomicInteger();
        Delivery delivery = new Delivery();
        long start = System.nanoTime();
        delivery.process(inbox, event -> {
            attempts.incrementAndGet();
            throw new PessimisticLockException("could not obtain lock");
        });
        assertThat(delivery.outcome()).startsWith("nack");
        assertThat(attempts).hasValue(5); // the first try and four retries
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        assertThat(processedRecords(delivery.eventId)).isZero(); // a later redelivery may still apply it
    }

    private long processedRecords(String eventId) {
        return InboxRecords.count(entityManager, CONSUMER, eventId);
    }

    /** One delivery of a contact.created CloudEvent, recording whether the inbox acked or nacked it. */
    private static final class Delivery {

        final String eventId;
        private final AtomicReference<String> outcome = new AtomicReference<>();

        Delivery() {
            this(UUID.randomUUID().toString());
        }

        private Delivery(String eventId) {
            this.eventId = eventId;
        }

        Delivery redelivered() {
            return new Delivery(eventId);
        }

        void process(Inbox inbox, EventHandler handler) {
            UUID contact = UUID.randomUUID();
            var cloudEvent = new DefaultIncomingCloudEventMetadata<>("1.0", eventId,
                    URI.create("/rapport/contacts-service"), EventType.CONTACT_CREATED.cloudEventType(),
                    "application/json", null, contact.toString(), ZonedDateTime.now(), Map.of(), null);
            Message<String> message = Message.of("{\"id\": \"" + contact + "\"}", Metadata.of(cloudEvent),
                    () -> {
                        outcome.set("ack");
                        return CompletableFuture.completedFuture(null);
                    },
                    failure -> {
                        outcome.set("nack: " + failure.getMessage());
                        return CompletableFuture.completedFuture(null);
                    });
            inbox.process(message, CONSUMER, handler).toCompletableFuture().join();
        }

        String outcome() {
            return outcome.get();
        }
    }
}
