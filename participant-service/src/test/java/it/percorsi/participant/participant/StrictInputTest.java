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
}
