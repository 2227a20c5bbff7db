package io.rapport.rest.input;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A budget of bytes of request bodies being read at once: a body takes its announced size before it is read and
 * gives it back when its answer is sent. One body alone always fits, whatever its size (its own limit bounds it).
 */
final class InFlightBytes {

    private final long budget;
    private final AtomicLong taken = new AtomicLong();

    InFlightBytes(long budget) {
        this.budget = budget;
    }

    /** Takes the bytes if the budget has room for them; false (and nothing taken) when it has not. */
    boolean tryTake(long bytes) {
        long now = taken.addAndGet(bytes);
        if (now > budget && now > bytes) {
            taken.addAndGet(-bytes);
            return false;
        }
        return true;
    }

    void giveBack(long bytes) {
        taken.addAndGet(-bytes);
    }

    long taken() {
        return taken.get();
    }
}
