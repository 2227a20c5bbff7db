package io.rapport.events.inbox;

import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.rapport.events.EventType;

/**
 * A CloudEvent as a consumer sees it: the envelope's attributes and the JSON data.
 *
 * @param type        the known event type, empty for a type this version of Rapport does not know
 * @param traceParent the W3C trace context the record carried (see EventTraces), null when none
 */
public record IncomingEvent(String id, Optional<EventType> type, String rawType, String subject, String key,
        Instant time, JsonNode data, String traceParent) {

    public <T> T dataAs(Class<T> dataType, ObjectMapper mapper) {
        try {
            return mapper.treeToValue(data, dataType);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new UnprocessableEventException("data of " + rawType + " is not a valid " + dataType.getSimpleName(),
                    e);
        }
    }
}
