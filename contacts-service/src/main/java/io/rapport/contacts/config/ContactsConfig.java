package io.rapport.contacts.config;

import java.util.Map;

import io.rapport.contacts.LifecycleStage;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "rapport.contacts")
public interface ContactsConfig {

    /** Check-in cadence of a contact that names none, when its stage has no default of its own. */
    int defaultCheckInCadenceDays();

    /** Default check-in cadence per lifecycle stage, keyed by stage in kebab case (e.g. {@code active-customer}). */
    Map<String, Integer> cadenceByStage();

    /** Most contacts one page of a list returns. */
    @WithDefault("200")
    int maxPageSize();

    default int defaultCadence(LifecycleStage stage) {
        String key = stage.name().toLowerCase().replace('_', '-');
        return cadenceByStage().getOrDefault(key, defaultCheckInCadenceDays());
    }
}
