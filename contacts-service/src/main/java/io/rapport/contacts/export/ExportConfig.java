package io.rapport.contacts.export;

import java.net.URI;

import io.smallrye.config.ConfigMapping;

/** Where the services are that hold the rest of what Rapport keeps on a contact. */
@ConfigMapping(prefix = "rapport.export")
public interface ExportConfig {

    URI interactionsUrl();

    URI feedbackUrl();

    URI schedulerUrl();
}
