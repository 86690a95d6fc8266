package it.percorsi.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import it.percorsi.testkit.Events;
import it.percorsi.testkit.Registrations;
import it.percorsi.testkit.Tokens;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * An internship through the gateway with the packaged services and the sandbox clock: an active
 * dote, a host of 12 employees, an internship started today, three whole months of attendance (69
 * %, 70 %, full) entered by the promoter and confirmed by the host once each month has ended →
 * dote-service pays the allowance for exactly the two months at or above the threshold. Moves the
 * business clock, so it runs after the tests that read the wall-clock date.
 */
@Order(Integer.MAX_VALUE - 3)
class InternshipThroughTheGatewayTest {

  private static Stack stack;

  @BeforeAll
  static void platform() {
    stack = Stack.get();
  }

  private static RequestSpecification as(String principal) {
    return given().baseUri(stack.gateway()).auth().oauth2(Tokens.of(principal));
  }

  private static LocalDate today() {
    return LocalDate.parse(
        as("agency-admin")
            .when()
            .get("/api/sandbox/clock")
            .then()
            .statusCode(200)
            .extract()
            .path("today"));
  }

  /**
   * A dote of a participant of Messina, active: its plan approval published as plan-service does.
   */
  private static String activeDote(LocalDate today) {
    String participant =
        as("promoter-a")
            .contentType("application/json")
            .body(Registrations.eligible("083", today))
            .when()
            .post("/api/participants")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Map<String, Object> application =
        Map.of(
            "programme",
            "EXAMPLE-PERCORSI-4-SUD",
            "participantId",
            participant,
            "plannedInternshipStart",
            today.plusDays(1).toString());
    String dote =
        Awaitility.await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    as("promoter-a")
                        .contentType("application/json")
                        .body(application)
                        .when()
                        .post("/api/dotes")
                        .then()
                        .extract(),
                r -> r.statusCode() == 201)
            .path("id");
    String plan = UUID.randomUUID().toString();
    Events.publish(
        "percorsi.plans.v1",
        plan,
        Events.cloudEvent(UUID.randomUUID().toString(), "it.percorsi.plan.approved.v1", plan),
        "{\"planId\":\"%s\",\"doteId\":\"%s\",\"approvedOn\":\"%s\"}".formatted(plan, dote, today));
    return dote;
  }

  private static String host() {
    return Hosts.officinePeloritane(stack.gateway(), Registrations.provisionalTaxCode());
  }

  /** The promoter enters (or, with the month's ETag, corrects) a month's attended hours. */
  private static io.restassured.response.Response enter(
      String internship, YearMonth month, int hours, String etag) {
    var spec =
        as("promoter-a").contentType("application/json").body(Map.of("attendedHours", hours));
    if (etag != null) {
      spec = spec.header("If-Match", etag);
    }
    io.restassured.response.Response r =
        spec.when().put("/api/internships/" + internship + "/attendance/" + month);
    r.then().statusCode(200);
    return r;
  }

  @Test
  void threeMonthsConfirmedByTheHostPayTheTwoAtOrAboveSeventyPercent() {
    LocalDate today = today();
    String dote = activeDote(today);
    String employer = host();
    Map<String, Object> start =
        Map.of(
            "doteId",
            dote,
            "employerId",
            employer,
            "startDate",
            today.plusDays(1).toString(),
            "weeklyHours",
            25,
            "companyTutor",
            "Giulia Verdi",
            "promoterTutor",
            "Marco Neri",
            "tasks",
            "Assembly of mechanical parts under supervision");
    // placement-service learns that the dote is active from dote-service's event.
    String internship =
        Awaitility.await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    as("promoter-a")
                        .contentType("application/json")
                        .body(start)
                        .when()
                        .post("/api/internships")
                        .then()
                        .extract(),
                r -> r.statusCode() == 201)
            .path("id");

    YearMonth first = YearMonth.from(today.plusDays(1)).plusMonths(1);
    List<YearMonth> months = List.of(first, first.plusMonths(1), first.plusMonths(2));
    as("agency-admin")
        .contentType("application/json")
        .body(Map.of("today", months.get(2).plusMonths(1).atDay(1).toString()))
        .when()
        .put("/api/sandbox/clock")
        .then()
        .statusCode(200);

    int[] percent = {69, 70, 100};
    for (int i = 0; i < 3; i++) {
      // The calendar plans the month's hours: read them from a first entry, then correct it.
      io.restassured.response.Response draft = enter(internship, months.get(i), 0, null);
      int planned = draft.jsonPath().getInt("plannedHours");
      int attended =
          percent[i] == 69
              ? planned * 69 / 100
              : percent[i] == 70 ? (planned * 70 + 99) / 100 : planned;
      JsonPath entered =
          enter(internship, months.get(i), attended, draft.header("ETag")).jsonPath();
      assertThat(entered.getBoolean("thresholdMet")).isEqualTo(percent[i] >= 70);
      as("host-acme")
          .when()
          .post("/api/internships/" + internship + "/attendance/" + months.get(i) + "/confirmation")
          .then()
          .statusCode(200);
    }

    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              JsonPath d =
                  as("agency-admin")
                      .when()
                      .get("/api/dotes/" + dote)
                      .then()
                      .statusCode(200)
                      .extract()
                      .jsonPath();
              assertThat(d.getList("disbursements.findAll { it.line == 'PARTICIPANT_ALLOWANCE' }"))
                  .hasSize(3);
              assertThat(
                      d.getList(
                          "disbursements.findAll { it.line == 'PARTICIPANT_ALLOWANCE'"
                              + " && it.status == 'AUTHORISED' }.period"))
                  .containsExactlyInAnyOrder(months.get(1).toString(), months.get(2).toString());
              assertThat(
                      d.getString(
                          "disbursements.find { it.period == '" + months.get(0) + "' }.status"))
                  .isEqualTo("NOT_PAYABLE");
            });
    as("promoter-b").when().get("/api/internships/" + internship).then().statusCode(404);
  }
}
