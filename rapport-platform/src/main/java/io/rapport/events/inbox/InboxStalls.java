package io.rapport.events.inbox;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The consumers that are waiting for something to come back (the database, most often) before they can apply their
 * next event, with since when and why. {@link InboxReadiness} reports them. A consumer with several threads (a
 * channel's {@code concurrency}) waits while any of them does: each thread's stall is kept apart, so one thread
 * getting through does not hide another still waiting.
 */
@ApplicationScoped
public class InboxStalls {

    /** Why and since when a consumer waits. */
    public record Stall(Instant since, String reason) {
    }

    /** By consumer, the stall of each of its threads that waits; a consumer none of whose threads waits is absent. */
    private final Map<String, Map<Thread, Stall>> stalls = new ConcurrentHashMap<>();
    private final Clock clock;

    public InboxStalls(Clock clock) {
        this.clock = clock;
    }

    /** The calling thread of the consumer waits (since its first call until it resumes). */
    void waiting(String consumer, Throwable reason) {
        Thread thread = Thread.currentThread();
        stalls.compute(consumer, (name, threads) -> {
            if (threads != null && threads.containsKey(thread)) {
                return threads;
            }
            Map<Thread, Stall> waiting = threads == null ? new HashMap<>() : new HashMap<>(threads);
            waiting.put(thread, new Stall(clock.instant(), String.valueOf(reason.getMessage())));
            return Map.copyOf(waiting);
        });
    }

    /** The calling thread of the consumer waits no more. */
    void resumed(String consumer) {
        Thread thread = Thread.currentThread();
        stalls.computeIfPresent(consumer, (name, threads) -> {
            if (!threads.containsKey(thread)) {
                return threads;
            }
            Map<Thread, Stall> waiting = new HashMap<>(threads);
            waiting.remove(thread);
            return waiting.isEmpty() ? null : Map.copyOf(waiting);
        });
    }

    public boolean waiting(String consumer) {
        return stalls.containsKey(consumer);
    }

    /** The waiting consumers, by name, each with the longest stall of its threads. */
    public Map<String, Stall> current() {
        Map<String, Stall> current = new HashMap<>();
        stalls.forEach((consumer, threads) -> threads.values().stream().min(Comparator.comparing(Stall::since))
                .ifPresent(stall -> current.put(consumer, stall)));
        return Map.copyOf(current);
    }
}
