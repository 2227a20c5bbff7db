package io.rapport.contacts.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.rapport.contacts.rest.ContactInput;
import io.rapport.rest.input.InvalidInput.Violation;
import io.rapport.rest.input.JsonInputProblems;

/**
 * Reads a row as a contact body, naming every field that cannot be read rather than stopping at the first: a field
 * whose value has the wrong type is reported and left out, and the rest is read again, so that validation can still
 * name what else is wrong with the row.
 */
final class RowReader {

    /** @param input what could be read; null when nothing could */
    record Reading(ContactInput input, List<Violation> problems) {
    }

    private RowReader() {
    }

    static Reading read(ObjectNode row, ObjectMapper json) {
        ObjectNode readable = row.deepCopy();
        List<Violation> problems = new ArrayList<>();
        while (true) { // ends: each turn reads the row, or removes one of its fields
            try {
                return new Reading(json.treeToValue(readable, ContactInput.class), problems);
            } catch (JsonProcessingException e) {
                problems.addAll(violations(JsonInputProblems.of(e)));
                String field = e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                        ? mapping.getPath().get(0).getFieldName() : null;
                if (field == null || readable.remove(field) == null) {
                    return new Reading(null, problems);
                }
            } catch (IllegalArgumentException e) {
                problems.add(new Violation("contact", "could not be read"));
                return new Reading(null, problems);
            }
        }
    }

    /** The problem's violations; a problem about the body as a whole becomes one about the contact. */
    static List<Violation> violations(HttpProblem problem) {
        if (problem.getParameters().get("violations") instanceof List<?> violations && !violations.isEmpty()) {
            return violations.stream().map(violation -> (Map<?, ?>) violation)
                    .map(violation -> new Violation(String.valueOf(violation.get("field")),
                            String.valueOf(violation.get("message"))))
                    .toList();
        }
        return List.of(new Violation("contact", problem.getDetail()));
    }
}
