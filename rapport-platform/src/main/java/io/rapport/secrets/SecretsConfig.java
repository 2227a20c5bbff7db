package io.rapport.secrets;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The keys that seal secrets at rest (a mailbox's password): AES-256 keys, base64-encoded 32 bytes
 * ({@code openssl rand -base64 32}). During a rotation the new key is {@code key} and the old one
 * {@code previous-key}, read until every secret is sealed again with the new one.
 */
@ConfigMapping(prefix = "rapport.secrets")
public interface SecretsConfig {

    /** RAPPORT_SECRETS_KEY. */
    Optional<String> key();

    /** RAPPORT_SECRETS_PREVIOUS_KEY. */
    Optional<String> previousKey();

    /** How often secrets sealed with the previous key are looked for, to seal them again ("off": never). */
    @WithDefault("1m")
    String resealInterval();
}
