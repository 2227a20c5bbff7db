package io.rapport.scheduler.rules;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.rapport.scheduler.task.TaskProposal;

/**
 * What a time-based rule wants for a contact now, and when it must look at the contact again.
 *
 * @param lookAgainAt the next instant the rule's answer can change without an event; null when only events change it
 */
public record RuleOutcome(List<TaskProposal> proposals, Instant lookAgainAt) {

    static RuleOutcome none() {
        return new RuleOutcome(List.of(), null);
    }

    static RuleOutcome later(Instant lookAgainAt) {
        return new RuleOutcome(List.of(), lookAgainAt);
    }

    public Optional<Instant> nextLook() {
        return Optional.ofNullable(lookAgainAt);
    }
}
