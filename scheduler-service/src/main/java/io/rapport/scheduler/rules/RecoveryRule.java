package io.rapport.scheduler.rules;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;

import io.rapport.scheduler.config.RulesConfig;
import io.rapport.scheduler.projection.InteractionProjection;
import io.rapport.scheduler.task.TaskKind;
import io.rapport.scheduler.task.TaskPriority;
import io.rapport.scheduler.task.TaskProposal;
import jakarta.enterprise.context.ApplicationScoped;

/** RECOVERY: an unhappy client gets a high-priority follow-up within the recovery window (48 h by default). */
@ApplicationScoped
public class RecoveryRule {

    public static final String NAME = "recover-unhappy-client";
    private static final Set<String> NEGATIVE = Set.of("NEGATIVE", "VERY_NEGATIVE");

    private final RulesConfig config;

    public RecoveryRule(RulesConfig config) {
        this.config = config;
    }

    public Optional<TaskProposal> propose(InteractionProjection interaction) {
        if (interaction.deleted || interaction.sentiment == null || !NEGATIVE.contains(interaction.sentiment)) {
            return Optional.empty();
        }
        String reason = interaction.sentiment.toLowerCase().replace('_', ' ') + " sentiment in the "
                + interaction.type.toLowerCase().replace('_', ' ') + " of "
                + LocalDate.ofInstant(interaction.occurredAt, ZoneOffset.UTC) + "; follow up within "
                + config.recovery().within().toHours() + " h";
        return Optional.of(new TaskProposal(NAME, TaskKind.RECOVERY, "interaction:" + interaction.id, "",
                TaskPriority.HIGH, interaction.occurredAt.plus(config.recovery().within()),
                Character.toUpperCase(reason.charAt(0)) + reason.substring(1), null));
    }
}
