package io.rapport.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Seals a secret for storage (AES-256-GCM, a fresh 96-bit nonce each time) and opens it again. A sealed secret
 * names the key that sealed it (the first 8 bytes of the key's SHA-256), so that during a rotation secrets sealed
 * with the previous key still open and can be sealed again with the new one; and it is bound to what it belongs to
 * (the associated data, such as a mailbox's id), so that a sealed secret copied to another row does not open there.
 * Stored as {@code v1:} and base64 of key id, nonce and ciphertext with its tag.
 */
@ApplicationScoped
public class SecretBox {

    private static final String PREFIX = "v1:";
    private static final int KEY_ID_BYTES = 8;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private record Key(byte[] id, SecretKeySpec spec) {
    }

    private final Optional<Key> current;
    private final Optional<Key> previous;
    private final SecureRandom random = new SecureRandom();

    public SecretBox(SecretsConfig config) {
        this.current = config.key().filter(key -> !key.isBlank()).map(key -> key("RAPPORT_SECRETS_KEY", key));
        this.previous = config.previousKey().filter(key -> !key.isBlank())
                .map(key -> key("RAPPORT_SECRETS_PREVIOUS_KEY", key));
    }

    /** Whether a current key is configured, without which nothing can be sealed. */
    public boolean canSeal() {
        return current.isPresent();
    }

    /** Seals the secret with the current key, bound to {@code boundTo}. */
    public String seal(String secret, String boundTo) {
        Key key = current.orElseThrow(() -> new IllegalStateException(
                "RAPPORT_SECRETS_KEY is not set: secrets cannot be stored (openssl rand -base64 32 makes one)"));
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, key, nonce, boundTo, secret.getBytes(StandardCharsets.UTF_8));
        return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(KEY_ID_BYTES + NONCE_BYTES
                + sealed.length).put(key.id()).put(nonce).put(sealed).array());
    }

    /** Opens a secret sealed with the current or the previous key; it must be bound to {@code boundTo}. */
    public String open(String sealed, String boundTo) {
        ByteBuffer bytes = decode(sealed);
        byte[] keyId = new byte[KEY_ID_BYTES];
        byte[] nonce = new byte[NONCE_BYTES];
        bytes.get(keyId).get(nonce);
        byte[] ciphertext = new byte[bytes.remaining()];
        bytes.get(ciphertext);
        Key key = keyNamed(keyId).orElseThrow(() -> new IllegalStateException("The secret was sealed with a key that "
                + "is neither RAPPORT_SECRETS_KEY nor RAPPORT_SECRETS_PREVIOUS_KEY"));
        return new String(crypt(Cipher.DECRYPT_MODE, key, nonce, boundTo, ciphertext), StandardCharsets.UTF_8);
    }

    /** Whether the secret is sealed with the current key; one sealed with the previous key is to be sealed again. */
    public boolean sealedWithCurrentKey(String sealed) {
        byte[] keyId = new byte[KEY_ID_BYTES];
        decode(sealed).get(keyId);
        return current.map(key -> Arrays.equals(key.id(), keyId)).orElse(false);
    }

    private Optional<Key> keyNamed(byte[] keyId) {
        if (current.isPresent() && Arrays.equals(current.get().id(), keyId)) {
            return current;
        }
        return previous.filter(key -> Arrays.equals(key.id(), keyId));
    }

    private static ByteBuffer decode(String sealed) {
        if (sealed == null || !sealed.startsWith(PREFIX)) {
            throw new IllegalStateException("Not a sealed secret");
        }
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
        if (bytes.length < KEY_ID_BYTES + NONCE_BYTES + TAG_BITS / 8) {
            throw new IllegalStateException("Not a sealed secret");
        }
        return ByteBuffer.wrap(bytes);
    }

    private static byte[] crypt(int mode, Key key, byte[] nonce, String boundTo, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key.spec(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            // a wrong key or a secret bound to something else fails its tag: say so without the secret
            throw new IllegalStateException("The secret could not be opened (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static Key key(String name, String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(name + " is not base64");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(name + " must be 32 bytes (AES-256), base64-encoded; it is "
                    + bytes.length);
        }
        try {
            byte[] id = Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(bytes), KEY_ID_BYTES);
            return new Key(id, new SecretKeySpec(bytes, "AES"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
