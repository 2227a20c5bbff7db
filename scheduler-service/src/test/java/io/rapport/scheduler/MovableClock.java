package io.rapport.scheduler;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The clock of the scheduler under test: real time shifted by an offset the tests move, so time-based rules run
 * without waiting. Replaces the platform's system clock (a default bean) in every scheduler test.
 */
@ApplicationScoped
public class MovableClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    /** From now on the clock reads {@code moment}, and moves on from there. */
    public void travelTo(Instant moment) {
        offset = Duration.between(Instant.ofEpochMilli(System.currentTimeMillis()), moment);
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(System.currentTimeMillis()).plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the scheduler works in UTC");
    }
}
