package io.rapport.scheduler.health.service;

import java.time.Instant;
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

    private final HealthScorer scorer;

    public RecheckForecast(HealthScorer scorer) {
        this.scorer = scorer;
    }

    /** @return the first whole second after {@code now} at which the band is lower than {@code band}; empty if never */
    public Optional<Instant> nextDrop(HealthFacts facts, Instant now, HealthBand band) {
        Instant settled = scorer.settledAt(facts);
        if (!settled.isAfter(now) || !bandAt(facts, settled).isWorseThan(band)) {
            return Optional.empty();
        }
        // whole seconds, so that each step costs one score and no arithmetic on Instants and Durations: the band is
        // still the same at the second that starts now, and already lower at the first second not before settled
        long stillIn = now.getEpochSecond();
        long dropped = settled.getEpochSecond() + (settled.getNano() > 0 ? 1 : 0);
        while (dropped - stillIn > 1) {
            long middle = stillIn + (dropped - stillIn) / 2;
            if (bandAt(facts, Instant.ofEpochSecond(middle)).isWorseThan(band)) {
                dropped = middle;
            } else {
                stillIn = middle;
            }
        }
        return Optional.of(Instant.ofEpochSecond(dropped));
    }

    private HealthBand bandAt(HealthFacts facts, Instant at) {
        return scorer.bandAt(facts, at);
    }
}
