package it.percorsi.placement;

import static io.restassured.RestAssured.given;

import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import it.percorsi.testkit.Tokens;

/** The placement API as the demo principals call it, with real tokens. */
public final class Api {

  public static final String PROBLEM = "application/problem+json";
  public static final String PROBLEMS = "https://percorsi.it/problems/";

  private Api() {}

  public static RequestSpecification as(String principal) {
    return given().auth().oauth2(Tokens.of(principal));
  }

  public static ValidatableResponse get(String principal, String path) {
    return as(principal).when().get(path).then();
  }

  public static ValidatableResponse post(String principal, String path, Object body) {
    return as(principal).contentType("application/json").body(body).when().post(path).then();
  }

  public static ValidatableResponse put(
      String principal, String path, String ifMatch, Object body) {
    RequestSpecification r = as(principal).contentType("application/json").body(body);
    if (ifMatch != null) {
      r = r.header("If-Match", ifMatch);
    }
    return r.when().put(path).then();
  }

  /** The current ETag of {@code path}, read by the agency (who sees everything). */
  public static String etag(String path) {
    return get("agency-admin", path).statusCode(200).extract().header("ETag");
  }
}
