package it.percorsi.plan.support;

import static io.restassured.RestAssured.given;

import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import it.percorsi.testkit.Tokens;

/** RestAssured calls as one of the demo principals. */
public final class Api {

  private Api() {}

  public static RequestSpecification as(String principal) {
    return given()
        .header("Authorization", Tokens.bearer(principal))
        .contentType("application/json");
  }

  public static ValidatableResponse get(String principal, String path) {
    return as(principal).when().get(path).then();
  }

  public static ValidatableResponse post(String principal, String path, Object body) {
    return as(principal).body(body).when().post(path).then();
  }

  public static ValidatableResponse post(String principal, String path) {
    return as(principal).when().post(path).then();
  }

  /** The plan's current ETag. */
  public static String etag(String principal, String planId) {
    return get(principal, "/plans/" + planId).statusCode(200).extract().header("ETag");
  }

  /** Writes the plan's content with the ETag just read. */
  public static ValidatableResponse write(String principal, String planId, Object content) {
    return as(principal)
        .header("If-Match", etag(principal, planId))
        .body(content)
        .when()
        .put("/plans/" + planId)
        .then();
  }
}
