package io.rapport.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private static final String OLD = newKey();
    private static final String NEW = newKey();

    @Test
    void aSealedSecretOpensOnlyWhereItBelongsAndNeverReadsAsItself() {
        SecretBox box = box(OLD, null);
        String sealed = box.seal("app password", "mailbox-1");
        assertThat(sealed).startsWith("v1:").doesNotContain("app password");
        assertThat(box.seal("app password", "mailbox-1")).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThat(box.open(sealed, "mailbox-1")).isEqualTo("app password");
        assertThatThrownBy(() -> box.open(sealed, "mailbox-2")).as("copied to another row")
                .isInstanceOf(IllegalStateException.class).hasMessageNotContaining("app password");
    }

    @Test
    void duringARotationTheOldKeyOpensAndTheNewOneSeals() {
        String sealedWithOld = box(OLD, null).seal("secret", "m");
        SecretBox rotating = box(NEW, OLD);
        assertThat(rotating.sealedWithCurrentKey(sealedWithOld)).isFalse();
        assertThat(rotating.open(sealedWithOld, "m")).isEqualTo("secret");
        String resealed = rotating.seal(rotating.open(sealedWithOld, "m"), "m");
        assertThat(rotating.sealedWithCurrentKey(resealed)).isTrue();
        // once the rotation is over, only the new key is needed
        assertThat(box(NEW, null).open(resealed, "m")).isEqualTo("secret");
        assertThatThrownBy(() -> box(NEW, null).open(sealedWithOld, "m"))
                .hasMessageContaining("neither RAPPORT_SECRETS_KEY nor RAPPORT_SECRETS_PREVIOUS_KEY");
    }

    @Test
    void keysMustBeThirtyTwoBytesAndOneMustBeSetToSeal() {
        assertThatThrownBy(() -> box(Base64.getEncoder().encodeToString(new byte[16]), null))
                .hasMessageContaining("must be 32 bytes");
        assertThatThrownBy(() -> box(null, null).seal("x", "m")).hasMessageContaining("RAPPORT_SECRETS_KEY is not set");
    }

    private static SecretBox box(String key, String previous) {
        return new SecretBox(new SecretsConfig() {
            @Override
            public Optional<String> key() {
                return Optional.ofNullable(key);
            }

            @Override
            public Optional<String> previousKey() {
                return Optional.ofNullable(previous);
            }

            @Override
            public String resealInterval() {
                return "off";
            }
        });
    }

    private static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
