package io.rapport.scheduler.digest;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "rapport.digest")
public interface DigestConfig {

    /**
     * Where a task opens in the reps' frontend, with {@code {taskId}} and {@code {contactId}} in it (e.g.
     * {@code https://app.example.com/contacts/{contactId}?task={taskId}}); without it the digest links nothing.
     */
    Optional<String> taskLink();

    /**
     * How often new URGENT and HIGH tasks are looked for, for the reps who want each at once: the schedule of
     * {@link TaskAlertSweeper} ("off" in the tests, which sweep themselves).
     */
    String alertInterval();

    /** How long a digest or alert that is done with is kept (its outcome, the rep's address), in days. */
    @WithDefault("90")
    int keepDays();

    /** How many days after today the digest's "coming up" section covers. */
    @WithDefault("7")
    int upcomingDays();
}
