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
         * How long a verified token is taken without verifying it again (never past its expiry); also how long a
         * token verified before the verification key changed keeps passing. {@code 0s} verifies every request.
         */
        @WithDefault("60s")
        Duration maxAge();

        /** Most tokens remembered at once: a few KB each. */
        @WithDefault("1000")
        long maxSize();
    }
}
