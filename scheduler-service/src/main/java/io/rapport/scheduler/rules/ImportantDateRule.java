package io.rapport.scheduler.rules;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.rapport.events.contract.ContactSnapshot.ImportantDate;
import io.rapport.scheduler.config.RulesConfig;
import io.rapport.scheduler.projection.ContactProjection;
import io.rapport.scheduler.task.TaskKind;
import io.rapport.scheduler.task.TaskPriority;
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
                proposals.add(proposal(date, occurrence, today, zone));
                nextAppearance = nextOccurrence(monthDay.get(), occurrence.plusDays(1)).minusDays(config.datesLeadDays());
            }
            Instant next = nextAppearance.atStartOfDay(zone).toInstant();
            lookAgainAt = lookAgainAt == null || next.isBefore(lookAgainAt) ? next : lookAgainAt;
        }
        return new RuleOutcome(proposals, lookAgainAt);
    }

    public static String subject(ImportantDate date) {
        String kind = date.kind().toLowerCase(Locale.ROOT).replace('_', '-');
        return SUBJECT_PREFIX + ("CUSTOM".equals(date.kind()) && date.label() != null ? kind + ":" + date.label() : kind);
    }

    private TaskProposal proposal(ImportantDate date, LocalDate occurrence, LocalDate today, ZoneId zone) {
        long daysAhead = ChronoUnit.DAYS.between(today, occurrence);
        String when = daysAhead == 0 ? "today" : daysAhead == 1 ? "tomorrow" : "in " + daysAhead + " days";
        StringBuilder reason = new StringBuilder(describe(date)).append(" on ").append(occurrence)
                .append(" (").append(when).append(", ").append(zone.getId()).append(")");
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
