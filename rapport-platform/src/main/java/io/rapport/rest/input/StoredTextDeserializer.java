package io.rapport.rest.input;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;

/** Reads JSON strings as Jackson does, refusing one Rapport could not store ({@link StoredText}). */
final class StoredTextDeserializer extends StringDeserializer {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String text = super.deserialize(parser, context);
        String refusal = StoredText.refusal(text);
        if (refusal != null) {
            throw new RefusedValue(parser, refusal, text, String.class);
        }
        return text;
    }
}
