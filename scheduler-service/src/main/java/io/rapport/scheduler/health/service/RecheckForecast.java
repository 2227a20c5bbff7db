package io.rapport.scheduler.health.service;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import io.rapport.scheduler.health.HealthBand;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * When a contact's score will next fall into a lower band if nothing happens: the moment the sweep must look at it
 * again. With no event, the score only falls as time passes (recency, replies waiting, commitments falling
 * overdue), and a component that gains data with time gains it at 0, so the band is monotone in time and the first
 * instant of the lower band can be found by bisection between now and the moment time changes nothing more.
 */
@ApplicationScoped
public class RecheckForecast {

    private static final Duration PRECISION = Duration.ofSeconds(1);

    private final HealthScorer scorer;

    public RecheckForecast(HealthScorer scorer) {
        this.scorer = scorer;
    }

    /** @return the first instant after {@code now} at which the band is lower than {@code band}; empty if never */
    public Optional<Instant> nextDrop(HealthFacts facts, Instant now, HealthBand band) {
        Instant settled = scorer.settledAt(facts);
        if (!settled.isAfter(now) || !bandAt(facts, settled).isWorseThan(band)) {
            return Optional.empty();
        }
        Instant stillIn = now;
        Instant dropped = settled;
        while (Duration.between(stillIn, dropped).compareTo(PRECISION) > 0) {
            Instant middle = stillIn.plus(Duration.between(stillIn, dropped).dividedBy(2));
            if (bandAt(facts, middle).isWorseThan(band)) {
                dropped = middle;
            } else {
                stillIn = middle;
            }
        }
        Instant wholeSecond = dropped.truncatedTo(ChronoUnit.SECONDS);
        return Optional.of(bandAt(facts, wholeSecond).isWorseThan(band) ? wholeSecond : wholeSecond.plusSeconds(1));
    }

    private HealthBand bandAt(HealthFacts facts, Instant at) {
        return scorer.bandAt(facts, at);
    }
}
