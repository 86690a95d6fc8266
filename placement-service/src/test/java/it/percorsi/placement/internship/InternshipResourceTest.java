package it.percorsi.placement.internship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import it.percorsi.placement.Api;
import it.percorsi.placement.Dotes;
import it.percorsi.placement.Fixtures;
import it.percorsi.placement.RealInfrastructure;
import it.percorsi.testkit.EventSchemas;
import it.percorsi.testkit.Events;
import it.percorsi.testkit.TestClock;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@RealInfrastructure
class InternshipResourceTest {

  static final String TOPIC = "percorsi.placements.v1";
  static final ObjectMapper JSON = new ObjectMapper();

  @Inject TestClock clock;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  static Events.Read event(String type, String key) {
    return Events.await(
        TOPIC,
        r -> key.equals(r.key()) && type.equals(r.header("ce_type")),
        Duration.ofSeconds(20));
  }

  static JsonNode valid(Events.Read e) throws Exception {
    assertThat(EventSchemas.violations("outbound", e.header("ce_type"), e.value())).isEmpty();
    return JSON.readTree(e.value());
  }

  @Test
  void startsForAnActiveDoteAndPublishesTheStart() throws Exception {
    Dotes.Dote dote = Dotes.active();
    String employer = Fixtures.registerEmployer(Fixtures.employer());
    String id =
        Api.post(
                "promoter-a", "/internships", Fixtures.start(dote.doteId(), employer, "2026-12-07"))
            .statusCode(201)
            .header("Location", notNullValue())
            .header("ETag", equalTo("\"0\""))
            .body("plannedEndDate", equalTo("2027-06-06"))
            .body("state", equalTo("STARTED"))
            .body("hostOrgId", equalTo("HOST-ACME"))
            .body("provinceCode", equalTo("083"))
            .extract()
            .path("id");
    Events.Read started = event("it.percorsi.placement.internship-started.v1", id);
    // No personal data or free text: tutors' names, tasks, the employer's tax code stay here.
    assertThat(started.value())
        .doesNotContain("Giulia Verdi")
        .doesNotContain("Marco Neri")
        .doesNotContain("Assembly of mechanical parts");
    JsonNode payload = valid(started);
    assertThat(payload.get("doteId").asText()).isEqualTo(dote.doteId().toString());
    assertThat(payload.get("startDate").asText()).isEqualTo("2026-12-07");
    assertThat(payload.get("plannedEndDate").asText()).isEqualTo("2027-06-06");
  }

  @Test
  void aDoteNotYetActiveIsRefused() {
    Dotes.Dote dote = Dotes.of("ORG-PROMOTER-A", "083");
    Dotes.assigned(dote);
    String employer = Fixtures.registerEmployer(Fixtures.employer());
    Api.post("promoter-a", "/internships", Fixtures.start(dote.doteId(), employer, "2026-12-07"))
        .statusCode(422)
        .contentType(Api.PROBLEM)
        .body("type", equalTo(Api.PROBLEMS + "dote-not-active"));
  }

  @Test
  void anotherOrganisationsDoteIsNotFoundAndAHostCannotStart() {
    Dotes.Dote dote = Dotes.active();
    String employer = Fixtures.registerEmployer(Fixtures.employer());
    Map<String, Object> body = Fixtures.start(dote.doteId(), employer, "2026-12-07");
    Api.post("promoter-b", "/internships", body)
        .statusCode(404)
        .body("type", equalTo(Api.PROBLEMS + "not-found"));
    Api.post("host-acme", "/internships", body).statusCode(403).contentType(Api.PROBLEM);
  }

  @Test
  void aThirdInternshipAtATwelveEmployeeHostIsRefusedWhileTwoRun() {
    String employer = Fixtures.registerEmployer(Fixtures.employer(12));
    Fixtures.startInternship(Dotes.active().doteId(), employer, "2026-12-07");
    Fixtures.startInternship(Dotes.active().doteId(), employer, "2026-12-07");
    Api.post(
            "promoter-a",
            "/internships",
            Fixtures.start(Dotes.active().doteId(), employer, "2026-12-07"))
        .statusCode(409)
        .body("type", equalTo(Api.PROBLEMS + "host-intern-limit"))
        .body("limit", equalTo(2));
  }

  @Test
  void theHostOfAnotherOrganisationGets404() {
    Map<String, Object> other = Fixtures.employer();
    other.put("hostOrgId", "HOST-OTHER");
    String employer = Fixtures.registerEmployer(other);
    String id = Fixtures.startInternship(Dotes.active().doteId(), employer, "2026-12-07");
    Api.get("host-acme", "/internships/" + id).statusCode(404);
    Api.get("host-acme", "/internships/" + id + "/attendance").statusCode(404);
    Api.get("promoter-a", "/internships/" + id).statusCode(200);
    Api.get("cpi-messina", "/internships/" + id).statusCode(200);
    Api.get("cpi-palermo", "/internships/" + id).statusCode(404);
  }

  @Test
  void monthlyAttendanceIsEnteredByOnePartyAndConfirmedOnceByTheOther() throws Exception {
    String employer = Fixtures.registerEmployer(Fixtures.employer());
    String id = Fixtures.startInternship(Dotes.active().doteId(), employer, "2026-12-07");
    String path = "/internships/" + id + "/attendance/2026-12";
    clock.moveTo(LocalDate.of(2026, 12, 20));
    Api.put("promoter-a", path, null, Map.of("attendedHours", 60))
        .statusCode(422)
        .body("type", equalTo(Api.PROBLEMS + "month-not-ended"));
    clock.moveTo(LocalDate.of(2027, 1, 5));
    Api.put(
            "promoter-a",
            "/internships/" + id + "/attendance/2027-01",
            null,
            Map.of("attendedHours", 1))
        .statusCode(422)
        .body("type", equalTo(Api.PROBLEMS + "month-not-ended"));
    Api.put("promoter-b", path, null, Map.of("attendedHours", 60)).statusCode(404);
    Api.put("promoter-a", path, null, Map.of("attendedHours", 90))
        .statusCode(400)
        .body("errors[0].field", equalTo("attendedHours"));
    Api.put("promoter-a", path, null, Map.of("attendedHours", 59))
        .statusCode(200)
        .body("plannedHours", equalTo(85))
        .body("enteredBy", equalTo("PROMOTER"))
        .body("confirmed", equalTo(false));
    Api.put("promoter-a", path, null, Map.of("attendedHours", 60)).statusCode(428);
    Api.put("promoter-a", path, "\"0\"", Map.of("attendedHours", 60))
        .statusCode(200)
        .body("percent", equalTo(70))
        .body("thresholdMet", equalTo(true));
    Api.post("promoter-a", path + "/confirmation", Map.of())
        .statusCode(409)
        .body("type", equalTo(Api.PROBLEMS + "confirmation-by-other-party"));
    Api.post("host-acme", path + "/confirmation", Map.of())
        .statusCode(200)
        .body("confirmed", equalTo(true))
        .body("confirmedBy", equalTo("HOST"));
    Api.post("host-acme", path + "/confirmation", Map.of())
        .statusCode(409)
        .body("type", equalTo(Api.PROBLEMS + "attendance-confirmed"));
    Api.put("host-acme", path, "\"2\"", Map.of("attendedHours", 85))
        .statusCode(409)
        .body("type", equalTo(Api.PROBLEMS + "attendance-confirmed"));

    JsonNode payload = valid(event("it.percorsi.placement.attendance-recorded.v1", id));
    assertThat(payload.get("month").asText()).isEqualTo("2026-12");
    assertThat(payload.get("plannedHours").asInt()).isEqualTo(85);
    assertThat(payload.get("attendedHours").asInt()).isEqualTo(60);
    assertThat(payload.get("coveredWorkingDays").asInt()).isEqualTo(17);
    assertThat(payload.get("monthWorkingDays").asInt()).isEqualTo(21);
    assertThat(payload.get("revision").asInt()).isEqualTo(1);
    assertThat(
            Events.readUntil(TOPIC, rs -> false, Duration.ofSeconds(2)).stream()
                .filter(r -> id.equals(r.key()))
                .filter(
                    r -> "it.percorsi.placement.attendance-recorded.v1".equals(r.header("ce_type")))
                .count())
        .isEqualTo(1);
    Api.get("host-acme", "/internships/" + id + "/attendance")
        .statusCode(200)
        .body("[0].month", equalTo("2026-12"))
        .body("[0].thresholdMet", equalTo(true));
  }

  @Test
  void aDoteExtensionLengthensTheRunningInternship() throws Exception {
    Dotes.Dote dote = Dotes.active();
    String employer = Fixtures.registerEmployer(Fixtures.employer());
    String id = Fixtures.startInternship(dote.doteId(), employer, "2026-12-07");
    Dotes.extended(dote, 2, 2);
    JsonNode payload = valid(event("it.percorsi.placement.internship-extended.v1", id));
    assertThat(payload.get("addedMonths").asInt()).isEqualTo(2);
    assertThat(payload.get("plannedEndDate").asText()).isEqualTo("2027-08-06");
    Api.get("promoter-a", "/internships/" + id)
        .statusCode(200)
        .body("plannedEndDate", equalTo("2027-08-06"))
        .body("extensionMonths", equalTo(2));
  }

  @Test
  void anInterruptionPublishesTheOutcomeAndReason() throws Exception {
    String employer = Fixtures.registerEmployer(Fixtures.employer());
    String id = Fixtures.startInternship(Dotes.active().doteId(), employer, "2026-12-07");
    clock.moveTo(LocalDate.of(2027, 2, 15));
    Api.post(
            "promoter-a",
            "/internships/" + id + "/interruption",
            Map.of("reason", "HIRED_BY_HOST", "lastDay", "2027-02-12"))
        .statusCode(200)
        .body("state", equalTo("INTERRUPTED"))
        .body("endedOn", equalTo("2027-02-12"));
    JsonNode payload = valid(event("it.percorsi.placement.internship-completed.v1", id));
    assertThat(payload.get("outcome").asText()).isEqualTo("INTERRUPTED");
    assertThat(payload.get("interruptionReason").asText()).isEqualTo("HIRED_BY_HOST");
    assertThat(payload.get("completedOn").asText()).isEqualTo("2027-02-12");
    assertThat(payload.get("startDate").asText()).isEqualTo("2026-12-07");
    Api.get("agency-admin", "/internships/" + id + "/history")
        .statusCode(200)
        .body("action", org.hamcrest.Matchers.contains("started", "interrupted"));
    Api.get("host-acme", "/internships/" + id + "/history").statusCode(403);
  }
}
