package it.percorsi.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.percorsi.webhook.endpoint.SecretCipher;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Signing secrets sealed at rest with the configured key, bound to their endpoint. */
class SecretCipherTest {

  static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
  static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

  static SecretCipher cipher(String key) {
    return SecretCipher.forTests(Optional.ofNullable(key));
  }

  @Test
  void aSealedSecretHidesTheSecretAndOpensOnlyForItsEndpointWithTheKey() {
    String endpoint = UUID.randomUUID().toString();
    SecretCipher cipher = cipher(KEY);
    String stored = cipher.seal(endpoint, SECRET);

    assertThat(stored).startsWith("aesgcm1:").doesNotContain(SECRET).doesNotContain("MfKQ9r8");
    assertThat(stored).hasSizeLessThanOrEqualTo(400);
    assertThat(cipher.seal(endpoint, SECRET)).as("a fresh nonce each time").isNotEqualTo(stored);
    assertThat(cipher.open(endpoint, stored)).isEqualTo(SECRET);
    assertThatThrownBy(() -> cipher.open(UUID.randomUUID().toString(), stored))
        .as("copied to another endpoint")
        .isInstanceOf(IllegalStateException.class);
    String otherKey =
        Base64.getEncoder().encodeToString("another-key-of-thirty-two-bytes!".getBytes());
    assertThatThrownBy(() -> cipher(otherKey).open(endpoint, stored))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> cipher(null).open(endpoint, stored))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aSecretStoredBeforeSealingOpensAsItIsAndWithoutAKeyNothingIsSealed() {
    String endpoint = UUID.randomUUID().toString();
    assertThat(cipher(KEY).open(endpoint, SECRET)).isEqualTo(SECRET);
    assertThat(cipher(null).seal(endpoint, SECRET)).isEqualTo(SECRET);
    assertThat(cipher(null).sealing()).isFalse();
  }

  @Test
  void aKeyOfTheWrongLengthIsRefused() {
    assertThatThrownBy(() -> cipher(Base64.getEncoder().encodeToString(new byte[16])))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("32 bytes");
  }
}
