package io.rapport.scheduler.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.rapport.scheduler.config.RulesConfig.ZoneSource;
import io.rapport.scheduler.config.RulesConfig;
import io.rapport.scheduler.projection.ContactProjection;
import io.rapport.scheduler.projection.InteractionProjection;
import io.rapport.scheduler.task.TaskKind;
import io.rapport.scheduler.task.TaskPriority;
import io.rapport.scheduler.task.TaskProposal;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * RESPOND: an inbound message that requires a response is answered within the response SLA, counted in business
 * hours (in the contact's time zone, or the team's) unless business hours are switched off.
 */
@ApplicationScoped
public class RespondRule {

    public static final String NAME = "respond-within-sla";

    private final RulesConfig.Respond config;
    private final Zones zones;

    public RespondRule(RulesConfig config, Zones zones) {
        this.config = config.respond();
        this.zones = zones;
        if (this.config.businessHours().enabled()) {
            hoursIn(zones.team()); // refuses to start with hours that close before they open, or no working day
        }
    }

    private static final String SUBJECT_PREFIX = "interaction:";

    public static String subject(InteractionProjection inbound) {
        return SUBJECT_PREFIX + inbound.id;
    }

    /** The inbound interaction a RESPOND task's subject names. */
    public static UUID interactionId(String subject) {
        return UUID.fromString(subject.substring(SUBJECT_PREFIX.length()));
    }

    /** Whether the outbound touch answers the inbound: it replies to it, or comes after it. */
    public static boolean answeredBy(InteractionProjection inbound, InteractionProjection outbound) {
        return !inbound.deleted && "INBOUND".equals(inbound.direction) && inbound.requiresResponse
                && (inbound.id.equals(outbound.inReplyTo) || !inbound.occurredAt.isAfter(outbound.occurredAt));
    }

    /** @param contact the contact's projection, or null when its events have not arrived yet */
    public Optional<TaskProposal> propose(InteractionProjection interaction, ContactProjection contact) {
        if (interaction.deleted || !"INBOUND".equals(interaction.direction) || !interaction.requiresResponse) {
            return Optional.empty();
        }
        ZoneId zone = config.businessHours().zone() == ZoneSource.TEAM ? zones.team() : zones.of(contact);
        Instant due;
        String sla;
        if (config.businessHours().enabled()) {
            RulesConfig.BusinessHours hours = config.businessHours();
            due = hoursIn(zone).plus(interaction.occurredAt, config.sla());
            sla = "response SLA " + hours(config) + " business hours (" + hours.start() + "-" + hours.end() + " "
                    + zone.getId() + ")";
        } else {
            due = interaction.occurredAt.plus(config.sla());
            sla = "response SLA " + hours(config) + " h";
        }
        String reason = "Inbound " + interaction.type.toLowerCase().replace('_', ' ') + " on "
                + LocalDate.ofInstant(interaction.occurredAt, zone) + " awaits a reply; " + sla;
        return Optional.of(new TaskProposal(NAME, TaskKind.RESPOND, subject(interaction), "", TaskPriority.HIGH, due,
                reason, due));
    }

    private BusinessHours hoursIn(ZoneId zone) {
        RulesConfig.BusinessHours hours = config.businessHours();
        return new BusinessHours(hours.start(), hours.end(), hours.days(), zone);
    }

    private static String hours(RulesConfig.Respond config) {
        long minutes = config.sla().toMinutes();
        return minutes % 60 == 0 ? Long.toString(minutes / 60) : String.format(Locale.ROOT, "%.1f", minutes / 60.0);
    }
}
