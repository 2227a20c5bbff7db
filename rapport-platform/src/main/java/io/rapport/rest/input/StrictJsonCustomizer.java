package io.rapport.rest.input;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Bodies are read strictly: a value of the wrong JSON type is refused rather than converted (a number where text, a
 * timestamp or a date is expected, text where a number or a boolean is), a body is one JSON document and nothing
 * after it, and text Rapport could not store is refused where it is read, with the field that holds it.
 */
@Singleton
public class StrictJsonCustomizer implements ObjectMapperCustomizer {

    /** Types read only from their ISO-8601 text. */
    private static final Set<Class<?>> TEXT_ONLY = Set.of(Instant.class, LocalDate.class, OffsetDateTime.class);

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("rapport-strict-input")
                .addDeserializer(String.class, new StoredTextDeserializer())
                // wraps whichever deserializer of dates and times is registered, whatever the order of the modules
                .setDeserializerModifier(new BeanDeserializerModifier() {
                    @Override
                    @SuppressWarnings({ "unchecked", "rawtypes" })
                    public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config,
                            BeanDescription description, JsonDeserializer<?> deserializer) {
                        Class<?> type = description.getBeanClass();
                        return TEXT_ONLY.contains(type) ? new TextOnlyDeserializer(type, deserializer) : deserializer;
                    }
                }));
        // "{}{}" is not one JSON document
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        for (LogicalType scalar : new LogicalType[] { LogicalType.Integer, LogicalType.Float, LogicalType.Boolean }) {
            mapper.coercionConfigFor(scalar).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
    }
}
