package it.percorsi.webhook.endpoint;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import it.percorsi.webhook.delivery.DeliveryConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;

/**
 * Signing secrets at rest: sealed with AES-256-GCM under the key of {@code
 * percorsi.webhooks.secrets-key} ({@code WEBHOOK_SECRETS_KEY}, 32 bytes in base64), stored as
 * {@code aesgcm1:<base64 of nonce, ciphertext and tag>} with the secret row's endpoint id as
 * associated data (a sealed secret copied to another endpoint does not open). Without a key (a
 * local run) secrets are stored as they are, with a warning at start-up. With one, secrets stored
 * before it was configured are sealed at start-up.
 */
@ApplicationScoped
public class SecretCipher {

  static final String PREFIX = "aesgcm1:";

  private static final Logger LOG = Logger.getLogger(SecretCipher.class);
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final Optional<SecretKey> key;
  private final SecureRandom random = new SecureRandom();

  @Inject
  public SecretCipher(DeliveryConfig config) {
    this(config.secretsKey());
  }

  private SecretCipher(Optional<String> base64Key) {
    this.key = base64Key.filter(k -> !k.isBlank()).map(SecretCipher::key);
  }

  /** A cipher with this key (none: secrets stored as they are), outside the application. */
  public static SecretCipher forTests(Optional<String> base64Key) {
    return new SecretCipher(base64Key);
  }

  private static SecretKey key(String base64) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("percorsi.webhooks.secrets-key is not base64");
    }
    if (bytes.length != 32) {
      throw new IllegalStateException(
          "percorsi.webhooks.secrets-key must be 32 bytes (base64), not " + bytes.length);
    }
    return new SecretKeySpec(bytes, "AES");
  }

  public boolean sealing() {
    return key.isPresent();
  }

  /** What is stored for {@code secret} of {@code endpoint}. */
  public String seal(String endpoint, String secret) {
    if (key.isEmpty()) {
      return secret;
    }
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      random.nextBytes(nonce);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, key.get(), new GCMParameterSpec(TAG_BITS, nonce));
      c.updateAAD(endpoint.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = c.doFinal(secret.getBytes(StandardCharsets.UTF_8));
      return PREFIX
          + Base64.getEncoder()
              .encodeToString(
                  ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot seal a signing secret", e);
    }
  }

  /** The secret from what is stored (a secret stored before sealing was configured as it is). */
  public String open(String endpoint, String stored) {
    if (!stored.startsWith(PREFIX)) {
      return stored;
    }
    if (key.isEmpty()) {
      throw new IllegalStateException(
          "a signing secret is sealed but percorsi.webhooks.secrets-key is not configured");
    }
    try {
      byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, key.get(), new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
      c.updateAAD(endpoint.getBytes(StandardCharsets.UTF_8));
      return new String(
          c.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("cannot open a signing secret (another key?)", e);
    }
  }

  /** Seals the secrets stored before a key was configured; warns when there is no key. */
  void sealStoredSecrets(@Observes StartupEvent ignored, EntityManager em) {
    if (key.isEmpty()) {
      LOG.warn(
          "percorsi.webhooks.secrets-key (WEBHOOK_SECRETS_KEY) is not set: webhook signing secrets"
              + " are stored unencrypted");
      return;
    }
    int sealed =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  @SuppressWarnings("unchecked")
                  List<Object[]> rows =
                      em.createNativeQuery(
                              "SELECT id, endpoint_id, secret FROM webhook_secret"
                                  + " WHERE secret NOT LIKE 'aesgcm1:%' FOR UPDATE")
                          .getResultList();
                  for (Object[] r : rows) {
                    em.createNativeQuery("UPDATE webhook_secret SET secret = ?2 WHERE id = ?1")
                        .setParameter(1, r[0])
                        .setParameter(2, seal(r[1].toString(), (String) r[2]))
                        .executeUpdate();
                  }
                  return rows.size();
                });
    if (sealed > 0) {
      LOG.infof("Sealed %d webhook signing secrets stored unencrypted", sealed);
    }
  }
}
