package io.rapport.scheduler.rules;

import java.time.DateTimeException;
import java.time.ZoneId;

import io.rapport.scheduler.config.RulesConfig;
import io.rapport.scheduler.projection.ContactProjection;
import jakarta.enterprise.context.ApplicationScoped;

/** Which time zone a rule reads a contact's days and hours in. */
@ApplicationScoped
public class Zones {

    private final RulesConfig config;

    public Zones(RulesConfig config) {
        this.config = config;
    }

    /** The contact's own time zone, or the team's when the contact has none (or an unknown one). */
    public ZoneId of(ContactProjection contact) {
        if (contact == null || contact.timezone == null || contact.timezone.isBlank()) {
            return config.defaultZone();
        }
        try {
            return ZoneId.of(contact.timezone);
        } catch (DateTimeException unknownZone) {
            return config.defaultZone();
        }
    }

    public ZoneId team() {
        return config.defaultZone();
    }
}
