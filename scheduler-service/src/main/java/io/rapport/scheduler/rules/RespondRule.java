package io.rapport.scheduler.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

import io.rapport.scheduler.config.RulesConfig;
import io.rapport.scheduler.projection.InteractionProjection;
import io.rapport.scheduler.task.TaskKind;
import io.rapport.scheduler.task.TaskPriority;
import jakarta.enterprise.context.ApplicationScoped;

/** RESPOND: an inbound message that requires a response is answered within the response SLA. */
@ApplicationScoped
public class RespondRule {

    public static final String NAME = "respond-within-sla";

    private final RulesConfig config;

    public RespondRule(RulesConfig config) {
        this.config = config;
    }

    public static String subject(InteractionProjection inbound) {
        return "interaction:" + inbound.id;
    }

    public Optional<TaskProposal> propose(InteractionProjection interaction) {
        if (interaction.deleted || !"INBOUND".equals(interaction.direction) || !interaction.requiresResponse) {
            return Optional.empty();
        }
        long hours = config.respond().sla().toHours();
        String reason = "Inbound " + interaction.type.toLowerCase().replace('_', ' ') + " on "
                + LocalDate.ofInstant(interaction.occurredAt, ZoneOffset.UTC) + " awaits a reply; response SLA "
                + hours + " h";
        Instant due = interaction.occurredAt.plus(config.respond().sla());
        return Optional.of(new TaskProposal(NAME, TaskKind.RESPOND, subject(interaction), "", TaskPriority.HIGH, due,
                reason, due));
    }
}
