package io.rapport.events.inbox;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The consumers that are waiting for something to come back (the database, most often) before they can apply their
 * next event, with since when and why. {@link InboxReadiness} reports them.
 */
@ApplicationScoped
public class InboxStalls {

    /** Why and since when a consumer waits. */
    public record Stall(Instant since, String reason) {
    }

    private final Map<String, Stall> stalls = new ConcurrentHashMap<>();
    private final Clock clock;

    public InboxStalls(Clock clock) {
        this.clock = clock;
    }

    void waiting(String consumer, Throwable reason) {
        stalls.computeIfAbsent(consumer, c -> new Stall(clock.instant(), String.valueOf(reason.getMessage())));
    }

    void resumed(String consumer) {
        stalls.remove(consumer);
    }

    public boolean waiting(String consumer) {
        return stalls.containsKey(consumer);
    }

    /** The waiting consumers, by name. */
    public Map<String, Stall> current() {
        return Map.copyOf(stalls);
    }
}
