package it.percorsi.placement;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A filter that does not convert (a state that does not exist, an id that is not a UUID, a limit
 * that is not a number) is a 400 problem naming the parameter, not a 404 that says the list does
 * not exist.
 */
@QuarkusTest
@RealInfrastructure
class TypedQueryParametersTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "/internships?state=FOO, state, must be one of STARTED",
    "/internships?doteId=not-a-uuid, doteId, must be a UUID",
    "/internships?employerId=1, employerId, must be a UUID",
    "/hires?participantId=abc, participantId, must be a UUID",
    "/internships/follow-ups?status=DONE, status, must be one of SCHEDULED",
    "/internships/follow-ups?limit=abc, limit, must be a whole number",
    "/internships/follow-ups?limit=0, limit, must be at least 1"
  })
  void aFilterThatDoesNotConvertIsAFieldError(String path, String field, String message) {
    Api.get("agency-admin", path)
        .statusCode(400)
        .contentType(Api.PROBLEM)
        .body("type", equalTo(Api.PROBLEMS + "validation"))
        .body("errors.field", hasItem(field))
        .body("errors[0].message", containsString(message));
  }
}
