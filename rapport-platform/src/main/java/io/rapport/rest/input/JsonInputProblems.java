package io.rapport.rest.input;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkiverse.resteasy.problem.HttpProblem;

/**
 * The 400 answer to a body that is not the JSON an operation reads, saying what is wrong and where: the line and
 * column of malformed JSON, or the field whose value has the wrong type or cannot be stored, in the shape of the
 * validation problems ({@code violations: [{field, in, message}]}).
 */
public final class JsonInputProblems {

    /** How Jackson's parser words a member given twice (JsonParser.Feature.STRICT_DUPLICATE_DETECTION). */
    private static final String DUPLICATE = "Duplicate field '";

    private JsonInputProblems() {
    }

    public static HttpProblem of(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException) {
            return problem("The JSON body exceeds what this API reads: " + e.getOriginalMessage());
        }
        // the parser's own refusals, which databind may have wrapped on their way out of a nested value
        StreamReadException read = streamReadCause(e);
        if (read != null && read.getOriginalMessage() != null) {
            String message = read.getOriginalMessage();
            if (message.startsWith(Utf8Check.NOT_UTF8)) {
                return problem(message);
            }
            if (message.startsWith(DUPLICATE) && read.getProcessor() != null) {
                String name = message.substring(DUPLICATE.length(), message.length() - 1);
                return InvalidInput.field(path(read.getProcessor().getParsingContext(), name),
                        "appears more than once in its object");
            }
        }
        if (!(e instanceof DatabindException mapping)) {
            return problem("The body is not valid JSON" + where(e.getLocation()) + ": " + e.getOriginalMessage());
        }
        String field = path((JsonMappingException) mapping);
        String message = message(mapping);
        if (field.isEmpty()) {
            return problem("The body " + message);
        }
        return InvalidInput.field(field, message);
    }

    private static StreamReadException streamReadCause(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof StreamReadException read) {
                return read;
            }
        }
        return null;
    }

    private static String message(DatabindException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a field of this resource";
        }
        if (e instanceof RefusedValue refused) {
            return refused.getOriginalMessage();
        }
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getValue() instanceof String value) {
            String shown = value.length() > 80 ? value.substring(0, 80) + "…" : value;
            return "must be " + expected(invalid.getTargetType()) + ", not '" + shown + "'";
        }
        if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return "must be " + expected(mismatched.getTargetType());
        }
        return "is not valid here";
    }

    /** What a value of the type looks like in JSON, in a client's words. */
    private static String expected(Class<?> type) {
        if (type == String.class) {
            return "text";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (type == Instant.class) {
            return "an ISO-8601 UTC timestamp such as 2026-01-31T09:00:00Z";
        }
        if (type == LocalDate.class) {
            return "a date such as 2026-01-31";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "a JSON object";
    }

    /** The field as a client names it: {@code emails[0].address}. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** A member of the object the parser is in, named as a client names it: {@code emails[0].address}. */
    private static String path(JsonStreamContext object, String member) {
        String path = member;
        for (JsonStreamContext at = object; at.getParent() != null; at = at.getParent()) {
            JsonStreamContext parent = at.getParent();
            if (parent.inArray()) {
                path = "[" + parent.getCurrentIndex() + "]" + (path.startsWith("[") ? "" : ".") + path;
            } else if (parent.inObject()) {
                path = parent.getCurrentName() + (path.startsWith("[") ? "" : ".") + path;
            }
        }
        return path;
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static HttpProblem problem(String detail) {
        return HttpProblem.builder().withStatus(400).withTitle("Bad Request").withDetail(detail).build();
    }
}
