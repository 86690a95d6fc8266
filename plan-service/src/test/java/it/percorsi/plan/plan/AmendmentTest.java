package it.percorsi.plan.plan;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import it.percorsi.plan.support.Api;
import it.percorsi.plan.support.Approved;
import it.percorsi.plan.support.Cases.Case;
import it.percorsi.plan.support.RealInfrastructure;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Versions: an approved version never changes; an amendment is drafted beside it. */
@QuarkusTest
@RealInfrastructure
class AmendmentTest {

  @SuppressWarnings("unchecked")
  private static Map<String, Object> currentContent(Case c) {
    return Api.get("promoter-a", "/plans/" + c.planId()).extract().path("content");
  }

  @Test
  void versionTwoIsDraftedWhileVersionOneStaysInForceAndItsPatchNamesTheChangedActivity() {
    Case c = Approved.plan();

    Api.as("promoter-a")
        .header("Idempotency-Key", "amend-" + c.planId())
        .post("/plans/" + c.planId() + "/amendments")
        .then()
        .statusCode(201)
        .header("Location", endsWith("/plans/" + c.planId() + "/versions/2"))
        .body("version", is(2))
        .body("versionState", is("DRAFT"))
        .body("versionInForce", is(1));
    Map<String, Object> content = currentContent(c);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> activities = (List<Map<String, Object>>) content.get("activities");
    activities.get(1).put("plannedHours", 25);
    activities.get(1).remove("costCents");
    activities.get(1).remove("unitCostCents");
    Api.write("promoter-a", c.planId(), content).statusCode(200);

    Api.get("cpi-messina", "/plans/" + c.planId() + "/versions")
        .statusCode(200)
        .body("number", contains(1, 2))
        .body("state", contains("APPROVED", "DRAFT"))
        .body("inForce", contains(true, false))
        .body("[0].content.activities[1].plannedHours", is(20))
        .body("[0].history.action", contains("opened", "written", "submitted", "approved"))
        .body("[1].history.action", contains("amended", "written"));
    JsonPath patch =
        Api.as("cpi-messina")
            .get("/plans/" + c.planId() + "/versions/2/changes")
            .then()
            .statusCode(200)
            .contentType("application/json-patch+json")
            .extract()
            .jsonPath();
    org.assertj.core.api.Assertions.assertThat(patch.getList("path", String.class))
        .containsExactlyInAnyOrder("/activities/1/plannedHours", "/activities/1/costCents");
    org.assertj.core.api.Assertions.assertThat(patch.getList("op", String.class))
        .containsOnly("replace");
  }

  @Test
  void amendmentRetriedWithTheSameKeyOpensOneVersion() {
    Case c = Approved.plan();
    String key = "amend-twice-" + c.planId();

    Api.as("promoter-a")
        .header("Idempotency-Key", key)
        .post("/plans/" + c.planId() + "/amendments")
        .then()
        .statusCode(201);
    Api.as("promoter-a")
        .header("Idempotency-Key", key)
        .post("/plans/" + c.planId() + "/amendments")
        .then()
        .statusCode(201)
        .header("Idempotent-Replayed", "true");

    Api.get("promoter-a", "/plans/" + c.planId() + "/versions").body("number", contains(1, 2));
  }

  @Test
  void approvingTheAmendmentSupersedesVersionOne() {
    Case c = Approved.plan();
    Api.post("promoter-a", "/plans/" + c.planId() + "/amendments").statusCode(201);
    Api.post("promoter-a", "/plans/" + c.planId() + "/submission").statusCode(200);
    Api.post("cpi-messina", "/plans/" + c.planId() + "/approval").statusCode(200);

    Api.get("promoter-a", "/plans/" + c.planId() + "/versions")
        .body("state", contains("SUPERSEDED", "APPROVED"))
        .body("inForce", contains(false, true));
  }

  @Test
  void versionOneChangesAreTheWholePlanAgainstTheEmptyDraft() {
    Case c = Approved.plan();

    Api.get("promoter-a", "/plans/" + c.planId() + "/versions/1/changes")
        .statusCode(200)
        .body("op", org.hamcrest.Matchers.everyItem(is("add")));
    Api.get("promoter-a", "/plans/" + c.planId() + "/versions/3/changes").statusCode(404);
  }

  @Test
  void aDraftIsNotAmended() {
    Case c = it.percorsi.plan.support.Cases.assigned();

    Api.post("promoter-a", "/plans/" + c.planId() + "/amendments")
        .statusCode(409)
        .body("type", is("https://percorsi.it/problems/plan-state"));
  }
}
