package it.percorsi.placement.hire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import it.percorsi.placement.Api;
import it.percorsi.placement.Dotes;
import it.percorsi.placement.Fixtures;
import it.percorsi.placement.RealInfrastructure;
import it.percorsi.placement.followup.FollowUpService;
import it.percorsi.testkit.EventSchemas;
import it.percorsi.testkit.Events;
import it.percorsi.testkit.TestClock;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@RealInfrastructure
class HireAndFollowUpTest {

  @Inject TestClock clock;
  @Inject FollowUpService followUps;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  static Map<String, Object> hire(Object participantId, String taxCode, String type) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("participantId", participantId.toString());
    m.put("employerTaxCode", taxCode);
    m.put("contractType", type);
    m.put("startDate", "2027-02-15");
    m.put("weeklyHours", 40);
    m.put("atecoCode", "25.62.00");
    return m;
  }

  /** An internship of a fresh dote, interrupted on 12 February 2027 for {@code reason}. */
  String interrupted(Dotes.Dote dote, String employer, String reason) {
    String id = Fixtures.startInternship(dote.doteId(), employer, "2026-12-07");
    clock.moveTo(LocalDate.of(2027, 2, 15));
    Api.post(
            "promoter-a",
            "/internships/" + id + "/interruption",
            Map.of("reason", reason, "lastDay", "2027-02-12"))
        .statusCode(200);
    return id;
  }

  @Test
  void hiredByTheHostWithAPermanentContractReadsEmployedAtOneMonthWithNoManualStep()
      throws Exception {
    Map<String, Object> host = Fixtures.employer();
    String employer = Fixtures.registerEmployer(host);
    Dotes.Dote dote = Dotes.active();
    String internship = interrupted(dote, employer, "HIRED_BY_HOST");
    String hireId =
        Api.post(
                "promoter-a",
                "/hires",
                hire(dote.participantId(), (String) host.get("taxCode"), "A.01.00"))
            .statusCode(201)
            .body("contractFamily", equalTo("PERMANENT"))
            .body("internshipId", equalTo(internship))
            .body("employerId", equalTo(employer))
            .extract()
            .path("id");
    Events.Read hired =
        Events.await("percorsi.placements.v1", r -> hireId.equals(r.key()), Duration.ofSeconds(20));
    assertThat(EventSchemas.violations("outbound", hired.header("ce_type"), hired.value()))
        .isEmpty();
    assertThat(hired.value()).doesNotContain((String) host.get("taxCode"));

    followUps.runDue(LocalDate.of(2027, 3, 11));
    Api.get("promoter-a", "/internships/" + internship + "/follow-ups")
        .statusCode(200)
        .body("[0].months", equalTo(1))
        .body("[0].status", equalTo("SCHEDULED"));
    followUps.runDue(LocalDate.of(2027, 3, 12));
    Api.get("promoter-a", "/internships/" + internship + "/follow-ups")
        .statusCode(200)
        .body("[0].status", equalTo("RECORDED"))
        .body("[0].employed", equalTo(true))
        .body("[0].contractFamily", equalTo("PERMANENT"))
        .body("[0].source", equalTo("HIRE"))
        .body("[1].status", equalTo("SCHEDULED"));
    Events.Read followUp =
        Events.await(
            "percorsi.placements.v1",
            r ->
                internship.equals(r.key())
                    && "it.percorsi.placement.follow-up-recorded.v1".equals(r.header("ce_type")),
            Duration.ofSeconds(20));
    assertThat(EventSchemas.violations("outbound", followUp.header("ce_type"), followUp.value()))
        .isEmpty();
    JsonNode payload = new ObjectMapper().readTree(followUp.value());
    assertThat(payload.get("months").asInt()).isEqualTo(1);
    assertThat(payload.get("employed").asBoolean()).isTrue();
    assertThat(payload.get("contractType").asText()).isEqualTo("A.01.00");
  }

  @Test
  void aCheckpointWithNoHireWaitsForThePromoter() {
    String employer = Fixtures.registerEmployer(Fixtures.employer());
    String internship = interrupted(Dotes.active(), employer, "PARTICIPANT_WITHDREW");
    Api.put(
            "promoter-a",
            "/internships/" + internship + "/follow-ups/1",
            null,
            Map.of("employed", false))
        .statusCode(422)
        .body("type", equalTo(Api.PROBLEMS + "follow-up-not-due"));
    followUps.runDue(LocalDate.of(2027, 3, 12));
    Api.get("promoter-a", "/internships/follow-ups?status=WAITING")
        .statusCode(200)
        .body("internshipId", hasItem(internship));
    Api.get("promoter-b", "/internships/follow-ups?status=WAITING")
        .statusCode(200)
        .body("internshipId", not(hasItem(internship)));
    clock.moveTo(LocalDate.of(2027, 3, 13));
    Api.put(
            "promoter-a",
            "/internships/" + internship + "/follow-ups/1",
            null,
            Map.of("employed", true, "contractType", "A.02.00"))
        .statusCode(200)
        .body("status", equalTo("RECORDED"))
        .body("source", equalTo("PROMOTER"))
        .body("contractFamily", equalTo("FIXED_TERM"));
    Api.put(
            "promoter-a",
            "/internships/" + internship + "/follow-ups/1",
            null,
            Map.of("employed", false))
        .statusCode(409)
        .body("type", equalTo(Api.PROBLEMS + "follow-up-recorded"));
  }

  @Test
  void aFixedTermHireNeedsItsEndAndAnUnknownCodeIsRefused() {
    Dotes.Dote dote = Dotes.active();
    Fixtures.startInternship(
        dote.doteId(), Fixtures.registerEmployer(Fixtures.employer()), "2026-12-07");
    Api.post("promoter-a", "/hires", hire(dote.participantId(), Fixtures.partitaIva(), "A.02.00"))
        .statusCode(400)
        .body("errors[0].field", equalTo("endDate"));
    Api.post("promoter-a", "/hires", hire(dote.participantId(), Fixtures.partitaIva(), "Z.99.99"))
        .statusCode(400)
        .body("errors[0].field", equalTo("contractType"));
    Api.post("promoter-b", "/hires", hire(dote.participantId(), Fixtures.partitaIva(), "A.01.00"))
        .statusCode(404);
    Api.post("cpi-messina", "/hires", hire(dote.participantId(), Fixtures.partitaIva(), "A.01.00"))
        .statusCode(201);
    Api.get("promoter-a", "/hires/contract-types").statusCode(200).body("code", hasItem("A.03.09"));
  }
}
