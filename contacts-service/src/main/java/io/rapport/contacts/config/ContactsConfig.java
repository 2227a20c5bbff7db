package io.rapport.contacts.config;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "rapport.contacts")
public interface ContactsConfig {

    /** Check-in cadence of a new contact that does not name one. */
    int defaultCheckInCadenceDays();
}
