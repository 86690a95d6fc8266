package it.percorsi.placement.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import it.percorsi.placement.Api;
import it.percorsi.placement.Dotes;
import it.percorsi.placement.Fixtures;
import it.percorsi.placement.RealInfrastructure;
import it.percorsi.testkit.TestClock;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Outcome figures for a seeded set of cases across two provinces, under a programme code of their
 * own: 4 dotes in Messina (3 active, each with an internship) and 5 in Palermo (all with
 * internships, one interrupted because the host hired the intern on a permanent contract).
 */
@QuarkusTest
@RealInfrastructure
class OutcomesTest {

  @Inject TestClock clock;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  @Test
  void figuresEqualARecomputationFromTheRecordsAndSmallCellsAreSuppressedForPromoters() {
    String programme = "TEST-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    Map<String, Object> messinaHost = Fixtures.employer(100);
    Map<String, Object> palermoHost = Fixtures.employer(100);
    palermoHost.put("siteMunicipality", "082053");
    String messina = Fixtures.registerEmployer(messinaHost);
    String palermo = Fixtures.registerEmployer(palermoHost);
    List<String> internships = new ArrayList<>();
    for (int n = 0; n < 3; n++) {
      Dotes.Dote d = Dotes.active(Dotes.of("ORG-PROMOTER-A", "083", programme));
      internships.add(Fixtures.startInternship(d.doteId(), messina, "2026-12-07"));
    }
    Dotes.assigned(Dotes.of("ORG-PROMOTER-A", "083", programme));
    Dotes.Dote hired = null;
    for (int n = 0; n < 5; n++) {
      Dotes.Dote d = Dotes.active(Dotes.of("ORG-PROMOTER-A", "082", programme));
      internships.add(Fixtures.startInternship(d.doteId(), palermo, "2026-12-07"));
      hired = d;
    }
    String interrupted = internships.get(internships.size() - 1);
    clock.moveTo(LocalDate.of(2027, 2, 15));
    Api.post(
            "promoter-a",
            "/internships/" + interrupted + "/interruption",
            Map.of("reason", "HIRED_BY_HOST", "lastDay", "2027-02-12"))
        .statusCode(200);
    Api.post(
            "promoter-a",
            "/hires",
            Map.of(
                "participantId",
                hired.participantId().toString(),
                "employerTaxCode",
                palermoHost.get("taxCode"),
                "contractType",
                "A.01.00",
                "startDate",
                "2027-02-15",
                "weeklyHours",
                40,
                "atecoCode",
                "25.62.00"))
        .statusCode(201);

    // Recompute from the records: each internship as the agency reads it.
    Map<String, int[]> expected = new HashMap<>(); // province -> started, completed, interrupted
    for (String id : internships) {
      JsonPath i =
          Api.get("agency-admin", "/internships/" + id).statusCode(200).extract().jsonPath();
      int[] c = expected.computeIfAbsent(i.getString("provinceCode"), k -> new int[3]);
      c[0]++;
      if ("COMPLETED".equals(i.getString("state"))) {
        c[1]++;
      }
      if ("INTERRUPTED".equals(i.getString("state"))) {
        c[2]++;
      }
    }

    JsonPath agency =
        Api.get("agency-admin", "/outcomes?groupBy=province&programme=" + programme)
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(agency.getBoolean("suppressed")).isFalse();
    assertThat(agency.getList("rows.province")).containsExactly("082", "083");
    for (String province : List.of("082", "083")) {
      Map<String, Object> row = agency.getMap("rows.find { it.province == '" + province + "' }");
      int[] c = expected.get(province);
      assertThat(row.get("internshipsStarted")).isEqualTo(c[0]);
      assertThat(row.get("internshipsCompleted")).isEqualTo(c[1]);
      assertThat(row.get("internshipsInterrupted")).isEqualTo(c[2]);
    }
    Map<String, Object> me = agency.getMap("rows.find { it.province == '083' }");
    assertThat(me.get("dotesAssigned")).isEqualTo(4);
    assertThat(me.get("dotesActivated")).isEqualTo(3);
    assertThat(me.get("internshipsStarted")).isEqualTo(3);
    Map<String, Object> pa = agency.getMap("rows.find { it.province == '082' }");
    assertThat(pa.get("dotesAssigned")).isEqualTo(5);
    assertThat(pa.get("hiredPermanent")).isEqualTo(1);
    assertThat(pa.get("peopleHiredAfterInternship")).isEqualTo(1);
    assertThat(((Number) pa.get("medianDaysToFirstHire")).doubleValue()).isEqualTo(3.0);
    assertThat(((Number) pa.get("completionRatePercent")).doubleValue()).isEqualTo(0.0);

    JsonPath promoter =
        Api.get("promoter-a", "/outcomes?groupBy=province&programme=" + programme)
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(promoter.getBoolean("suppressed")).isTrue();
    assertThat(promoter.getString("rows.find { it.province == '083' }.internshipsStarted"))
        .isEqualTo("suppressed");
    assertThat(promoter.getInt("rows.find { it.province == '082' }.internshipsStarted"))
        .isEqualTo(5);
    assertThat(promoter.getString("rows.find { it.province == '082' }.medianDaysToFirstHire"))
        .isEqualTo("suppressed");

    String csv =
        Api.as("agency-admin")
            .accept("text/csv")
            .when()
            .get("/outcomes?groupBy=province&programme=" + programme)
            .then()
            .statusCode(200)
            .contentType(org.hamcrest.Matchers.startsWith("text/csv"))
            .extract()
            .asString();
    String[] lines = csv.split("\r\n");
    assertThat(lines).hasSize(3);
    assertThat(lines[0]).startsWith("province,dotesAssigned,dotesActivated,internshipsStarted");
    assertThat(lines[2]).startsWith("083,4,3,3,");
  }

  @Test
  void anUnknownGroupingIsAFieldError() {
    Api.get("agency-admin", "/outcomes?groupBy=nationality")
        .statusCode(400)
        .body("errors[0].field", org.hamcrest.Matchers.equalTo("groupBy"));
  }
}
