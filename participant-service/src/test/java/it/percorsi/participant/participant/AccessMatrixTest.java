package it.percorsi.participant.participant;

import static it.percorsi.participant.participant.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who sees what, as a table with real tokens. The subject is a participant owned by promoter-a
 * (ORG-PROMOTER-A) and resident in Messina (083, served by cpi-messina; cpi-palermo serves 082).
 * For {@code list}, 200 means the participant is in the caller's list and 404 that it is not.
 * Operations that end the subject (transfer, erasure) run on a fresh participant each time.
 */
@QuarkusTest
@RealInfrastructure
class AccessMatrixTest {

  private static final String TABLE =
      """
      principal     register read list patch history export eligibility consent transfer erase
      promoter-a    201      200  200  200   200     200    200         200     403      403
      promoter-b    201      404  404  404   404     404    404         404     403      403
      cpi-messina   201      200  200  200   200     200    200         200     403      403
      cpi-palermo   403      404  404  404   404     404    404         404     403      403
      agency-admin  201      200  200  200   200     200    200         200     200      200
      auditor       403      200  200  403   200     200    403         403     403      403
      host-acme     403      403  403  403   403     403    403         403     403      403
      integrator    403      403  403  403   403     403    403         403     403      403
      """;

  private static Subject subject;

  /** The participant of the table and its tax code, registered once. */
  private record Subject(String id, String taxCode) {}

  private static synchronized Subject subject() {
    if (subject == null) {
      Map<String, Object> body = Fixtures.complete();
      subject = new Subject(Api.register("promoter-a", body), (String) body.get("taxCode"));
    }
    return subject;
  }

  /** What each column does; returns the HTTP status the caller got. */
  enum Operation {
    REGISTER(
        (who, s) ->
            as(who)
                .contentType("application/json")
                .body(Fixtures.body("083"))
                .post("/participants")),
    READ((who, s) -> as(who).get("/participants/" + s.id())),
    LIST((who, s) -> as(who).queryParam("taxCode", s.taxCode()).get("/participants")),
    PATCH(
        (who, s) ->
            as(who)
                .contentType(Api.MERGE_PATCH)
                .header("If-Match", Api.etag(s.id()))
                .body(Map.of("yearsOfSchooling", 9))
                .patch("/participants/" + s.id())),
    HISTORY((who, s) -> as(who).get("/participants/" + s.id() + "/history")),
    EXPORT((who, s) -> as(who).get("/participants/" + s.id() + "/export")),
    ELIGIBILITY(
        (who, s) ->
            as(who)
                .contentType("application/json")
                .body(Map.of("at", Fixtures.today().toString(), "minimumAge", 16))
                .post("/participants/" + s.id() + "/eligibility-checks")),
    CONSENT(
        (who, s) ->
            as(who)
                .contentType("application/json")
                .body(Map.of())
                .post("/participants/" + fresh().id() + "/consent-withdrawal")),
    TRANSFER(
        (who, s) ->
            as(who)
                .contentType("application/json")
                .body(Map.of("toOrgId", "ORG-PROMOTER-B"))
                .post("/participants/" + fresh().id() + "/ownership-transfers")),
    ERASE(
        (who, s) ->
            as(who)
                .contentType("application/json")
                .post("/participants/" + fresh().id() + "/erasure"));

    private final BiFunction<String, Subject, Response> call;

    Operation(BiFunction<String, Subject, Response> call) {
      this.call = call;
    }

    int status(String principal, Subject s) {
      Response r = call.apply(principal, s);
      if (this == LIST && r.statusCode() == 200) {
        List<String> ids = r.path("items.id");
        return ids.contains(s.id()) ? 200 : 404;
      }
      return r.statusCode();
    }
  }

  /** Like the subject (owned by promoter-a, resident in 083), for operations that end it. */
  private static Subject fresh() {
    Map<String, Object> body = Fixtures.complete();
    return new Subject(Api.register("promoter-a", body), (String) body.get("taxCode"));
  }

  static Stream<Arguments> table() {
    List<String> lines = TABLE.strip().lines().toList();
    String[] columns = lines.get(0).trim().split("\\s+");
    List<Arguments> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.trim().split("\\s+");
      for (int c = 1; c < columns.length; c++) {
        rows.add(
            Arguments.of(
                cells[0],
                Operation.valueOf(columns[c].toUpperCase(java.util.Locale.ROOT)),
                Integer.parseInt(cells[c])));
      }
    }
    return rows.stream();
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @MethodSource("table")
  void callerGetsWhatTheAccessTableSays(String principal, Operation operation, int expected) {
    assertThat(operation.status(principal, subject())).isEqualTo(expected);
  }
}
