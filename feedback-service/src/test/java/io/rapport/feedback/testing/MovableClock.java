package io.rapport.feedback.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Singleton;

/**
 * The clock of the application under test: system time until a test fixes or moves it. It replaces the platform's
 * default clock bean. Tests that move it put it back with {@link #reset()}.
 */
@Singleton
public class MovableClock extends Clock {

    private final AtomicReference<Instant> fixed = new AtomicReference<>();
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    /** From now on the clock shows {@code instant}, and stands still there. */
    public void setTo(Instant instant) {
        fixed.set(instant);
    }

    /** Moves the clock forward (from wherever it is, fixed or running). */
    public void advance(Duration duration) {
        Instant at = fixed.get();
        if (at != null) {
            fixed.set(at.plus(duration));
        } else {
            offset.updateAndGet(current -> current.plus(duration));
        }
    }

    public void reset() {
        fixed.set(null);
        offset.set(Duration.ZERO);
    }

    @Override
    public Instant instant() {
        Instant at = fixed.get();
        return at != null ? at : Instant.ofEpochMilli(System.currentTimeMillis()).plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }
}
