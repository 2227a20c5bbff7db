package io.rapport.scheduler.config;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The rules' settings, each overridable per deployment. */
@ConfigMapping(prefix = "rapport.rules")
public interface RulesConfig {

    /** The team's time zone: for contacts without one, and for business hours when the team's clock rules. */
    @WithDefault("UTC")
    ZoneId defaultZone();

    Respond respond();

    Recovery recovery();

    Commitment commitment();

    Appreciation appreciation();

    FeedbackDue feedbackDue();

    interface Respond {
        /** How soon an inbound message that requires a response should be answered (business time when enabled). */
        @WithDefault("8h")
        Duration sla();

        BusinessHours businessHours();
    }

    interface BusinessHours {
        /** Whether the SLA counts business hours only; when off it counts wall-clock time. */
        @WithDefault("true")
        boolean enabled();

        @WithDefault("09:00")
        LocalTime start();

        @WithDefault("17:00")
        LocalTime end();

        @WithDefault("MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY")
        Set<DayOfWeek> days();

        /** CONTACT: the contact's time zone (the team's when the contact has none); TEAM: always the team's. */
        @WithDefault("CONTACT")
        ZoneSource zone();
    }

    enum ZoneSource {
        CONTACT, TEAM
    }

    interface Recovery {
        /** How soon an unhappy client should be followed up. */
        @WithDefault("48h")
        Duration within();
    }

    interface Commitment {
        /** How long before a commitment's due time its reminder is due. */
        @WithDefault("48h")
        Duration leadTime();
    }

    interface Appreciation {
        /** Days within which a promoter should be thanked. */
        @WithDefault("3")
        int promoterWithinDays();

        /** How many days ahead of a birthday or anniversary the task appears. */
        @WithDefault("3")
        int datesLeadDays();

        /** The time of day, in the contact's time zone, a birthday or anniversary task is due on the day itself. */
        @WithDefault("09:00")
        LocalTime datesDueTime();
    }

    interface FeedbackDue {
        /** Days without an answered survey after which a survey is suggested. */
        @WithDefault("90")
        int afterDays();

        /** The lifecycle stages whose contacts are asked for feedback. */
        @WithDefault("ACTIVE_CUSTOMER")
        List<String> stages();
    }
}
