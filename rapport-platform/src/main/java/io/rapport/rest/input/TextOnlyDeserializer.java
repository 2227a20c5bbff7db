package io.rapport.rest.input;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;

/**
 * Reads a date or time only from its ISO-8601 text. Jackson would also take a number (epoch seconds, so that
 * {@code 1e308} becomes the largest instant there is) or an array of fields, which no client of Rapport means. A
 * value outside the years Rapport stores ({@link StorableTime}) is refused with the field that holds it.
 */
final class TextOnlyDeserializer<T> extends StdScalarDeserializer<T> {

    private final transient JsonDeserializer<T> fromText;

    TextOnlyDeserializer(Class<T> type, JsonDeserializer<T> fromText) {
        super(type);
        this.fromText = fromText;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        // text, or a value already of the type (a tree built in code may hold one)
        if (!parser.hasToken(JsonToken.VALUE_STRING) && !parser.hasToken(JsonToken.VALUE_EMBEDDED_OBJECT)) {
            return (T) context.handleUnexpectedToken(handledType(), parser);
        }
        String text = parser.getValueAsString();
        T value = fromText.deserialize(parser, context);
        if (!StorableTime.storable(value)) {
            throw new RefusedValue(parser, StorableTime.REFUSAL, text, handledType());
        }
        return value;
    }
}
