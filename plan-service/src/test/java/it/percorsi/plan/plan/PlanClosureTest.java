package it.percorsi.plan.plan;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import it.percorsi.plan.support.Api;
import it.percorsi.plan.support.Cases;
import it.percorsi.plan.support.Cases.Case;
import it.percorsi.plan.support.RealInfrastructure;
import it.percorsi.testkit.Events;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A dote that ends closes its plan; an approval after that is a clear 409, never lost. */
@QuarkusTest
@RealInfrastructure
class PlanClosureTest {

  private static Case submitted() {
    Case c = Cases.assigned();
    Api.write("promoter-a", c.planId(), Cases.completePlan(c)).statusCode(200);
    Api.post("promoter-a", "/plans/" + c.planId() + "/submission").statusCode(200);
    return c;
  }

  private static void awaitState(Case c, String state) {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> Api.get("agency-admin", "/plans/" + c.planId()).body("state", is(state)));
  }

  @Test
  void approvalAfterTheDoteExpiredIsA409AndNothingIsPublished() {
    Case c = submitted();
    Cases.doteEvent(
        c.doteId(),
        "it.percorsi.dote.expired.v1",
        Map.of(
            "programmeCode", "EXAMPLE-PERCORSI-4-SUD",
            "regionCode", "19",
            "expiredOn", c.startDeadline().toString()));
    awaitState(c, "CLOSED");

    Api.post("cpi-messina", "/plans/" + c.planId() + "/approval")
        .statusCode(409)
        .contentType("application/problem+json")
        .body("type", is("https://percorsi.it/problems/plan-closed"))
        .body("detail", containsString("expired"));
    Api.get("cpi-messina", "/plans/" + c.planId()).body("closedReason", is("DOTE_EXPIRED"));
    Events.await(
        Cases.PLANS,
        r -> c.planId().equals(r.key()) && "it.percorsi.plan.closed.v1".equals(r.header("ce_type")),
        Duration.ofSeconds(30));
    boolean approved =
        Events.readUntil(Cases.PLANS, rs -> false, Duration.ofSeconds(2)).stream()
            .anyMatch(
                r ->
                    c.planId().equals(r.key())
                        && "it.percorsi.plan.approved.v1".equals(r.header("ce_type")));
    org.assertj.core.api.Assertions.assertThat(approved).isFalse();
  }

  @Test
  void revokedDoteRefusesFurtherWritesSayingWhy() {
    Case c = Cases.assigned();
    Cases.doteEvent(
        c.doteId(),
        "it.percorsi.dote.revoked.v1",
        Map.of(
            "reason",
            "WITHDREW",
            "reasonCode",
            "WITHDREW",
            "revokedOn",
            c.assignedOn().toString()));
    awaitState(c, "CLOSED");

    Api.write("promoter-a", c.planId(), Cases.completePlan(c))
        .statusCode(409)
        .body("type", is("https://percorsi.it/problems/plan-closed"))
        .body("detail", containsString("revoked"));
  }

  @Test
  void activationRefusedByDoteServiceMarksTheApprovedPlan() {
    Case c = submitted();
    Api.post("agency-admin", "/plans/" + c.planId() + "/approval").statusCode(200);
    Cases.doteEvent(
        c.doteId(),
        "it.percorsi.dote.activation-refused.v1",
        Map.of(
            "planId", c.planId(),
            "doteState", "EXPIRED",
            "refusedOn", c.assignedOn().toString()));
    awaitState(c, "CLOSED");

    Api.get("promoter-a", "/plans/" + c.planId())
        .body("closedReason", is("ACTIVATION_REFUSED"))
        .body("versionInForce", is(1));
  }
}
