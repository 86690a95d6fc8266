package it.percorsi.gateway;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keys of the test issuer and tokens signed with them. The keys travel in system properties so the
 * test resource (which serves them as a JWKS) and the tests (which sign) see the same ones whatever
 * class loader each runs in.
 */
final class TestJwt {

  static final String ISSUER_PROPERTY = "percorsi.test.issuer";
  static final String RSA_KID = "rsa-1";
  static final String EC_KID = "ec-1";
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private TestJwt() {}

  static synchronized KeyPair rsa() {
    return keys("RSA", "percorsi.test.rsa");
  }

  static synchronized KeyPair ec() {
    return keys("EC", "percorsi.test.ec");
  }

  static String issuer() {
    return System.getProperty(ISSUER_PROPERTY);
  }

  /** The public keys as a JWKS document. */
  static JsonObject jwks() {
    RSAPublicKey r = (RSAPublicKey) rsa().getPublic();
    ECPublicKey e = (ECPublicKey) ec().getPublic();
    return new JsonObject()
        .put(
            "keys",
            new JsonArray()
                .add(
                    new JsonObject()
                        .put("kty", "RSA")
                        .put("kid", RSA_KID)
                        .put("use", "sig")
                        .put("alg", "RS256")
                        .put("n", unsigned(r.getModulus(), 256))
                        .put("e", unsigned(r.getPublicExponent(), 3)))
                .add(
                    new JsonObject()
                        .put("kty", "EC")
                        .put("kid", EC_KID)
                        .put("use", "sig")
                        .put("alg", "ES256")
                        .put("crv", "P-256")
                        .put("x", unsigned(e.getW().getAffineX(), 32))
                        .put("y", unsigned(e.getW().getAffineY(), 32))));
  }

  /** Claims of a valid access token of client {@code azp} with the given realm roles. */
  static JsonObject claims(String azp, String... roles) {
    long now = Instant.now().getEpochSecond();
    return new JsonObject()
        .put("iss", issuer())
        .put("aud", new JsonArray().add("percorsi-api").add("account"))
        .put("sub", "sub-" + azp)
        .put("typ", "Bearer")
        .put("azp", azp)
        .put("org_id", "ORG-" + azp)
        .put("iat", now)
        .put("exp", now + 300)
        .put("realm_access", new JsonObject().put("roles", new JsonArray(Arrays.asList(roles))));
  }

  static String rs256(JsonObject claims) {
    return sign(header("RS256", RSA_KID), claims, "SHA256withRSA", rsa().getPrivate());
  }

  static String es256(JsonObject claims) {
    return sign(header("ES256", EC_KID), claims, "SHA256withECDSAinP1363Format", ec().getPrivate());
  }

  /** Signed with the realm's own RSA key, but with an algorithm the gateway does not accept. */
  static String ps256(JsonObject claims) {
    try {
      Signature s = Signature.getInstance("RSASSA-PSS");
      s.setParameter(
          new java.security.spec.PSSParameterSpec(
              "SHA-256", "MGF1", java.security.spec.MGF1ParameterSpec.SHA256, 32, 1));
      return sign(header("PS256", RSA_KID), claims, s, rsa().getPrivate());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String signedBy(KeyPair other, String kid, JsonObject claims) {
    return sign(header("RS256", kid), claims, "SHA256withRSA", other.getPrivate());
  }

  static String algNone(JsonObject claims) {
    return encode(new JsonObject().put("alg", "none").put("typ", "JWT"))
        + "."
        + encode(claims)
        + ".";
  }

  /** The key-confusion attack: HS256 with the RSA public key (X.509 bytes) as the secret. */
  static String hs256WithPublicKey(JsonObject claims) {
    try {
      String input = encode(header("HS256", RSA_KID)) + "." + encode(claims);
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(rsa().getPublic().getEncoded(), "HmacSHA256"));
      return input + "." + B64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A valid token whose payload is then swapped for one with more roles, signature kept. */
  static String tampered(JsonObject claims) {
    String[] parts = rs256(claims).split("\\.");
    JsonObject escalated = claims.copy();
    escalated.getJsonObject("realm_access").getJsonArray("roles").add("agency-admin");
    return parts[0] + "." + encode(escalated) + "." + parts[2];
  }

  static KeyPair newRsa() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      return g.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonObject header(String alg, String kid) {
    return new JsonObject().put("alg", alg).put("typ", "JWT").put("kid", kid);
  }

  private static String sign(JsonObject header, JsonObject claims, String alg, PrivateKey key) {
    try {
      return sign(header, claims, Signature.getInstance(alg), key);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sign(JsonObject header, JsonObject claims, Signature s, PrivateKey key) {
    try {
      String input = encode(header) + "." + encode(claims);
      s.initSign(key);
      s.update(input.getBytes(StandardCharsets.US_ASCII));
      return input + "." + B64.encodeToString(s.sign());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String encode(JsonObject json) {
    return B64.encodeToString(json.encode().getBytes(StandardCharsets.UTF_8));
  }

  private static String unsigned(BigInteger value, int length) {
    byte[] bytes = value.toByteArray();
    if (bytes.length > 1 && bytes[0] == 0) {
      bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
    }
    if (bytes.length < length) {
      byte[] padded = new byte[length];
      System.arraycopy(bytes, 0, padded, length - bytes.length, bytes.length);
      bytes = padded;
    }
    return B64.encodeToString(bytes);
  }

  private static KeyPair keys(String type, String property) {
    try {
      KeyFactory f = KeyFactory.getInstance(type);
      String stored = System.getProperty(property);
      if (stored == null) {
        KeyPairGenerator g = KeyPairGenerator.getInstance(type);
        if (type.equals("EC")) {
          g.initialize(new ECGenParameterSpec("secp256r1"));
        } else {
          g.initialize(2048);
        }
        KeyPair pair = g.generateKeyPair();
        stored =
            Base64.getEncoder().encodeToString(pair.getPublic().getEncoded())
                + ":"
                + Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
        System.setProperty(property, stored);
      }
      String[] parts = stored.split(":");
      return new KeyPair(
          f.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(parts[0]))),
          f.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(parts[1]))));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
