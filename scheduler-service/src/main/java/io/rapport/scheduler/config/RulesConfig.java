package io.rapport.scheduler.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The rules' settings, each overridable per deployment. */
@ConfigMapping(prefix = "rapport.rules")
public interface RulesConfig {

    Respond respond();

    Recovery recovery();

    Commitment commitment();

    Appreciation appreciation();

    interface Respond {
        /** How soon an inbound message that requires a response should be answered. */
        @WithDefault("24h")
        Duration sla();
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
    }
}
