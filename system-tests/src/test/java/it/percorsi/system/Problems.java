package it.percorsi.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.util.List;

/** What every error answer must be, wherever it comes from: RFC 9457, never a stack trace. */
final class Problems {

  static final String MEDIA_TYPE = "application/problem+json";

  /** Text that only a leaked exception, stack trace or SQL error would put in a body. */
  static final List<String> LEAKS =
      List.of(
          "Exception",
          "\tat ",
          "at java.",
          "at io.",
          "at org.",
          "at it.percorsi",
          "Caused by",
          "org.hibernate",
          "SQLState",
          "jdbc:",
          "<html",
          "stackTrace");

  private Problems() {}

  /** Asserts {@code r} is a problem with this status, a stable type and nothing leaked. */
  static void assertProblem(Response r, int status, String what) {
    assertThat(r.statusCode()).as(what + " status").isEqualTo(status);
    assertProblem(r, what);
  }

  /** Asserts {@code r} is a well-formed problem whose status matches the HTTP status. */
  static void assertProblem(Response r, String what) {
    String body = r.asString();
    assertThat(r.contentType())
        .as("%s: content type of %d %s", what, r.statusCode(), body)
        .startsWith(MEDIA_TYPE);
    assertThat(r.jsonPath().getInt("status"))
        .as(what + " problem status")
        .isEqualTo(r.statusCode());
    assertThat(r.jsonPath().getString("type")).as(what + " problem type").startsWith("https://");
    assertThat(r.jsonPath().getString("title")).as(what + " problem title").isNotBlank();
    for (String leak : LEAKS) {
      assertThat(body).as(what + " leaks " + leak).doesNotContain(leak);
    }
  }
}
