package io.rapport.contacts.importing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

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

    /** Columns holding a whole number or a boolean: a CSV cell is text, JSON bodies are read strictly typed. */
    private static final Set<String> WHOLE_NUMBERS = Set.of("checkInCadenceDays", "checkInMaxIntervalDays");
    private static final Set<String> BOOLEANS = Set.of("doNotContact", "marketingOptIn");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?\\d{1,9}");

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
                default -> contact.set(column, typed(column, value.strip()));
            }
        }
        return ImportRow.of(number, contact);
    }

    private static void date(ObjectNode contact, String kind, String value) {
        String[] parts = value.split("-");
        ObjectNode date = contact.withArray("importantDates").addObject().put("kind", kind);
        if (parts.length == 3) {
            date.set("year", number(parts[0]));
            date.set("month", number(parts[1]));
            date.set("day", number(parts[2]));
        } else if (parts.length == 2) {
            date.set("month", number(parts[0]));
            date.set("day", number(parts[1]));
        } else {
            date.put("month", value); // not a date: validation names the field
        }
    }

    /**
     * The cell as the JSON value its column holds; a cell that is not one stays text, which the contact's reading
     * then rejects with the column's name.
     */
    private static JsonNode typed(String column, String value) {
        if (WHOLE_NUMBERS.contains(column)) {
            return number(value);
        }
        if (BOOLEANS.contains(column) && (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false"))) {
            return BooleanNode.valueOf(Boolean.parseBoolean(value.toLowerCase()));
        }
        return TextNode.valueOf(value);
    }

    private static JsonNode number(String value) {
        return WHOLE_NUMBER.matcher(value.strip()).matches() ? IntNode.valueOf(Integer.parseInt(value.strip()))
                : TextNode.valueOf(value);
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
