package io.rapport.contacts.importing;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.rapport.rest.input.InvalidInput.Violation;

/**
 * One row of an import file as a contact JSON object, or why it could not even be read.
 *
 * @param number        1-based, counting data rows (the CSV header is not a row)
 * @param cellProblems  the CSV cells that are not what their column holds (left out of {@code contact})
 * @param columnsByPath for a CSV row, the column each part of the contact came from ({@code emails[0]} ->
 *                      {@code email}), so that its problems are named as the file names them
 */
public record ImportRow(long number, ObjectNode contact, String unreadable, List<Violation> cellProblems,
        Map<String, String> columnsByPath) {

    static ImportRow of(long number, ObjectNode contact) {
        return new ImportRow(number, contact, null, List.of(), Map.of());
    }

    static ImportRow csv(long number, ObjectNode contact, List<Violation> cellProblems,
            Map<String, String> columnsByPath) {
        return new ImportRow(number, contact, null, cellProblems, columnsByPath);
    }

    static ImportRow unreadable(long number, String reason) {
        return new ImportRow(number, null, reason, List.of(), Map.of());
    }

    /** The field as the file names it: a CSV row's column, else the path in the contact body. */
    String named(String field) {
        for (Map.Entry<String, String> source : columnsByPath.entrySet()) {
            if (isOrUnder(field, source.getKey())) {
                return source.getValue();
            }
        }
        return field;
    }

    /** Whether the field is {@code path} or a part of it ({@code emails[0].address} of {@code emails[0]}). */
    static boolean isOrUnder(String field, String path) {
        return field.equals(path) || field.startsWith(path + ".") || field.startsWith(path + "[");
    }
}
