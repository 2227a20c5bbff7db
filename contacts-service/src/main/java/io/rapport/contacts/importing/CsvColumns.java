package io.rapport.contacts.importing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.ws.rs.BadRequestException;

/**
 * The CSV columns an import understands and how each becomes part of a contact. Lists (tags, interests) are
 * separated by ';'; dates are YYYY-MM-DD, or MM-DD for a birthday without a year; an empty cell is no value.
 */
final class CsvColumns {

    static final Set<String> TEXT = Set.of("firstName", "lastName", "title", "organisationId", "timezone",
            "preferredChannel", "lifecycleStage", "personalNotes", "owner", "checkInCadenceDays",
            "checkInMaxIntervalDays", "doNotContact", "marketingOptIn");
    static final Set<String> SPECIAL = Set.of("email", "phone", "tags", "interests", "birthday", "customerSince",
            "workAnniversary");

    private final List<String> header;

    private CsvColumns(List<String> header) {
        this.header = header;
    }

    static CsvColumns fromHeader(List<String> header) {
        List<String> unknown = header.stream().filter(name -> !TEXT.contains(name) && !SPECIAL.contains(name))
                .toList();
        if (!unknown.isEmpty()) {
            throw new BadRequestException("Unknown CSV columns " + unknown + "; known: "
                    + new TreeSet<>(union()));
        }
        if (!header.contains("firstName")) {
            throw new BadRequestException("The CSV header needs a firstName column");
        }
        return new CsvColumns(List.copyOf(header));
    }

    ImportRow toContact(long number, List<String> cells, ObjectMapper json) {
        if (cells.size() > header.size()) {
            return ImportRow.unreadable(number, "row has " + cells.size() + " cells, the header " + header.size());
        }
        ObjectNode contact = json.createObjectNode();
        for (int i = 0; i < cells.size(); i++) {
            String value = cells.get(i);
            if (value == null || value.isBlank()) {
                continue;
            }
            String column = header.get(i);
            switch (column) {
                case "email" -> contact.putArray("emails").addObject().put("address", value);
                case "phone" -> contact.putArray("phones").addObject().put("number", value);
                case "tags", "interests" -> split(value).forEach(contact.withArray(column)::add);
                case "birthday" -> date(contact, "BIRTHDAY", value);
                case "customerSince" -> date(contact, "CUSTOMER_SINCE", value);
                case "workAnniversary" -> date(contact, "WORK_ANNIVERSARY", value);
                default -> contact.put(column, value);
            }
        }
        return ImportRow.of(number, contact);
    }

    private static void date(ObjectNode contact, String kind, String value) {
        String[] parts = value.split("-");
        ObjectNode date = contact.withArray("importantDates").addObject().put("kind", kind);
        if (parts.length == 3) {
            date.put("year", parts[0]).put("month", parts[1]).put("day", parts[2]);
        } else if (parts.length == 2) {
            date.put("month", parts[0]).put("day", parts[1]);
        } else {
            date.put("month", value); // not a date: validation names the field
        }
    }

    private static List<String> split(String value) {
        return Arrays.stream(value.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static Set<String> union() {
        List<String> all = new ArrayList<>(TEXT);
        all.addAll(SPECIAL);
        return Set.copyOf(all);
    }
}
