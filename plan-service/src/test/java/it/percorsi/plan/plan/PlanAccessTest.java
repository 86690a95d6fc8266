package it.percorsi.plan.plan;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import it.percorsi.plan.support.Api;
import it.percorsi.plan.support.Cases;
import it.percorsi.plan.support.Cases.Case;
import it.percorsi.plan.support.RealInfrastructure;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Object-level access to plans: another organisation's or province's plan is a 404. */
@QuarkusTest
@RealInfrastructure
class PlanAccessTest {

  private static Case submitted() {
    Case c = Cases.assigned();
    Api.write("promoter-a", c.planId(), Cases.completePlan(c)).statusCode(200);
    Api.post("promoter-a", "/plans/" + c.planId() + "/submission").statusCode(200);
    return c;
  }

  @Test
  void cpiOfAnotherProvinceCannotSeeOrApproveThePlan() {
    Case c = submitted();

    Api.get("cpi-palermo", "/plans/" + c.planId()).statusCode(404);
    Api.post("cpi-palermo", "/plans/" + c.planId() + "/approval")
        .statusCode(404)
        .contentType("application/problem+json");
    Api.get("cpi-palermo", "/plans?doteId=" + c.doteId())
        .statusCode(200)
        .body("items", is(List.of()));
    Api.get("cpi-messina", "/plans?doteId=" + c.doteId())
        .statusCode(200)
        .body("items.id", contains(c.planId()));
  }

  @Test
  void anotherPromoterGets404AndCannotWrite() {
    Case c = Cases.assigned();

    Api.get("promoter-b", "/plans/" + c.planId()).statusCode(404);
    Api.as("promoter-b")
        .header("If-Match", "\"0\"")
        .body(Cases.completePlan(c))
        .put("/plans/" + c.planId())
        .then()
        .statusCode(404);
    Api.get("promoter-b", "/plans/" + c.planId() + "/history").statusCode(404);
    Api.get("promoter-b", "/plans?doteId=" + c.doteId())
        .statusCode(200)
        .body("items", is(List.of()));
  }

  @Test
  void versionsChangesAndDeliveriesOfAnotherOrganisationsPlanAre404() {
    Case c = submitted();

    for (String path :
        java.util.List.of(
            "/versions",
            "/versions/1/changes",
            "/deliveries",
            "/deliveries/" + java.util.UUID.randomUUID())) {
      Api.get("promoter-b", "/plans/" + c.planId() + path).statusCode(404);
      Api.get("cpi-palermo", "/plans/" + c.planId() + path).statusCode(404);
    }
    Api.get("promoter-a", "/plans/" + c.planId() + "/versions/1/changes").statusCode(200);
  }

  @Test
  void promoterCannotApproveItsOwnPlan() {
    Case c = submitted();

    Api.post("promoter-a", "/plans/" + c.planId() + "/approval")
        .statusCode(403)
        .contentType("application/problem+json");
  }

  @Test
  void cpiOfTheProvinceReadsButDoesNotWrite() {
    Case c = Cases.assigned();

    Api.get("cpi-messina", "/plans/" + c.planId()).statusCode(200);
    Api.as("cpi-messina")
        .header("If-Match", Api.etag("cpi-messina", c.planId()))
        .body(Cases.completePlan(c))
        .put("/plans/" + c.planId())
        .then()
        .statusCode(403);
  }

  @Test
  void hostAndIntegratorGetNothing() {
    Case c = Cases.assigned();

    Api.get("host-acme", "/plans/" + c.planId()).statusCode(403);
    Api.get("host-acme", "/plans").statusCode(403);
    Api.get("integrator", "/plans/" + c.planId()).statusCode(403);
  }

  @Test
  void auditorReadsEverythingButApprovesNothing() {
    Case c = submitted();

    Api.get("auditor", "/plans/" + c.planId()).statusCode(200);
    Api.post("auditor", "/plans/" + c.planId() + "/approval").statusCode(403);
  }
}
