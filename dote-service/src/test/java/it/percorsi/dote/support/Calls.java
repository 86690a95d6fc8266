package it.percorsi.dote.support;

import static io.restassured.RestAssured.given;

import io.restassured.response.ValidatableResponse;
import it.percorsi.testkit.Tokens;

/** One HTTP call as a demo principal, to assert on. */
public final class Calls {

  private Calls() {}

  /** {@code POST path} with a JSON body (or none) as {@code principal}. */
  public static ValidatableResponse post(String principal, String path, Object body) {
    var request = given().auth().oauth2(Tokens.of(principal));
    if (body != null) {
      request = request.contentType("application/json").body(body);
    }
    return request.when().post(path).then();
  }

  /** {@code GET path} as {@code principal}. */
  public static ValidatableResponse get(String principal, String path) {
    return given().auth().oauth2(Tokens.of(principal)).when().get(path).then();
  }
}
