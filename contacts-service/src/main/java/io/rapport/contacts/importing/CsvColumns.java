package io.rapport.contacts.importing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.rapport.rest.input.InvalidInput.Violation;
import jakarta.ws.rs.BadRequestException;

/**
 * The CSV columns an import understands and how each becomes part of a contact. Lists (tags, interests) are
 * separated by ';'; dates are YYYY-MM-DD, or MM-DD for a birthday without a year; an empty cell is no value.
 */
final class CsvColumns {

    static final Set<String> TEXT = Set.of("firstName", "lastName", "title", "organisationId", "timezone",
            "language", "preferredChannel", "lifecycleStage", "personalNotes", "owner", "checkInCadenceDays",
            "checkInMaxIntervalDays", "doNotContact", "marketingOptIn");
    static final Set<String> SPECIAL = Set.of("email", "phone", "tags", "interests", "birthday", "customerSince",
            "workAnniversary");

    /** Columns holding a whole number or a boolean. */
    private static final Set<String> WHOLE_NUMBERS = Set.of("checkInCadenceDays", "checkInMaxIntervalDays");
    private static final Set<String> BOOLEANS = Set.of("doNotContact", "marketingOptIn");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?\\d{1,9}");
    /** YYYY-MM-DD, or MM-DD for a date without its year. */
    private static final Pattern DATE = Pattern.compile("(?:(\\d{4})-)?(\\d{1,2})-(\\d{1,2})");
    private static final Map<String, String> DATE_KINDS = Map.of("birthday", "BIRTHDAY", "customerSince",
            "CUSTOMER_SINCE", "workAnniversary", "WORK_ANNIVERSARY");

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
            return ImportRow.unreadable(number, "the row has " + cells.size() + " cells, the header " + header.size());
        }
        ObjectNode contact = json.createObjectNode();
        List<Violation> problems = new ArrayList<>();
        Map<String, String> columnsByPath = new LinkedHashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            String value = cells.get(i);
            if (value == null || value.isBlank()) {
                continue;
            }
            String column = header.get(i);
            switch (column) {
                case "email" -> {
                    columnsByPath.put("emails[0]", column);
                    contact.putArray("emails").addObject().put("address", value);
                }
                case "phone" -> {
                    columnsByPath.put("phones[0]", column);
                    contact.putArray("phones").addObject().put("number", value);
                }
                case "tags", "interests" -> split(value).forEach(contact.withArray(column)::add);
                case "birthday", "customerSince", "workAnniversary" -> date(contact, column, value.strip())
                        .ifPresentOrElse(problems::add, () -> columnsByPath.put(
                                "importantDates[" + (contact.get("importantDates").size() - 1) + "]", column));
                default -> cellProblem(column, value.strip()).ifPresentOrElse(problems::add,
                        () -> contact.set(column, typed(column, value.strip())));
            }
        }
        return ImportRow.csv(number, contact, problems, columnsByPath);
    }

    /** Adds the date of the column to the contact; a cell that is no date is a problem of its own. */
    private static Optional<Violation> date(ObjectNode contact, String column, String value) {
        Matcher date = DATE.matcher(value);
        if (!date.matches()) {
            return Optional.of(new Violation(column,
                    "must be a date such as 1990-12-10, or 12-10 without the year, not " + shown(value)));
        }
        ObjectNode added = contact.withArray("importantDates").addObject().put("kind", DATE_KINDS.get(column));
        if (date.group(1) != null) {
            added.put("year", Integer.parseInt(date.group(1)));
        }
        added.put("month", Integer.parseInt(date.group(2)));
        added.put("day", Integer.parseInt(date.group(3)));
        return Optional.empty();
    }

    /** What is wrong with a cell of a typed column; the other columns' values are checked with the contact. */
    private static Optional<Violation> cellProblem(String column, String value) {
        if (WHOLE_NUMBERS.contains(column) && !WHOLE_NUMBER.matcher(value).matches()) {
            return Optional.of(new Violation(column, "must be a whole number, not " + shown(value)));
        }
        if (BOOLEANS.contains(column) && !value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            return Optional.of(new Violation(column, "must be true or false, not " + shown(value)));
        }
        return Optional.empty();
    }

    /** The cell as the JSON value its column holds (a CSV cell is text; JSON bodies are read strictly typed). */
    private static JsonNode typed(String column, String value) {
        if (WHOLE_NUMBERS.contains(column)) {
            return IntNode.valueOf(Integer.parseInt(value));
        }
        if (BOOLEANS.contains(column)) {
            return BooleanNode.valueOf(Boolean.parseBoolean(value.toLowerCase()));
        }
        return TextNode.valueOf(value);
    }

    private static String shown(String value) {
        return "'" + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "'";
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
