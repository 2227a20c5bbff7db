package io.rapport.scheduler.projector;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.transaction.TransactionScoped;

/** The contacts the events of the current transaction changed, each with the last event that did. */
@TransactionScoped
public class TouchedContacts {

    private final Map<UUID, String> lastEvents = new LinkedHashMap<>();

    void touched(UUID contactId, String eventId) {
        lastEvents.remove(contactId);
        lastEvents.put(contactId, eventId);
    }

    /** The contacts touched since the last call, and forgets them. */
    Map<UUID, String> drain() {
        Map<UUID, String> drained = new LinkedHashMap<>(lastEvents);
        lastEvents.clear();
        return drained;
    }
}
