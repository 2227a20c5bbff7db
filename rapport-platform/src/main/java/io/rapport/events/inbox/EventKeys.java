package io.rapport.events.inbox;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** The contacts a batch of events is about: every Rapport event is keyed by its contact's id. */
public final class EventKeys {

    private EventKeys() {
    }

    /** The contact ids the events are keyed by; a key that is not a contact id is left out. */
    public static List<UUID> contactIds(List<IncomingEvent> events) {
        return events.stream().map(IncomingEvent::key).filter(Objects::nonNull).map(EventKeys::uuidOrNull)
                .filter(Objects::nonNull).distinct().toList();
    }

    private static UUID uuidOrNull(String key) {
        try {
            return UUID.fromString(key);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
