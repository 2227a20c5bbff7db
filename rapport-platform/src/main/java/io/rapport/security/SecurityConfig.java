package io.rapport.security;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "rapport.security")
public interface SecurityConfig {

    TokenCache tokenCache();

    /** The bearer tokens a service remembers having verified ({@link VerifiedTokens}). */
    interface TokenCache {
        /**
         * How long a verified token is taken without verifying it again (never past its expiry); also how much
         * longer than the key refresh a token verified before its key was withdrawn keeps passing. {@code 0s}
         * verifies every request.
         */
        @WithDefault("60s")
        Duration maxAge();

        /** Most tokens remembered at once: a few KB each. */
        @WithDefault("1000")
        long maxSize();
    }
}
