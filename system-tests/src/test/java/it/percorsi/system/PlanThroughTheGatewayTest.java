package it.percorsi.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.specification.RequestSpecification;
import it.percorsi.testkit.Tokens;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A case's plan through the gateway with the packaged services: a registered participant, an
 * assigned dote, its draft found by doteId, written, submitted, returned with a reason, corrected,
 * submitted and approved by a CPI operator of Messina, on which dote-service activates the dote.
 */
class PlanThroughTheGatewayTest {

  private static Stack stack;

  @BeforeAll
  static void platform() {
    stack = Stack.get();
  }

  private static RequestSpecification as(String principal) {
    return given()
        .baseUri(stack.gateway())
        .auth()
        .oauth2(Tokens.of(principal))
        .contentType("application/json");
  }

  /** A participant of Messina with a dote of promoter A; returns the dote id. */
  private static String assignedDote() {
    String participant =
        as("promoter-a")
            .body(Participants.eligible("083"))
            .post("/api/participants")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                given()
                    .baseUri(stack.service("dote-service").url())
                    .auth()
                    .oauth2(Tokens.of("agency-admin"))
                    .get("/internal/projections/participants/" + participant)
                    .then()
                    .statusCode(200));
    return as("promoter-a")
        .body(
            Map.of(
                "programme",
                "EXAMPLE-PERCORSI-III",
                "participantId",
                participant,
                "plannedInternshipStart",
                LocalDate.now().plusDays(20).toString()))
        .post("/api/dotes")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private static String draftOf(String dote) {
    String[] plan = new String[1];
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              plan[0] =
                  as("promoter-a")
                      .get("/api/plans?doteId=" + dote)
                      .then()
                      .statusCode(200)
                      .extract()
                      .path("items[0].id");
              org.assertj.core.api.Assertions.assertThat(plan[0]).isNotNull();
            });
    return plan[0];
  }

  private static Map<String, Object> content(List<Map<String, Object>> activities) {
    LocalDate today = LocalDate.now();
    return Map.of(
        "objectives",
        "Find a job in catering",
        "activities",
        activities,
        "internship",
        Map.of("plannedStart", today.plusDays(20).toString(), "weeklyHours", 25),
        "signatures",
        Map.of("participantAcceptedOn", today.toString()));
  }

  private static Map<String, Object> activity(String service, int hours) {
    LocalDate today = LocalDate.now();
    return Map.of(
        "serviceCode",
        service,
        "provider",
        "ORG-PROMOTER-A",
        "plannedHours",
        hours,
        "from",
        today.toString(),
        "to",
        today.plusDays(30).toString());
  }

  private static void write(String plan, Map<String, Object> content) {
    String etag = as("promoter-a").get("/api/plans/" + plan).then().extract().header("ETag");
    as("promoter-a")
        .header("If-Match", etag)
        .body(content)
        .put("/api/plans/" + plan)
        .then()
        .statusCode(200);
  }

  @Test
  void planReturnedCorrectedAndApprovedByTheCpiOfMessinaActivatesTheDote() {
    String dote = assignedDote();
    String plan = draftOf(dote);

    write(plan, content(List.of(activity("SPECIALIST_ORIENTATION", 12))));
    as("promoter-a").post("/api/plans/" + plan + "/submission").then().statusCode(200);
    as("cpi-messina")
        .body(Map.of("reasons", List.of("ACTIVITIES_NOT_SUITABLE"), "note", "Add tutoring"))
        .post("/api/plans/" + plan + "/return")
        .then()
        .statusCode(200)
        .body("state", equalTo("RETURNED"));
    write(
        plan,
        content(
            List.of(activity("SPECIALIST_ORIENTATION", 12), activity("INTERNSHIP_TUTORING", 20))));
    as("promoter-a").post("/api/plans/" + plan + "/submission").then().statusCode(200);

    as("cpi-palermo").post("/api/plans/" + plan + "/approval").then().statusCode(404);
    as("promoter-b").get("/api/plans/" + plan).then().statusCode(404);
    as("promoter-a")
        .post("/api/plans/" + plan + "/approval")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    as("cpi-messina")
        .post("/api/plans/" + plan + "/approval")
        .then()
        .statusCode(200)
        .body("state", equalTo("APPROVED"));

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                as("promoter-a")
                    .get("/api/dotes/" + dote)
                    .then()
                    .statusCode(200)
                    .body("state", equalTo("ACTIVE")));
    as("auditor")
        .get("/api/plans/" + plan + "/history")
        .then()
        .statusCode(200)
        .body(
            "action",
            contains(
                "opened", "written", "submitted", "returned", "written", "submitted", "approved"));
  }

  /** A plan approved by the agency, and its dote active in dote-service; the plan id. */
  private static String approvedPlanOfActiveDote(String dote) {
    String plan = draftOf(dote);
    write(plan, content(List.of(activity("SPECIALIST_ORIENTATION", 12))));
    as("promoter-a").post("/api/plans/" + plan + "/submission").then().statusCode(200);
    as("agency-admin").post("/api/plans/" + plan + "/approval").then().statusCode(200);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                as("promoter-a").get("/api/dotes/" + dote).then().body("state", equalTo("ACTIVE")));
    return plan;
  }

  private static String delivered(String plan, String activity, int hours) {
    return as("promoter-a")
        .body(
            Map.of(
                "activityId", activity,
                "deliveredOn", LocalDate.now().toString(),
                "hours", hours))
        .post("/api/plans/" + plan + "/deliveries")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private static List<Map<String, Object>> paymentsOf(String dote, String delivery) {
    List<Map<String, Object>> all =
        as("agency-admin").get("/api/dotes/" + dote).then().extract().path("disbursements");
    return all.stream().filter(d -> delivery.equals(d.get("period"))).toList();
  }

  @Test
  void validatedDeliveryPaysThePromoterOnceEvenWhenDeliveredTwiceAndARejectedOneNothing() {
    String dote = assignedDote();
    String plan = approvedPlanOfActiveDote(dote);
    String activity =
        as("promoter-a")
            .get("/api/plans/" + plan)
            .then()
            .extract()
            .path("content.activities[0].activityId");

    as("promoter-a")
        .body(
            Map.of("activityId", activity, "deliveredOn", LocalDate.now().toString(), "hours", 13))
        .post("/api/plans/" + plan + "/deliveries")
        .then()
        .statusCode(422)
        .body("errors.field", contains("hours"));
    String paid = delivered(plan, activity, 4);
    String rejected = delivered(plan, activity, 2);
    as("cpi-messina")
        .post("/api/plans/" + plan + "/deliveries/" + paid + "/validation")
        .then()
        .statusCode(200);
    as("cpi-messina")
        .body(Map.of("reason", "NOT_DOCUMENTED"))
        .post("/api/plans/" + plan + "/deliveries/" + rejected + "/rejection")
        .then()
        .statusCode(200);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> org.assertj.core.api.Assertions.assertThat(paymentsOf(dote, paid)).hasSize(1));

    // The same event again, as an at-least-once bus may deliver it: same id, same payload.
    it.percorsi.testkit.Events.Read event =
        it.percorsi.testkit.Events.await(
            "percorsi.plans.v1",
            r -> r.value().contains(paid) && r.header("ce_type").endsWith("service-delivered.v1"),
            Duration.ofSeconds(30));
    it.percorsi.testkit.Events.publish(
        "percorsi.plans.v1", event.key(), event.headers(), event.value());
    // A later delivery of the same plan (same key, so handled after the copy) shows it was read.
    String later = delivered(plan, activity, 1);
    as("cpi-messina")
        .post("/api/plans/" + plan + "/deliveries/" + later + "/validation")
        .then()
        .statusCode(200);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> org.assertj.core.api.Assertions.assertThat(paymentsOf(dote, later)).hasSize(1));

    List<Map<String, Object>> payments = paymentsOf(dote, paid);
    org.assertj.core.api.Assertions.assertThat(payments).hasSize(1);
    org.assertj.core.api.Assertions.assertThat(payments.get(0))
        .containsEntry("line", "PROMOTER_SERVICES")
        .containsEntry("amountCents", 14_000);
    org.assertj.core.api.Assertions.assertThat(paymentsOf(dote, rejected)).isEmpty();
  }

  @Test
  void incompletePlanIsRefusedAtSubmissionThroughTheGateway() {
    String plan = draftOf(assignedDote());

    as("promoter-a")
        .post("/api/plans/" + plan + "/submission")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", equalTo("https://percorsi.it/problems/plan-incomplete"));
  }
}
