package io.rapport.scheduler.health.service;

import static io.rapport.scheduler.health.service.HealthScorerTest.NOW;
import static io.rapport.scheduler.health.service.HealthScorerTest.facts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.rapport.scheduler.health.HealthBand;

/** When the sweep must look at a score again: the first instant it falls into a lower band with nothing happening. */
class RecheckForecastTest {

    private final HealthScorer scorer = new HealthScorer(TestHealthConfig.defaults());
    private final RecheckForecast forecast = new RecheckForecast(scorer);

    @Test
    void aHealthyContactTurnsWatchOnceItsLastTouchIsOldEnough() {
        HealthFacts facts = facts().build(); // touched now, cadence 30 days, nothing else

        Instant drop = forecast.nextDrop(facts, NOW, HealthBand.HEALTHY).orElseThrow();

        // recency 75 × (2 − elapsed / cadence) rounds below 70 past 1 + 5.5/75 cadences: 32.2 days
        assertThat(Duration.between(NOW, drop).toSeconds())
                .isCloseTo(Duration.ofHours(32 * 24 + 4).plusMinutes(48).toSeconds(), within(1L));
        assertThat(scorer.score(facts, drop.minusSeconds(1)).band()).isEqualTo(HealthBand.HEALTHY);
        assertThat(scorer.score(facts, drop).band()).isEqualTo(HealthBand.WATCH);
    }

    @Test
    void fromWatchTheNextRecheckIsTheFallToAtRiskAndFromAtRiskThereIsNone() {
        HealthFacts facts = facts().build();
        Instant watch = forecast.nextDrop(facts, NOW, HealthBand.HEALTHY).orElseThrow();

        Instant atRisk = forecast.nextDrop(facts, watch, HealthBand.WATCH).orElseThrow();

        assertThat(scorer.score(facts, atRisk.minusSeconds(1)).band()).isEqualTo(HealthBand.WATCH);
        assertThat(scorer.score(facts, atRisk).band()).isEqualTo(HealthBand.AT_RISK);
        assertThat(forecast.nextDrop(facts, atRisk, HealthBand.AT_RISK)).isEmpty();
    }

    @Test
    void aCommitmentFallingOverdueIsTheMomentTheBandDrops() {
        Instant due = NOW.plus(Duration.ofDays(2));
        HealthFacts facts = facts().cadenceDays(365).commitments(List.of(new HealthFacts.Commitment(due, null))).build();
        assertThat(scorer.score(facts, NOW).band()).isEqualTo(HealthBand.HEALTHY);

        // once due, the commitment is broken so far: (30 × 100 + 15 × 0) / 45 = 67
        assertThat(forecast.nextDrop(facts, NOW, HealthBand.HEALTHY)).contains(due);
    }

    @Test
    void noRecheckWhenTimeAloneCannotMoveTheScoreIntoALowerBand() {
        // once recency is 0: (30 × 0 + 20 × 100 + 20 × 100) / 70 = 57, still WATCH
        HealthFacts facts = facts().sentiments(List.of("VERY_POSITIVE"))
                .nps(new HealthFacts.Survey(10, "PROMOTER", NOW)).build();
        Instant watch = forecast.nextDrop(facts, NOW, HealthBand.HEALTHY).orElseThrow();

        assertThat(forecast.nextDrop(facts, watch, HealthBand.WATCH)).isEmpty();
    }

    @Test
    void aMessageAwaitingAReplyBringsTheDropForward() {
        HealthFacts quiet = facts().build();
        HealthFacts waiting = facts().awaitingReply(List.of(NOW)).build();

        Instant drop = forecast.nextDrop(waiting, NOW, HealthBand.HEALTHY).orElseThrow();

        assertThat(drop).isBefore(forecast.nextDrop(quiet, NOW, HealthBand.HEALTHY).orElseThrow());
        assertThat(scorer.score(waiting, drop).band()).isEqualTo(HealthBand.WATCH);
        assertThat(scorer.score(waiting, drop.minusSeconds(1)).band()).isEqualTo(HealthBand.HEALTHY);
    }

    @Test
    void theDropIsTheFirstWholeSecondOfTheLowerBandWhenTheFactsAndNowFallBetweenSeconds() {
        HealthFacts facts = facts().since(NOW.minusMillis(250)).awaitingReply(List.of(NOW.minusMillis(600))).build();
        Instant now = NOW.plusMillis(700);

        Instant drop = forecast.nextDrop(facts, now, HealthBand.HEALTHY).orElseThrow();

        assertThat(drop.getNano()).isZero();
        assertThat(drop).isAfter(now);
        assertThat(scorer.score(facts, drop).band()).isEqualTo(HealthBand.WATCH);
        assertThat(scorer.score(facts, drop.minusSeconds(1)).band()).isEqualTo(HealthBand.HEALTHY);
    }
}
