package io.rapport.rest.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/**
 * A value of the right JSON type that Rapport still cannot take (text it cannot store, a date outside the years it
 * stores): its message is what the client is told about the field.
 */
final class RefusedValue extends InvalidFormatException {

    private static final long serialVersionUID = 1L;

    RefusedValue(JsonParser parser, String message, Object value, Class<?> type) {
        super(parser, message, value, type);
    }
}
