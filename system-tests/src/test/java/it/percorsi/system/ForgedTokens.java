package it.percorsi.system;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;

/** Tokens a real attacker could make: right claims, wrong key. Signed for real with RS256. */
final class ForgedTokens {

  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private ForgedTokens() {}

  /** A token with the realm's issuer and audience, signed by a key the realm never issued. */
  static String signedByAnotherKey(String issuer) {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      KeyPair pair = g.generateKeyPair();
      long now = Instant.now().getEpochSecond();
      String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"forged\"}";
      String payload =
          ("{\"iss\":\"%s\",\"aud\":\"percorsi-api\",\"sub\":\"attacker\",\"typ\":\"Bearer\","
                  + "\"azp\":\"promoter-a\",\"org_id\":\"ORG-PROMOTER-A\",\"iat\":%d,\"exp\":%d,"
                  + "\"realm_access\":{\"roles\":[\"agency-admin\",\"promoter\"]}}")
              .formatted(issuer, now, now + 300);
      String signingInput =
          B64.encodeToString(header.getBytes(StandardCharsets.UTF_8))
              + "."
              + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
      Signature s = Signature.getInstance("SHA256withRSA");
      s.initSign(pair.getPrivate());
      s.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + B64.encodeToString(s.sign());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
