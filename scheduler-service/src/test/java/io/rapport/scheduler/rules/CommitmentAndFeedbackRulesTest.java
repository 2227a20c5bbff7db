package io.rapport.scheduler.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.events.EventType;
import io.rapport.scheduler.MovableClock;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;

/** COMMITMENT_DUE, RECOVERY from survey answers and APPRECIATION for promoters, fed with real events on Kafka. */
@QuarkusTest
class CommitmentAndFeedbackRulesTest {

    @Inject
    KafkaClientService kafka;
    @Inject
    MovableClock clock;

    private final RulesFixture fixture = new RulesFixture();

    @BeforeEach
    void setUp() {
        // the week the contact was added: no survey is due yet (FEEDBACK_DUE has its own test)
        clock.travelTo(RulesFixture.CREATED.plus(Duration.ofDays(7)));
        fixture.awaitAssignment(kafka);
        fixture.contactEvent(EventType.CONTACT_CREATED, 0, "ACTIVE_CUSTOMER", false);
        fixture.awaitTask("CHECK_IN", "OPEN", "2026-04-01T09:00:00Z");
    }

    @AfterEach
    void close() {
        clock.reset();
        fixture.close();
    }

    @Test
    void aCommitmentIsRemindedBeforeItsDueTimeAndResolvedWhenFulfilled() {
        UUID commitment = UUID.randomUUID();
        fixture.commitment(commitment, 0, "OPEN", Instant.parse("2026-03-10T17:00:00Z"));
        JsonPath tasks = fixture.awaitTask("COMMITMENT_DUE", "OPEN", "2026-03-08T17:00:00Z");
        assertThat(tasks.getString("items.find { it.kind == 'COMMITMENT_DUE' }.reason"))
                .isEqualTo("A promise to the contact is due on 2026-03-10");

        fixture.commitment(commitment, 1, "OPEN", Instant.parse("2026-03-12T17:00:00Z"));
        fixture.awaitTask("COMMITMENT_DUE", "OPEN", "2026-03-10T17:00:00Z");

        fixture.commitment(commitment, 2, "FULFILLED", Instant.parse("2026-03-12T17:00:00Z"));
        fixture.awaitTask("COMMITMENT_DUE", "AUTO_RESOLVED", "2026-03-10T17:00:00Z");
        assertThat(fixture.tasks("OPEN").getList("items.kind")).containsExactly("CHECK_IN");
    }

    @Test
    void aCancelledCommitmentResolvesItsReminder() {
        UUID commitment = UUID.randomUUID();
        fixture.commitment(commitment, 0, "OPEN", Instant.parse("2026-03-10T17:00:00Z"));
        fixture.awaitTask("COMMITMENT_DUE", "OPEN", "2026-03-08T17:00:00Z");
        fixture.commitment(commitment, 1, "CANCELLED", Instant.parse("2026-03-10T17:00:00Z"));
        fixture.awaitTask("COMMITMENT_DUE", "AUTO_RESOLVED", "2026-03-08T17:00:00Z");
    }

    @Test
    void aDetractorOrADissatisfiedClientRaisesRecoveryWithTheScores() {
        fixture.feedback(UUID.randomUUID(), 6, "DETRACTOR", 2, "DISSATISFIED", Instant.parse("2026-03-04T12:00:00Z"));
        JsonPath tasks = fixture.awaitTask("RECOVERY", "OPEN", "2026-03-06T12:00:00Z");
        assertThat(tasks.getString("items.find { it.kind == 'RECOVERY' }.priority")).isEqualTo("HIGH");
        assertThat(tasks.getString("items.find { it.kind == 'RECOVERY' }.reason"))
                .isEqualTo("NPS 6 (detractor) and CSAT 2 (dissatisfied) on 2026-03-04; follow up within 48 h");
    }

    @Test
    void aPromoterIsThankedAndAskedForAReferral() {
        fixture.feedback(UUID.randomUUID(), 9, "PROMOTER", null, null, Instant.parse("2026-03-04T12:00:00Z"));
        JsonPath tasks = fixture.awaitTask("APPRECIATION", "OPEN", "2026-03-07T12:00:00Z");
        assertThat(tasks.getString("items.find { it.kind == 'APPRECIATION' }.reason"))
                .isEqualTo("NPS 9 (promoter) on 2026-03-04: thank them and ask for a referral");
    }

    @Test
    void passivesAndSatisfiedClientsRaiseNothing() {
        fixture.feedback(UUID.randomUUID(), 8, "PASSIVE", 4, "SATISFIED", Instant.parse("2026-03-04T12:00:00Z"));
        UUID promoter = UUID.randomUUID();
        fixture.feedback(promoter, 10, "PROMOTER", null, null, Instant.parse("2026-03-05T12:00:00Z"));
        fixture.awaitTask("APPRECIATION", "OPEN", "2026-03-08T12:00:00Z");
        assertThat(fixture.tasks(null).getList("items.kind")).containsExactlyInAnyOrder("CHECK_IN", "APPRECIATION");
    }
}
