package it.percorsi.participant.participant;

import static it.percorsi.participant.participant.Api.PROBLEM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed and loosely typed bodies and parameters, as an attacker or a careless client sends
 * them: each is a 400 problem naming the field, never a 5xx, and nothing is written.
 */
@QuarkusTest
@RealInfrastructure
class StrictInputTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject EntityManager em;

  /** A valid registration as JSON text, with {@code field} replaced by the raw JSON {@code raw}. */
  private static String registrationWith(String field, String raw) {
    try {
      String marker = "\"__" + field + "__\"";
      Map<String, Object> body = Fixtures.body("083");
      body.put(field, "__" + field + "__");
      return JSON.writeValueAsString(body).replace(marker, raw);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static Stream<Arguments> badBodies() {
    return Stream.of(
        Arguments.of("a number as a string", registrationWith("givenName", "123"), "givenName"),
        Arguments.of("true as a date", registrationWith("birthDate", "true"), "birthDate"),
        Arguments.of("a number as a date", registrationWith("birthDate", "20050314"), "birthDate"),
        Arguments.of("year 0", registrationWith("birthDate", "\"0000-01-01\""), "birthDate"),
        Arguments.of("year 10000", registrationWith("birthDate", "\"+10000-01-01\""), "birthDate"),
        Arguments.of(
            "the far past", registrationWith("arrivalDate", "\"-999999999-01-01\""), "arrivalDate"),
        Arguments.of(
            "the far future",
            registrationWith("arrivalDate", "\"+999999999-12-31\""),
            "arrivalDate"),
        Arguments.of("30 February", registrationWith("birthDate", "\"2005-02-30\""), "birthDate"),
        Arguments.of(
            "a NUL character", registrationWith("familyName", "\"Dia\\u0000llo\""), "familyName"),
        Arguments.of(
            "a bidirectional override",
            registrationWith("givenName", "\"Ama\\u202edou\""),
            "givenName"),
        Arguments.of(
            "an escape sequence", registrationWith("givenName", "\"\\u001b[2J\""), "givenName"),
        Arguments.of(
            "a boolean as a string",
            registrationWith("enteredAsUnaccompaniedMinor", "\"true\""),
            "enteredAsUnaccompaniedMinor"),
        Arguments.of(
            "a number as a boolean",
            registrationWith("enteredAsUnaccompaniedMinor", "1"),
            "enteredAsUnaccompaniedMinor"),
        Arguments.of(
            "a key given twice",
            registrationWith("givenName", "\"Amadou\", \"givenName\": \"Other\""),
            "givenName"),
        Arguments.of(
            "content after the JSON value", validJson() + " {\"taxCode\": \"x\"}", "body"));
  }

  private static String validJson() {
    try {
      return JSON.writeValueAsString(Fixtures.body("083"));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private long participants() {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number)
                        em.createNativeQuery("SELECT count(*) FROM participant").getSingleResult())
                    .longValue());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badBodies")
  void aLooselyTypedOrMalformedBodyIsAFieldErrorAndWritesNothing(
      String what, String body, String field) {
    long before = participants();
    Api.registering("promoter-a", body)
        .statusCode(400)
        .contentType(PROBLEM)
        .body("errors.field", hasItem(field))
        .body(not(containsString("java.")))
        .body(not(containsString("com.fasterxml")));
    assertThat(participants()).isEqualTo(before);
  }

  static Stream<Arguments> badParameters() {
    return Stream.of(
        Arguments.of("/participants?province=08%003", "province"),
        Arguments.of("/participants?taxCode=%00", "taxCode"),
        Arguments.of("/participants/abc%00def", "path"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badParameters")
  void aControlCharacterInAParameterIsAFieldErrorNotADatabaseError(String path, String field) {
    Api.as("agency-admin")
        .urlEncodingEnabled(false)
        .when()
        .get(path)
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("type", equalTo(Api.PROBLEMS + "validation"))
        .body("errors.field", hasItem(field));
  }

  static Stream<Arguments> notUtf8() {
    byte[] json = validJson().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] bom = new byte[json.length + 3];
    bom[0] = (byte) 0xEF;
    bom[1] = (byte) 0xBB;
    bom[2] = (byte) 0xBF;
    System.arraycopy(json, 0, bom, 3, json.length);
    return Stream.of(
        Arguments.of(
            "UTF-16 with a byte order mark",
            validJson().getBytes(java.nio.charset.StandardCharsets.UTF_16)),
        Arguments.of("UTF-16LE", validJson().getBytes(java.nio.charset.StandardCharsets.UTF_16LE)),
        Arguments.of(
            "UTF-32BE", validJson().getBytes(java.nio.charset.Charset.forName("UTF-32BE"))),
        Arguments.of("UTF-8 with a byte order mark", bom));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notUtf8")
  void aBodyNotInUtf8IsRefusedAndWritesNothing(String what, byte[] body) {
    long before = participants();
    Api.as("promoter-a")
        .contentType("application/json")
        .body(body)
        .when()
        .post("/participants")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("type", equalTo(Api.PROBLEMS + "malformed-request"));
    assertThat(participants()).isEqualTo(before);
  }

  @org.junit.jupiter.api.Test
  void aBodyRefusedBeforeItsEndClosesTheConnection() {
    // Jackson stops at 1,000 levels: the rest of the body is never read, so the connection must
    // not be reused by a pooling client (the gateway), or the next request on it would be lost.
    // (Nested 1,500 deep, then 200 KB the server never reaches; shallow enough to print.)
    String deep =
        "{\"givenName\":"
            + "[".repeat(1_500)
            + "]".repeat(1_500)
            + ",\"familyName\":\""
            + "x".repeat(200_000)
            + "\"}";
    long before = participants();
    Api.as("promoter-a")
        .contentType("application/json")
        .body(deep)
        .when()
        .post("/participants")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .header("Connection", equalTo("close"));
    assertThat(participants()).isEqualTo(before);
  }

  @org.junit.jupiter.api.Test
  void aBodyWithoutAContentTypeIsRefusedAndWritesNothing() throws Exception {
    long before = participants();
    java.net.http.HttpResponse<String> r =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(
                            "http://localhost:"
                                + io.restassured.RestAssured.port
                                + "/participants"))
                    .header(
                        "Authorization", "Bearer " + it.percorsi.testkit.Tokens.of("promoter-a"))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(validJson()))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(415);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith(PROBLEM));
    assertThat(r.body()).contains(Api.PROBLEMS + "unsupported-media-type");
    assertThat(participants()).isEqualTo(before);
  }

  @org.junit.jupiter.api.Test
  void aCharsetOtherThanUtf8IsRefusedAndWritesNothing() {
    long before = participants();
    Api.as("promoter-a")
        .contentType("application/json; charset=latin-7")
        .body(validJson().getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .when()
        .post("/participants")
        .then()
        .statusCode(415)
        .contentType(PROBLEM)
        .body("type", equalTo(Api.PROBLEMS + "unsupported-media-type"));
    assertThat(participants()).isEqualTo(before);
  }

  @org.junit.jupiter.api.Test
  void aMalformedIdempotencyKeyIsRefusedEvenWhereNoKeyIsNeeded() {
    String id = Api.register("promoter-a", Fixtures.body("083"));
    String etag = Api.etag(id);
    for (String key : new String[] {"", "k".repeat(256), "a b"}) {
      Api.as("promoter-a")
          .header("Idempotency-Key", key)
          .contentType("application/json")
          .body("{}")
          .when()
          .post("/participants/" + id + "/consent-withdrawal")
          .then()
          .statusCode(400)
          .contentType(PROBLEM)
          .body("errors.field", hasItem("Idempotency-Key"));
    }
    assertThat(Api.etag(id)).as("the participant after the refused requests").isEqualTo(etag);
  }
}
