package io.rapport.scheduler.rules;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

import io.rapport.scheduler.config.RulesConfig;
import io.rapport.scheduler.projection.CommitmentProjection;
import io.rapport.scheduler.task.TaskKind;
import io.rapport.scheduler.task.TaskPriority;
import io.rapport.scheduler.task.TaskProposal;
import jakarta.enterprise.context.ApplicationScoped;

/** COMMITMENT_DUE: a reminder a lead time before a promise falls due; fulfilled or cancelled, it resolves. */
@ApplicationScoped
public class CommitmentDueRule {

    public static final String NAME = "follow-through";

    private final RulesConfig config;

    public CommitmentDueRule(RulesConfig config) {
        this.config = config;
    }

    public static String subject(CommitmentProjection commitment) {
        return "commitment:" + commitment.id;
    }

    /** @return the reminder to have open, or empty once the commitment is fulfilled or cancelled */
    public Optional<TaskProposal> propose(CommitmentProjection commitment) {
        if (!"OPEN".equals(commitment.status)) {
            return Optional.empty();
        }
        // the words of the promise are the commitment's, in interactions-service: the subject names it
        String reason = "A promise to the contact is due on " + LocalDate.ofInstant(commitment.dueAt, ZoneOffset.UTC);
        return Optional.of(new TaskProposal(NAME, TaskKind.COMMITMENT_DUE, subject(commitment), "",
                TaskPriority.NORMAL, commitment.dueAt.minus(config.commitment().leadTime()), reason, commitment.dueAt));
    }
}
