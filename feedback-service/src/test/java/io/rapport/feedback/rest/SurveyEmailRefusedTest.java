package io.rapport.feedback.rest;

import static io.rapport.feedback.testing.FeedbackApi.BOUND;
import static io.rapport.feedback.testing.FeedbackApi.as;
import static io.rapport.feedback.testing.FeedbackApi.knownContact;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.rapport.events.testing.CloudEventSender;
import io.rapport.feedback.testing.FeedbackApi;
import io.rapport.feedback.testing.MovableClock;
import io.rapport.feedback.testing.RefusingMailServer;
import io.rapport.mail.testing.Mailbox;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * A mail server that refuses: for now (retried with growing pauses until the attempts run out) or for good (a bounce,
 * not retried); and a sending that a stopped replica left unfinished, given up rather than sent twice.
 */
@QuarkusTest
@TestProfile(SurveyEmailRefusedTest.RefusingMailServerProfile.class)
class SurveyEmailRefusedTest {

    static final RefusingMailServer MAIL_SERVER = new RefusingMailServer();

    public static class RefusingMailServerProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.mailer.port", String.valueOf(MAIL_SERVER.port()),
                    "rapport.delivery.max-attempts", "3",
                    "rapport.delivery.first-retry", "PT1M",
                    "rapport.delivery.poll-interval", "PT0.2S");
        }
    }

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    private final CloudEventSender sender = CloudEventSender.local();
    private final String alice = "alice-" + UUID.randomUUID();

    @Inject
    KafkaClientService kafka;

    @Inject
    EntityManager entityManager;

    @Inject
    MovableClock clock;

    @BeforeEach
    void setUp() {
        FeedbackApi.awaitPartitionAssignment(kafka);
        clock.setTo(NOW);
    }

    @AfterEach
    void tearDown() {
        clock.reset();
        sender.close();
    }

    @Test
    void aMailboxThatIsBusyIsTriedAgainWithGrowingPausesThenGivenUp() {
        String id = emailSurvey(Mailbox.freshAddress("busy"));
        awaitDelivery(id, "QUEUED", 1);
        as(alice, "rep").when().get("/api/v1/surveys/" + id)
                .then().body("deliveryError", is("SMTP 451 4.3.0 Mailbox busy, try again later"));
        assertThat(nextDeliveryAt(id)).isEqualTo(NOW.plus(Duration.ofMinutes(1)));

        clock.advance(Duration.ofMinutes(1));
        awaitDelivery(id, "QUEUED", 2);
        assertThat(nextDeliveryAt(id)).isEqualTo(NOW.plus(Duration.ofMinutes(1 + 2)));

        clock.advance(Duration.ofMinutes(2));
        awaitDelivery(id, "FAILED", 3);
        as(alice, "rep").when().get("/api/v1/surveys/" + id)
                .then().body("sentAt", nullValue()).body("status", is("PENDING"));
        assertThat(storedDeliveryToken(id)).isNull();
    }

    @Test
    void anAddressTheMailServerRefusesForGoodIsABounceAndNotRetried() {
        String id = emailSurvey(Mailbox.freshAddress("bounce"));
        awaitDelivery(id, "BOUNCED", 1);
        as(alice, "rep").when().get("/api/v1/surveys/" + id)
                .then().body("deliveryError", is("SMTP 550 5.1.1 No such user here"));
        assertThat(nextDeliveryAt(id)).isNull();
        assertThat(storedDeliveryToken(id)).isNull();
    }

    @Test
    void aSendingInterruptedByAStoppedReplicaIsGivenUpNotSentTwice() {
        String id = emailSurvey(Mailbox.freshAddress("busy"));
        awaitDelivery(id, "QUEUED", 1);
        // as a replica that stopped while it was talking to the mail server leaves it
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                update survey_request set delivery_status = 'SENDING', sending_since = ?1, next_delivery_at = null
                where id = ?2""").setParameter(1, Timestamp.from(NOW.minus(Duration.ofMinutes(11))))
                .setParameter(2, UUID.fromString(id)).executeUpdate());

        awaitDelivery(id, "FAILED", 1);
        as(alice, "rep").when().get("/api/v1/surveys/" + id)
                .then().body("deliveryError", containsString("not sent again"));
    }

    private String emailSurvey(String address) {
        UUID contact = knownContact(sender, alice, "Ada", address, null);
        return as(alice, "rep").body("{\"contactId\": \"" + contact + "\", \"kind\": \"NPS\", \"channel\": \"EMAIL\"}")
                .when().post("/api/v1/surveys").then().statusCode(201).extract().path("id");
    }

    private void awaitDelivery(String id, String status, int attempts) {
        await().atMost(BOUND).untilAsserted(() -> as(alice, "rep").when().get("/api/v1/surveys/" + id)
                .then().statusCode(200).body("deliveryStatus", is(status)).body("deliveryAttempts", is(attempts)));
    }

    private Instant nextDeliveryAt(String id) {
        Object value = entityManager.createNativeQuery("select next_delivery_at from survey_request where id = ?1")
                .setParameter(1, UUID.fromString(id)).getSingleResult();
        return value == null ? null : toInstant(value);
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime time) {
            return time.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }

    private String storedDeliveryToken(String id) {
        return (String) entityManager.createNativeQuery("select delivery_token from survey_request where id = ?1")
                .setParameter(1, UUID.fromString(id)).getSingleResult();
    }
}
