package io.rapport.rest.input;

import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What request bodies may cost ({@link BodyLimits}). */
@ConfigMapping(prefix = "rapport.http.limits")
public interface BodyLimitsConfig {

    /** The largest body an operation reads unless it says otherwise ({@link BodyLimit}). */
    @WithDefault("256K")
    MemorySize body();

    /** The most bytes of bodies being read at once; a sixteenth of the heap when unset. */
    Optional<MemorySize> inFlight();
}
