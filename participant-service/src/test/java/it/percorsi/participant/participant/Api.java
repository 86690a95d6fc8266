package it.percorsi.participant.participant;

import static io.restassured.RestAssured.given;

import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import it.percorsi.testkit.Tokens;
import java.util.Map;

/** The participant API as the demo principals call it, with real tokens. */
public final class Api {

  public static final String PROBLEM = "application/problem+json";

  /**
   * With its charset said: RestAssured would otherwise declare (and encode as) ISO-8859-1 for a
   * media type it does not know, which the services refuse (JSON is UTF-8).
   */
  public static final String MERGE_PATCH = "application/merge-patch+json; charset=UTF-8";

  public static final String PROBLEMS = "https://percorsi.it/problems/";

  private Api() {}

  public static RequestSpecification as(String principal) {
    return given().auth().oauth2(Tokens.of(principal));
  }

  /** {@code POST /participants} as {@code principal}, for the test to check the answer. */
  public static ValidatableResponse registering(String principal, Object body) {
    return as(principal)
        .contentType("application/json")
        .body(body)
        .when()
        .post("/participants")
        .then();
  }

  /** Registers {@code body} as {@code principal}; returns the new id. */
  public static String register(String principal, Map<String, Object> body) {
    return registering(principal, body).statusCode(201).extract().path("id");
  }

  /** The current ETag, read by the agency (who sees everything). */
  public static String etag(String id) {
    return as("agency-admin")
        .when()
        .get("/participants/" + id)
        .then()
        .statusCode(200)
        .extract()
        .header("ETag");
  }

  public static ValidatableResponse patch(
      String principal, String id, String ifMatch, Object patch) {
    RequestSpecification r = as(principal).contentType(MERGE_PATCH).body(patch);
    if (ifMatch != null) {
      r = r.header("If-Match", ifMatch);
    }
    return r.when().patch("/participants/" + id).then();
  }

  /** A patch with the current ETag. */
  public static ValidatableResponse patch(String principal, String id, Object patch) {
    return patch(principal, id, etag(id), patch);
  }

  public static ValidatableResponse get(String principal, String path) {
    return as(principal).when().get(path).then();
  }

  public static ValidatableResponse post(String principal, String path, Object body) {
    return as(principal).contentType("application/json").body(body).when().post(path).then();
  }
}
