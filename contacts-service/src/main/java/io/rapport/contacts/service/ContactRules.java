package io.rapport.contacts.service;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;

import io.rapport.contacts.ImportantDateKind;
import io.rapport.contacts.rest.ContactDate;
import io.rapport.contacts.rest.ContactEmail;
import io.rapport.contacts.rest.ContactInput;
import io.rapport.contacts.rest.ContactPhone;
import io.rapport.rest.input.InvalidInput;

/** The rules of a contact that bean validation cannot express: they relate one field to another. */
final class ContactRules {

    private ContactRules() {
    }

    static void check(ContactInput input, int effectiveCadence) {
        if (nullToEmpty(input.emails()).stream().filter(ContactEmail::primary).count() > 1) {
            throw InvalidInput.field("emails", "at most one email can be primary");
        }
        if (nullToEmpty(input.phones()).stream().filter(ContactPhone::primary).count() > 1) {
            throw InvalidInput.field("phones", "at most one phone can be primary");
        }
        if (input.checkInMaxIntervalDays() != null && input.checkInMaxIntervalDays() < effectiveCadence) {
            throw InvalidInput.field("checkInMaxIntervalDays",
                    "must be at least the check-in cadence (" + effectiveCadence + " days)");
        }
        List<ContactDate> dates = nullToEmpty(input.importantDates());
        for (int i = 0; i < dates.size(); i++) {
            checkDate(dates.get(i), "importantDates[" + i + "]");
        }
    }

    private static void checkDate(ContactDate date, String field) {
        if (date.kind() == ImportantDateKind.CUSTOM && (date.label() == null || date.label().isBlank())) {
            throw InvalidInput.field(field + ".label", "a CUSTOM date needs a label");
        }
        try {
            if (date.year() == null) {
                MonthDay.of(date.month(), date.day());
            } else {
                LocalDate.of(date.year(), date.month(), date.day());
            }
        } catch (DateTimeException e) {
            throw InvalidInput.field(field, "is not a calendar date");
        }
    }

    static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
