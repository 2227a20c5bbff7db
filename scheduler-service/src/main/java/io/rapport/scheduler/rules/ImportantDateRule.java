package io.rapport.scheduler.rules;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.rapport.events.contract.ContactSnapshot.ImportantDate;
import io.rapport.scheduler.config.RulesConfig;
import io.rapport.scheduler.projection.ContactProjection;
import io.rapport.scheduler.task.TaskKind;
import io.rapport.scheduler.task.TaskPriority;
import io.rapport.scheduler.task.TaskProposal;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * APPRECIATION for the contact's yearly dates (birthday, customer-since and work anniversaries, custom ones): a task
 * appears a few days ahead, is due on the day in the contact's time zone, and is raised once a year (the year is
 * the task's window). A date already past is not raised late: the next one is a year away.
 */
@ApplicationScoped
public class ImportantDateRule {

    public static final String NAME = "appreciate-important-date";
    public static final String SUBJECT_PREFIX = "date:";

    private final RulesConfig.Appreciation config;
    private final Zones zones;

    public ImportantDateRule(RulesConfig config, Zones zones) {
        this.config = config.appreciation();
        this.zones = zones;
    }

    public RuleOutcome evaluate(ContactProjection contact, Instant now) {
        if (!contact.isReachable() || contact.importantDates == null) {
            return RuleOutcome.none();
        }
        ZoneId zone = zones.of(contact);
        LocalDate today = LocalDate.ofInstant(now, zone);
        List<TaskProposal> proposals = new ArrayList<>();
        Instant lookAgainAt = null;
        for (ImportantDate date : contact.importantDates) {
            Optional<MonthDay> monthDay = monthDay(date);
            if (monthDay.isEmpty()) {
                continue;
            }
            LocalDate occurrence = nextOccurrence(monthDay.get(), today);
            LocalDate appearsOn = occurrence.minusDays(config.datesLeadDays());
            LocalDate nextAppearance = appearsOn;
            if (!today.isBefore(appearsOn)) {
                proposals.add(proposal(date, occurrence, zone));
                nextAppearance = nextOccurrence(monthDay.get(), occurrence.plusDays(1)).minusDays(config.datesLeadDays());
            }
            Instant next = nextAppearance.atStartOfDay(zone).toInstant();
            lookAgainAt = lookAgainAt == null || next.isBefore(lookAgainAt) ? next : lookAgainAt;
        }
        return new RuleOutcome(proposals, lookAgainAt);
    }

    /** One subject per date of the contact: two work anniversaries are two tasks, not one. */
    public static String subject(ImportantDate date) {
        String kind = date.kind().toLowerCase(Locale.ROOT).replace('_', '-');
        String which = date.label() != null && !date.label().isBlank() ? date.label().strip()
                : String.format(Locale.ROOT, "%02d-%02d", date.month(), date.day());
        return SUBJECT_PREFIX + kind + ":" + which;
    }

    /** The subjects of every date the contact has, due or not. */
    public static List<String> subjects(ContactProjection contact) {
        return contact.importantDates == null ? List.of() : contact.importantDates.stream()
                .filter(date -> monthDay(date).isPresent()).map(ImportantDateRule::subject).toList();
    }

    private TaskProposal proposal(ImportantDate date, LocalDate occurrence, ZoneId zone) {
        // absolute, so the reason stays true on every day the task is open
        StringBuilder reason = new StringBuilder(describe(date)).append(" on ")
                .append(occurrence.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH)).append(' ')
                .append(occurrence).append(" (").append(zone.getId()).append(")");
        if (date.year() != null && date.year() < occurrence.getYear()) {
            reason.append("; ").append(years(date, occurrence.getYear() - date.year()));
        }
        return new TaskProposal(NAME, TaskKind.APPRECIATION, subject(date), Integer.toString(occurrence.getYear()),
                TaskPriority.NORMAL, occurrence.atTime(config.datesDueTime()).atZone(zone).toInstant(),
                reason.toString(), null);
    }

    private static String describe(ImportantDate date) {
        return switch (date.kind()) {
            case "BIRTHDAY" -> "Birthday";
            case "CUSTOMER_SINCE" -> "Customer-since anniversary";
            case "WORK_ANNIVERSARY" -> "Work anniversary";
            default -> date.label() == null || date.label().isBlank() ? "Anniversary" : date.label();
        };
    }

    private static String years(ImportantDate date, int years) {
        return switch (date.kind()) {
            case "BIRTHDAY" -> "turns " + years;
            case "CUSTOMER_SINCE" -> years + (years == 1 ? " year" : " years") + " as a customer";
            default -> years + (years == 1 ? " year" : " years");
        };
    }

    /** The date's next occurrence on or after {@code day}; 29 February falls on the 28th in other years. */
    static LocalDate nextOccurrence(MonthDay monthDay, LocalDate day) {
        LocalDate candidate = atYear(monthDay, day.getYear());
        return candidate.isBefore(day) ? atYear(monthDay, day.getYear() + 1) : candidate;
    }

    private static LocalDate atYear(MonthDay monthDay, int year) {
        return monthDay.isValidYear(year) ? monthDay.atYear(year) : LocalDate.of(year, monthDay.getMonth(), 28);
    }

    private static Optional<MonthDay> monthDay(ImportantDate date) {
        if (date.kind() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(MonthDay.of(date.month(), date.day()));
        } catch (DateTimeException invalid) {
            return Optional.empty(); // the contacts service validates dates; an invalid one raises nothing
        }
    }
}
