package io.rapport.interactions.capture;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How capture reaches the reps' mail servers. */
@ConfigMapping(prefix = "rapport.capture")
public interface CaptureConfig {

    /**
     * A PEM file of certificates trusted besides the JVM's own authorities (RAPPORT_CAPTURE_TRUSTED_CERTIFICATE):
     * a company's own mail server, or the local stack's Dovecot with its self-signed certificate.
     */
    Optional<String> trustedCertificate();

    /**
     * Whether a mailbox may be on a private, loopback or link-local address (RAPPORT_CAPTURE_ALLOW_INTERNAL_HOSTS):
     * off, a rep could have the service probe the internal network with login attempts. The local stack allows it.
     */
    @WithDefault("false")
    boolean allowInternalHosts();

    /** How long connecting to a mail server may take. */
    @WithDefault("10s")
    Duration connectTimeout();

    /** How long a mail server may take to answer one command. */
    @WithDefault("30s")
    Duration readTimeout();

    /** How many days back a newly connected mailbox is read (RAPPORT_CAPTURE_BACKFILL_DAYS). */
    @WithDefault("90")
    int backfillDays();

    /** How often a mailbox is read for new mail (RAPPORT_CAPTURE_POLL_INTERVAL); "off" stops capture. */
    @WithDefault("15s")
    String pollInterval();

    /** How long a replica holds a mailbox it reads before another may take it over (it renews it meanwhile). */
    @WithDefault("2m")
    Duration lease();

    /** Messages recorded in one transaction, with their folder's checkpoint. */
    @WithDefault("200")
    int chunk();

    /**
     * The team's own mail domains (RAPPORT_CAPTURE_INTERNAL_DOMAINS, comma-separated): a message between addresses
     * of these domains only is the team talking to itself, and is skipped.
     */
    Optional<List<String>> internalDomains();
}
