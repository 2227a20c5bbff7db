package io.rapport.rest.input;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
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
 * timestamp or a date is expected, text where a number or a boolean is, a fraction where a whole number is, a number
 * where an enum's name is), a member appears once in its object, a body is one JSON document and nothing after it,
 * and text or a date Rapport could not store is refused where it is read, with the field that holds it.
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
        // 1.5 is no number of days: a fraction is refused where a whole number is expected, not cut to 1
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        // an enum is named, never numbered: 1 is not PHONE because PHONE is declared second
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.coercionConfigFor(LogicalType.Enum).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        // a member given twice is ambiguous (which one did the client mean?), not "the last one wins"
        mapper.getFactory().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        mapper.getFactory().setStreamReadConstraints(LIMITS);
    }

    /**
     * What one JSON document may hold, whoever sends it. Request bodies are bounded tighter by their size
     * ({@link BodyLimits}); these bound what no body of Rapport's has (its deepest nests four levels, its longest text
     * is 20,000 characters, its largest number a long) and what this mapper reads from other services (a contact's
     * export part), so that no document costs more memory than its size says.
     */
    static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(32)
            .maxNumberLength(64)
            .maxStringLength(1_000_000)
            .maxNameLength(1_000)
            .maxDocumentLength(64L * 1024 * 1024)
            .build();
}
