package it.percorsi.plan.plan;

import static it.percorsi.plan.support.Cases.activity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import it.percorsi.plan.support.Api;
import it.percorsi.plan.support.Cases;
import it.percorsi.plan.support.Cases.Case;
import it.percorsi.plan.support.RealInfrastructure;
import it.percorsi.testkit.Events;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A plan from the draft opened on dote.assigned to approval, through the service's HTTP API. */
@QuarkusTest
@RealInfrastructure
class PlanLifecycleTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void assignedDoteGetsADraftOfItsPromoterFoundByDoteId() {
    Case c = Cases.assigned();

    Api.get("promoter-a", "/plans?doteId=" + c.doteId())
        .statusCode(200)
        .body("items.id", contains(c.planId()))
        .body("items[0].state", is("DRAFT"))
        .body("items[0].version", is(1));
    Api.get("promoter-a", "/plans/" + c.planId())
        .statusCode(200)
        .header("ETag", notNullValue())
        .body("doteId", is(c.doteId().toString()))
        .body("participantId", is(c.participantId().toString()))
        .body("promoterOrgId", is("ORG-PROMOTER-A"))
        .body("provinceCode", is("083"))
        .body("versionState", is("DRAFT"))
        .body("content.activities", is(List.of()));
  }

  @Test
  void writingNeedsTheCurrentEtag() {
    Case c = Cases.assigned();
    String etag = Api.etag("promoter-a", c.planId());

    Api.as("promoter-a")
        .body(Cases.completePlan(c))
        .put("/plans/" + c.planId())
        .then()
        .statusCode(428)
        .contentType("application/problem+json");
    Api.as("promoter-a")
        .header("If-Match", etag)
        .body(Cases.completePlan(c))
        .put("/plans/" + c.planId())
        .then()
        .statusCode(200)
        .body("content.activities.costCents", contains(42_000, 60_000))
        .body("totalCostCents", is(102_000))
        .body("content.activities[0].activityId", notNullValue());
    Api.as("promoter-a")
        .header("If-Match", etag)
        .body(Cases.completePlan(c))
        .put("/plans/" + c.planId())
        .then()
        .statusCode(412)
        .body("type", is("https://percorsi.it/problems/stale-write"));
  }

  @Test
  void incompletePlanIsRefusedAtSubmissionNamingEveryMissingPiece() {
    Case c = Cases.assigned();

    Api.post("promoter-a", "/plans/" + c.planId() + "/submission")
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", is("https://percorsi.it/problems/plan-incomplete"))
        .body(
            "errors.field",
            containsInAnyOrder(
                "objectives", "activities", "internship", "signatures.participantAcceptedOn"));
  }

  @Test
  void minorsPlanNeedsTheGuardiansSignature() {
    Case c = Cases.assigned("ORG-PROMOTER-A", "083", true, 200_000);
    Api.write("promoter-a", c.planId(), Cases.completePlan(c)).statusCode(200);

    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                Api.post("promoter-a", "/plans/" + c.planId() + "/submission")
                    .statusCode(422)
                    .body("errors.field", contains("signatures.guardianSignedOn")));
  }

  @Test
  void planOverThePromoterBudgetIsRefused() {
    Case c = Cases.assigned("ORG-PROMOTER-A", "083", false, 100_000);
    Api.write("promoter-a", c.planId(), Cases.completePlan(c)).statusCode(200);

    Api.post("promoter-a", "/plans/" + c.planId() + "/submission")
        .statusCode(422)
        .body("errors.field", contains("activities"))
        .body("errors[0].message", org.hamcrest.Matchers.containsString("100000"));
  }

  @Test
  void returnedWithAReasonCorrectedSubmittedAndApprovedByTheCpiOfTheProvince() throws Exception {
    Case c = Cases.assigned();
    Map<String, Object> plan = Cases.plan(c, List.of(activity(c, "SPECIALIST_ORIENTATION", 12)));
    Api.write("promoter-a", c.planId(), plan).statusCode(200);
    Api.post("promoter-a", "/plans/" + c.planId() + "/submission")
        .statusCode(200)
        .body("state", is("SUBMITTED"));

    Api.post(
            "cpi-messina",
            "/plans/" + c.planId() + "/return",
            Map.of(
                "reasons", List.of("ACTIVITIES_NOT_SUITABLE"), "note", "Add internship tutoring"))
        .statusCode(200)
        .body("state", is("RETURNED"))
        .body("returnReasons", contains("ACTIVITIES_NOT_SUITABLE"))
        .body("returnNote", is("Add internship tutoring"));
    Api.write("promoter-a", c.planId(), Cases.completePlan(c)).statusCode(200);
    Api.post("promoter-a", "/plans/" + c.planId() + "/submission").statusCode(200);
    Api.post("cpi-messina", "/plans/" + c.planId() + "/approval")
        .statusCode(200)
        .body("state", is("APPROVED"))
        .body("versionInForce", is(1));

    Events.Read approved =
        Events.await(
            Cases.PLANS,
            r ->
                c.planId().equals(r.key())
                    && "it.percorsi.plan.approved.v1".equals(r.header("ce_type")),
            Duration.ofSeconds(30));
    JsonNode payload = JSON.readTree(approved.value());
    assertThat(payload.get("doteId").asText()).isEqualTo(c.doteId().toString());
    assertThat(payload.get("version").asInt()).isEqualTo(1);
    assertThat(payload.get("approvedByOrgId").asText()).isEqualTo("CPI-MESSINA");
    Events.Read returned =
        Events.await(
            Cases.PLANS,
            r ->
                c.planId().equals(r.key())
                    && "it.percorsi.plan.returned.v1".equals(r.header("ce_type")),
            Duration.ofSeconds(30));
    assertThat(returned.value()).contains("ACTIVITIES_NOT_SUITABLE").doesNotContain("tutoring");
    Api.get("auditor", "/plans/" + c.planId() + "/history")
        .statusCode(200)
        .body(
            "action",
            contains(
                "opened", "written", "submitted", "returned", "written", "submitted", "approved"))
        .body("find { it.action == 'approved' }.by.orgId", is("CPI-MESSINA"))
        .body("find { it.action == 'returned' }.detail", contains("ACTIVITIES_NOT_SUITABLE"))
        .body("find { it.action == 'written' }.by.clientId", is("promoter-a"));
  }

  @Test
  void approvedVersionCannotBeWrittenAgain() {
    Case c = Cases.assigned();
    Api.write("promoter-a", c.planId(), Cases.completePlan(c)).statusCode(200);
    Api.post("promoter-a", "/plans/" + c.planId() + "/submission").statusCode(200);
    Api.post("agency-admin", "/plans/" + c.planId() + "/approval").statusCode(200);

    Api.write("promoter-a", c.planId(), Cases.completePlan(c))
        .statusCode(409)
        .body("type", is("https://percorsi.it/problems/plan-state"));
  }

  @Test
  void listFiltersByStateAndParticipant() {
    Case c = Cases.assigned();

    Api.get("agency-admin", "/plans?participantId=" + c.participantId() + "&state=DRAFT")
        .statusCode(200)
        .body("items.id", contains(c.planId()));
    Api.get("agency-admin", "/plans?participantId=" + c.participantId() + "&state=APPROVED")
        .statusCode(200)
        .body("items", is(List.of()));
    Api.get("agency-admin", "/plans?state=LOST")
        .statusCode(400)
        .body("errors.field", hasItem("state"));
    Api.get("agency-admin", "/plans?doteId=" + c.doteId()).body("next", nullValue());
  }
}
