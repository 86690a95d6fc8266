package it.percorsi.plan.support;

import it.percorsi.plan.support.Cases.Case;

/** A case whose plan (orientation 12 h, tutoring 20 h) is approved by the agency. */
public final class Approved {

  private Approved() {}

  public static Case plan() {
    Case c = Cases.assigned();
    Api.write("promoter-a", c.planId(), Cases.completePlan(c)).statusCode(200);
    Api.post("promoter-a", "/plans/" + c.planId() + "/submission").statusCode(200);
    Api.post("agency-admin", "/plans/" + c.planId() + "/approval").statusCode(200);
    return c;
  }

  /** The id of the activity at {@code index} of the version in force. */
  public static String activityId(Case c, int index) {
    return Api.get("promoter-a", "/plans/" + c.planId())
        .statusCode(200)
        .extract()
        .path("content.activities[" + index + "].activityId");
  }
}
