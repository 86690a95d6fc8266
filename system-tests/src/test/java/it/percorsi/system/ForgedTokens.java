package it.percorsi.system;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.percorsi.testkit.KeycloakServer;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tokens a real attacker could make, built with java.security: right claims and wrong key, real
 * tokens with a changed payload or header, the key-confusion trick with the realm's public key. A
 * test cannot sign with Keycloak's private key, so every forged token here also fails the signature
 * check; the gateway's own tests isolate each claim check with a key they control.
 */
final class ForgedTokens {

  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
  private static KeyPair attacker;

  /** The realm's RS256 signing key, as published in its JWKS. */
  record RealmKey(String kid, RSAPublicKey key) {}

  private ForgedTokens() {}

  /** A token with the realm's issuer and audience, signed by a key the realm never issued. */
  static String signedByAnotherKey(String issuer) {
    return forge("forged", c -> c.put("iss", issuer));
  }

  /**
   * Claims of a plausible promoter-a access token, changed by {@code change}, signed RS256 by an
   * attacker's key with header {@code kid}.
   */
  static String forge(String kid, Consumer<Map<String, Object>> change) {
    long now = Instant.now().getEpochSecond();
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", KeycloakServer.realmUrl());
    claims.put("aud", List.of("percorsi-api", "account"));
    claims.put("sub", "attacker");
    claims.put("typ", "Bearer");
    claims.put("azp", "promoter-a");
    claims.put("org_id", "ORG-PROMOTER-A");
    claims.put("iat", now);
    claims.put("exp", now + 300);
    claims.put("realm_access", Map.of("roles", List.of("agency-admin", "promoter")));
    change.accept(claims);
    return rs256(Map.of("alg", "RS256", "typ", "JWT", "kid", kid), claims, attackerKey());
  }

  /** A real token whose payload is changed (more roles, another organisation), signature kept. */
  static String tampered(String realToken) {
    String[] parts = realToken.split("\\.");
    Map<String, Object> claims = decode(parts[1]);
    claims.put("org_id", "AGENCY");
    claims.put("realm_access", Map.of("roles", List.of("agency-admin")));
    return parts[0] + "." + encode(claims) + "." + parts[2];
  }

  /** A real token's claims with {@code alg: none} and no signature. */
  static String algNone(String realToken) {
    String payload = realToken.split("\\.")[1];
    return encode(Map.of("alg", "none", "typ", "JWT")) + "." + payload + ".";
  }

  /**
   * The key-confusion attack: a real token's claims signed HS256 with the realm's public key (its
   * X.509 encoding) as the HMAC secret, naming the realm's key id.
   */
  static String hs256WithRealmPublicKey(String realToken) {
    RealmKey realm = realmKey();
    String input =
        encode(Map.of("alg", "HS256", "typ", "JWT", "kid", realm.kid()))
            + "."
            + realToken.split("\\.")[1];
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(realm.key().getEncoded(), "HmacSHA256"));
      return input + "." + B64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The realm's current RS256 key, from its JWKS. */
  static RealmKey realmKey() {
    try {
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(KeycloakServer.realmUrl() + "/protocol/openid-connect/certs"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      for (JsonNode k : JSON.readTree(r.body()).get("keys")) {
        if ("RS256".equals(k.path("alg").asText()) && "sig".equals(k.path("use").asText())) {
          RSAPublicKeySpec spec =
              new RSAPublicKeySpec(
                  new BigInteger(1, B64D.decode(k.get("n").asText())),
                  new BigInteger(1, B64D.decode(k.get("e").asText())));
          return new RealmKey(
              k.get("kid").asText(),
              (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(spec));
        }
      }
      throw new IllegalStateException("no RS256 signing key in the realm's JWKS");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static Map<String, Object> claimsOf(String token) {
    return decode(token.split("\\.")[1]);
  }

  private static synchronized PrivateKey attackerKey() {
    if (attacker == null) {
      try {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        attacker = g.generateKeyPair();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    return attacker.getPrivate();
  }

  private static String rs256(
      Map<String, Object> header, Map<String, Object> claims, PrivateKey k) {
    try {
      String input = encode(header) + "." + encode(claims);
      Signature s = Signature.getInstance("SHA256withRSA");
      s.initSign(k);
      s.update(input.getBytes(StandardCharsets.US_ASCII));
      return input + "." + B64.encodeToString(s.sign());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String encode(Map<String, Object> json) {
    try {
      return B64.encodeToString(JSON.writeValueAsBytes(json));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> decode(String part) {
    try {
      return JSON.readValue(B64D.decode(part), MAP);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
