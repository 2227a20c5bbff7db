package io.rapport.contacts.service;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.rapport.contacts.ImportantDateKind;
import io.rapport.contacts.rest.ContactDate;
import io.rapport.contacts.rest.ContactEmail;
import io.rapport.contacts.rest.ContactInput;
import io.rapport.contacts.rest.ContactPhone;
import io.rapport.rest.input.InvalidInput;
import io.rapport.rest.input.InvalidInput.Violation;

/** The rules of a contact that bean validation cannot express: they relate one field to another. */
final class ContactRules {

    private ContactRules() {
    }

    /** @throws io.quarkiverse.resteasy.problem.HttpProblem 400 naming every rule the input breaks */
    static void check(ContactInput input, int effectiveCadence) {
        List<Violation> violations = violations(input, effectiveCadence);
        if (!violations.isEmpty()) {
            throw InvalidInput.fields(violations);
        }
    }

    static List<Violation> violations(ContactInput input, int effectiveCadence) {
        List<Violation> violations = new ArrayList<>();
        if (nullToEmpty(input.emails()).stream().filter(ContactEmail::primary).count() > 1) {
            violations.add(new Violation("emails", "at most one email can be primary"));
        }
        if (nullToEmpty(input.phones()).stream().filter(ContactPhone::primary).count() > 1) {
            violations.add(new Violation("phones", "at most one phone can be primary"));
        }
        if (input.checkInMaxIntervalDays() != null && input.checkInMaxIntervalDays() < effectiveCadence) {
            violations.add(new Violation("checkInMaxIntervalDays",
                    "must be at least the check-in cadence (" + effectiveCadence + " days)"));
        }
        List<ContactDate> dates = nullToEmpty(input.importantDates());
        for (int i = 0; i < dates.size(); i++) {
            dateViolation(dates.get(i), "importantDates[" + i + "]").ifPresent(violations::add);
        }
        return violations;
    }

    private static Optional<Violation> dateViolation(ContactDate date, String field) {
        if (date.kind() == ImportantDateKind.CUSTOM && (date.label() == null || date.label().isBlank())) {
            return Optional.of(new Violation(field + ".label", "a CUSTOM date needs a label"));
        }
        if (date.month() == null || date.day() == null) {
            return Optional.empty(); // bean validation names the missing part
        }
        try {
            if (date.year() == null) {
                MonthDay.of(date.month(), date.day());
            } else {
                LocalDate.of(date.year(), date.month(), date.day());
            }
            return Optional.empty();
        } catch (DateTimeException e) {
            return Optional.of(new Violation(field, "is not a calendar date"));
        }
    }

    static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
