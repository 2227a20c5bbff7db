package io.rapport.events.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class InboxStallsTest {

    private static final Instant NOON = Instant.parse("2026-12-02T12:00:00Z");

    private final InboxStalls stalls = new InboxStalls(Clock.fixed(NOON, ZoneOffset.UTC));

    @Test
    void aConsumerWaitsWhileAnyOfItsThreadsWaits() throws Exception {
        ExecutorService first = Executors.newSingleThreadExecutor();
        ExecutorService second = Executors.newSingleThreadExecutor();
        try {
            on(first, () -> stalls.waiting("scheduler.interaction-events", new SQLException("Connection refused")));
            on(second, () -> stalls.waiting("scheduler.interaction-events", new SQLException("Connection reset")));

            on(first, () -> stalls.resumed("scheduler.interaction-events"));
            assertThat(stalls.waiting("scheduler.interaction-events")).isTrue();
            assertThat(stalls.current()).containsOnlyKeys("scheduler.interaction-events");

            on(second, () -> stalls.resumed("scheduler.interaction-events"));
            assertThat(stalls.waiting("scheduler.interaction-events")).isFalse();
            assertThat(stalls.current()).isEmpty();
        } finally {
            first.shutdownNow();
            second.shutdownNow();
        }
    }

    @Test
    void aThreadStillWaitingKeepsWhenAndWhyItFirstWaited() {
        stalls.waiting("feedback.contact-events", new SQLException("Connection refused"));
        stalls.waiting("feedback.contact-events", new SQLException("too many clients"));

        assertThat(stalls.current().get("feedback.contact-events"))
                .isEqualTo(new InboxStalls.Stall(NOON, "Connection refused"));
        stalls.resumed("feedback.contact-events");
        assertThat(stalls.current()).isEmpty();
    }

    @Test
    void aThreadThatNeverWaitedResumesNothing() {
        stalls.resumed("contacts.interaction-events");

        assertThat(stalls.waiting("contacts.interaction-events")).isFalse();
        assertThat(stalls.current()).isEmpty();
    }

    private static void on(ExecutorService thread, Runnable action) throws Exception {
        thread.submit(action).get(10, TimeUnit.SECONDS);
    }
}
