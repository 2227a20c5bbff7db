package io.rapport.scheduler.health.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.rapport.scheduler.health.HealthBand;
import io.rapport.scheduler.health.HealthComponent;
import io.rapport.scheduler.health.HealthFactor;
import io.rapport.scheduler.health.config.HealthConfig;

/** The score, component by component, as a pure function of the facts and the instant. */
class HealthScorerTest {

    static final Instant NOW = Instant.parse("2026-04-01T09:00:00Z");

    private final HealthScorer scorer = new HealthScorer(TestHealthConfig.defaults());

    @Test
    void recencyIsFullJustAfterATouchPointThreeQuartersAtTheCadenceAndZeroOneCadenceLater() {
        assertThat(component(touchedDaysAgo(0), HealthFactor.RECENCY).score()).isEqualTo(100);
        assertThat(component(touchedDaysAgo(15), HealthFactor.RECENCY).score()).isEqualTo(88);
        assertThat(component(touchedDaysAgo(30), HealthFactor.RECENCY).score()).isEqualTo(75);
        assertThat(component(touchedDaysAgo(45), HealthFactor.RECENCY).score()).isEqualTo(38);
        assertThat(component(touchedDaysAgo(60), HealthFactor.RECENCY).score()).isZero();
        assertThat(component(touchedDaysAgo(90), HealthFactor.RECENCY).score()).isZero();

        HealthComponent lapsed = component(touchedDaysAgo(47), HealthFactor.RECENCY);
        assertThat(lapsed.explanation()).isEqualTo("last touch-point 47 days ago; cadence 30 days");
        assertThat(lapsed.facts()).containsEntry("daysSince", 47).containsEntry("cadenceDays", 30)
                .containsEntry("lastTouchAt", NOW.minus(Duration.ofDays(47)).toString());
    }

    @Test
    void recencyOfAContactNeverTouchedCountsFromItsCreation() {
        HealthFacts facts = new HealthFacts(NOW.minus(Duration.ofDays(12)), false, 30, List.of(), Optional.empty(),
                Optional.empty(), List.of(), List.of(), false);
        HealthComponent recency = component(facts, HealthFactor.RECENCY);
        assertThat(recency.explanation()).isEqualTo("no touch-point since the contact was added 12 days ago; cadence 30 days");
        assertThat(recency.facts()).containsKey("contactCreatedAt");
    }

    @Test
    void sentimentIsTheMeanOfTheLatestTheNewestWeighingMost() {
        HealthComponent improving = component(facts().sentiments(List.of("NEGATIVE", "NEUTRAL", "POSITIVE")).build(),
                HealthFactor.SENTIMENT);
        assertThat(improving.score()).isEqualTo(58); // (25 + 2 * 50 + 3 * 75) / 6
        assertThat(improving.explanation())
                .isEqualTo("latest 3 sentiments, oldest first: negative, neutral, positive; improving");
        assertThat(improving.facts()).containsEntry("trend", "improving");

        HealthComponent declining = component(facts().sentiments(List.of("VERY_POSITIVE", "VERY_NEGATIVE")).build(),
                HealthFactor.SENTIMENT);
        assertThat(declining.score()).isEqualTo(33); // (100 + 2 * 0) / 3
        assertThat(declining.facts()).containsEntry("trend", "declining");

        assertThat(component(facts().build(), HealthFactor.SENTIMENT).hasData()).isFalse();
    }

    @Test
    void feedbackIsTheLatestNpsAndCsatOnAHundredPointScale() {
        HealthFacts.Survey nps = new HealthFacts.Survey(9, "PROMOTER", Instant.parse("2026-03-10T12:00:00Z"));
        HealthFacts.Survey csat = new HealthFacts.Survey(4, "SATISFIED", Instant.parse("2026-03-11T12:00:00Z"));
        assertThat(component(facts().nps(nps).build(), HealthFactor.FEEDBACK).score()).isEqualTo(90);
        assertThat(component(facts().csat(csat).build(), HealthFactor.FEEDBACK).score()).isEqualTo(75);

        HealthComponent both = component(facts().nps(nps).csat(csat).build(), HealthFactor.FEEDBACK);
        assertThat(both.score()).isEqualTo(83); // (90 + 75) / 2, rounded half up
        assertThat(both.explanation())
                .isEqualTo("NPS 9 (promoter) on 2026-03-10; CSAT 4 (satisfied) on 2026-03-11");
        assertThat(both.facts()).containsEntry("npsScore", 9).containsEntry("csatScore", 4);

        HealthComponent none = component(facts().build(), HealthFactor.FEEDBACK);
        assertThat(none.hasData()).isFalse();
        assertThat(none.explanation()).isEqualTo("no survey answered yet");
    }

    @Test
    void commitmentsKeptOnTimeCountFullyKeptLateHalfOverdueNothingAndNotYetDueNotAtAll() {
        Instant due = NOW.minus(Duration.ofDays(5));
        HealthFacts facts = facts().commitments(List.of(
                new HealthFacts.Commitment(due, due.minus(Duration.ofHours(1))),
                new HealthFacts.Commitment(due, due.plus(Duration.ofDays(1))),
                new HealthFacts.Commitment(due, null),
                new HealthFacts.Commitment(NOW.plus(Duration.ofDays(3)), null))).build();
        HealthComponent commitments = component(facts, HealthFactor.COMMITMENTS);
        assertThat(commitments.score()).isEqualTo(50); // (1 + 1/2 + 0) / 3
        assertThat(commitments.explanation()).isEqualTo("kept 2 of 3 commitments due (1 late); 1 overdue");
        assertThat(commitments.facts()).containsEntry("keptOnTime", 1).containsEntry("keptLate", 1)
                .containsEntry("overdue", 1).containsEntry("notYetDue", 1);

        HealthComponent notYetDue = component(facts().commitments(
                List.of(new HealthFacts.Commitment(NOW.plus(Duration.ofDays(3)), null))).build(),
                HealthFactor.COMMITMENTS);
        assertThat(notYetDue.hasData()).isFalse();
        assertThat(notYetDue.explanation()).isEqualTo("no commitment kept or due yet (1 open)");
    }

    @Test
    void anUnansweredMessageCostsMoreTheLongerItWaits() {
        assertThat(component(facts().build(), HealthFactor.UNANSWERED).hasData()).isFalse();
        assertThat(component(facts().everAskedToReply().build(), HealthFactor.UNANSWERED).score()).isEqualTo(100);

        HealthFacts waiting = facts().awaitingReply(List.of(NOW.minus(Duration.ofHours(36)), NOW.minus(Duration.ofHours(2))))
                .build();
        HealthComponent unanswered = component(waiting, HealthFactor.UNANSWERED);
        assertThat(unanswered.score()).isEqualTo(50); // the oldest has waited half of the 72 h
        assertThat(unanswered.explanation()).isEqualTo("2 inbound messages await a reply, the oldest for 36 h");
        assertThat(component(facts().awaitingReply(List.of(NOW.minus(Duration.ofDays(4)))).build(),
                HealthFactor.UNANSWERED).score()).isZero();
    }

    @Test
    void componentsWithoutDataAreLeftOutAndTheWeightsRenormalised() {
        HealthScore recencyOnly = scorer.score(touchedDaysAgo(30), NOW);
        assertThat(recencyOnly.score()).isEqualTo(75);
        assertThat(recencyOnly.components()).extracting(HealthComponent::factor).containsExactly(HealthFactor.values());
        assertThat(recencyOnly.components()).filteredOn(HealthComponent::hasData).singleElement()
                .satisfies(recency -> assertThat(recency.effectiveWeight()).isEqualTo(1.0));

        // recency 100 weighs 30, a detractor's NPS 0 weighs 20: 30 * 100 / 50
        HealthScore withSurvey = scorer.score(facts()
                .nps(new HealthFacts.Survey(0, "DETRACTOR", NOW.minus(Duration.ofDays(1)))).build(), NOW);
        assertThat(withSurvey.score()).isEqualTo(60);
        assertThat(withSurvey.band()).isEqualTo(HealthBand.WATCH);
        assertThat(withSurvey.components()).extracting(HealthComponent::effectiveWeight)
                .containsExactly(0.6, 0.0, 0.4, 0.0, 0.0);
        assertThat(withSurvey.components()).extracting(HealthComponent::weight).containsExactly(30, 20, 20, 15, 15);
    }

    @Test
    void bandsFollowTheConfiguredThresholds() {
        HealthConfig.Bands defaults = TestHealthConfig.defaults().bands();
        assertThat(HealthBand.of(100, defaults)).isEqualTo(HealthBand.HEALTHY);
        assertThat(HealthBand.of(70, defaults)).isEqualTo(HealthBand.HEALTHY);
        assertThat(HealthBand.of(69, defaults)).isEqualTo(HealthBand.WATCH);
        assertThat(HealthBand.of(40, defaults)).isEqualTo(HealthBand.WATCH);
        assertThat(HealthBand.of(39, defaults)).isEqualTo(HealthBand.AT_RISK);
        assertThat(HealthBand.of(0, defaults)).isEqualTo(HealthBand.AT_RISK);

        HealthConfig.Bands stricter = TestHealthConfig.with(Map.of("rapport.health.bands.healthy-from", "80",
                "rapport.health.bands.watch-from", "50")).bands();
        assertThat(HealthBand.of(79, stricter)).isEqualTo(HealthBand.WATCH);
        assertThat(HealthBand.of(49, stricter)).isEqualTo(HealthBand.AT_RISK);
        HealthScorer strictScorer = new HealthScorer(TestHealthConfig.with(Map.of(
                "rapport.health.bands.healthy-from", "80", "rapport.health.bands.watch-from", "50")));
        assertThat(strictScorer.score(touchedDaysAgo(30), NOW).band()).isEqualTo(HealthBand.WATCH);
    }

    @Test
    void bandThresholdsOutOfOrderAreRefused() {
        HealthConfig inverted = TestHealthConfig.with(Map.of("rapport.health.bands.healthy-from", "40",
                "rapport.health.bands.watch-from", "70"));
        assertThatThrownBy(() -> new HealthScorer(inverted)).isInstanceOf(IllegalArgumentException.class);
    }

    private HealthComponent component(HealthFacts facts, HealthFactor factor) {
        return scorer.score(facts, NOW).components().stream().filter(component -> component.factor() == factor)
                .findFirst().orElseThrow();
    }

    /**
     * The forecast asks for the band alone, computed from the components' numbers without explaining them: it must
     * be the band of the full score, whatever the facts and the instant, sub-second instants included.
     */
    @Test
    void theBandAloneIsTheBandOfTheFullScoreAtEveryInstant() {
        HealthFacts.Survey detractor = new HealthFacts.Survey(3, "DETRACTOR", NOW.minus(Duration.ofDays(5)));
        HealthFacts.Survey satisfied = new HealthFacts.Survey(4, null, NOW.minus(Duration.ofDays(2)));
        List<HealthFacts> variety = List.of(
                facts().build(),
                facts().since(NOW.minus(Duration.ofDays(20)).plusMillis(400)).cadenceDays(7).build(),
                facts().sentiments(List.of("VERY_NEGATIVE", "POSITIVE", "NEGATIVE")).nps(detractor).build(),
                facts().csat(satisfied).nps(detractor).since(NOW.minus(Duration.ofDays(40))).build(),
                facts().commitments(List.of(
                        new HealthFacts.Commitment(NOW.minus(Duration.ofDays(3)), NOW.minus(Duration.ofDays(4))),
                        new HealthFacts.Commitment(NOW.minus(Duration.ofDays(3)), NOW.minus(Duration.ofDays(1))),
                        new HealthFacts.Commitment(NOW.plus(Duration.ofDays(2)).plusNanos(1), null),
                        new HealthFacts.Commitment(NOW.plus(Duration.ofDays(9)), null))).build(),
                facts().awaitingReply(List.of(NOW.minus(Duration.ofHours(30)).plusMillis(700), NOW)).build(),
                facts().everAskedToReply().sentiments(List.of("NEUTRAL")).since(NOW.minus(Duration.ofDays(59)))
                        .build());
        for (HealthFacts facts : variety) {
            for (long hours = -2; hours <= 24 * 70; hours += 7) {
                Instant at = NOW.plus(Duration.ofHours(hours)).plusMillis(hours % 1000);
                assertThat(scorer.bandAt(facts, at)).as("%s at %s", facts, at)
                        .isEqualTo(scorer.score(facts, at).band());
            }
        }
    }

    static HealthFacts touchedDaysAgo(int days) {
        return facts().since(NOW.minus(Duration.ofDays(days))).build();
    }

    static FactsBuilder facts() {
        return new FactsBuilder();
    }

    /** Facts of a contact touched just now, with a 30-day cadence and nothing else, to change one at a time. */
    static final class FactsBuilder {
        private Instant since = NOW;
        private int cadenceDays = 30;
        private List<String> sentiments = List.of();
        private Optional<HealthFacts.Survey> nps = Optional.empty();
        private Optional<HealthFacts.Survey> csat = Optional.empty();
        private List<HealthFacts.Commitment> commitments = List.of();
        private List<Instant> awaitingReply = List.of();
        private boolean everAskedToReply;

        FactsBuilder since(Instant value) {
            since = value;
            return this;
        }

        FactsBuilder cadenceDays(int value) {
            cadenceDays = value;
            return this;
        }

        FactsBuilder sentiments(List<String> value) {
            sentiments = value;
            return this;
        }

        FactsBuilder nps(HealthFacts.Survey value) {
            nps = Optional.of(value);
            return this;
        }

        FactsBuilder csat(HealthFacts.Survey value) {
            csat = Optional.of(value);
            return this;
        }

        FactsBuilder commitments(List<HealthFacts.Commitment> value) {
            commitments = value;
            return this;
        }

        FactsBuilder awaitingReply(List<Instant> value) {
            awaitingReply = value;
            everAskedToReply = true;
            return this;
        }

        FactsBuilder everAskedToReply() {
            everAskedToReply = true;
            return this;
        }

        HealthFacts build() {
            return new HealthFacts(since, true, cadenceDays, sentiments, nps, csat, commitments, awaitingReply,
                    everAskedToReply);
        }
    }
}
