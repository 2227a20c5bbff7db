package io.rapport.interactions.capture;

import java.time.Duration;
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
}
