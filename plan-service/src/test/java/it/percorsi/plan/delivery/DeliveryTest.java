package it.percorsi.plan.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import it.percorsi.plan.support.Api;
import it.percorsi.plan.support.Approved;
import it.percorsi.plan.support.Cases;
import it.percorsi.plan.support.Cases.Case;
import it.percorsi.plan.support.RealInfrastructure;
import it.percorsi.testkit.Events;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Service deliveries of an approved plan: recorded, refused, validated (paid) or rejected. */
@QuarkusTest
@RealInfrastructure
class DeliveryTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static Map<String, Object> delivery(String activityId, String on, int hours) {
    return Map.of("activityId", activityId, "deliveredOn", on, "hours", hours, "note", "Interview");
  }

  private static String record(Case c, String activityId, int hours) {
    return Api.post(
            "promoter-a",
            "/plans/" + c.planId() + "/deliveries",
            delivery(activityId, c.assignedOn().toString(), hours))
        .statusCode(201)
        .extract()
        .path("id");
  }

  @Test
  void validatedDeliveryEmitsServiceDeliveredWithTheCatalogueAmount() throws Exception {
    Case c = Approved.plan();
    String orientation = Approved.activityId(c, 0);
    String id = record(c, orientation, 4);

    Api.post("cpi-messina", "/plans/" + c.planId() + "/deliveries/" + id + "/validation")
        .statusCode(200)
        .body("state", is("VALIDATED"))
        .body("amountCents", is(14_000));

    Events.Read event =
        Events.await(
            Cases.PLANS,
            r ->
                "it.percorsi.plan.service-delivered.v1".equals(r.header("ce_type"))
                    && r.value().contains(id),
            Duration.ofSeconds(30));
    JsonNode payload = JSON.readTree(event.value());
    assertThat(event.key()).isEqualTo(c.planId());
    assertThat(payload.get("deliveryId").asText()).isEqualTo(id);
    assertThat(payload.get("doteId").asText()).isEqualTo(c.doteId().toString());
    assertThat(payload.get("serviceType").asText()).isEqualTo("SPECIALIST_ORIENTATION");
    assertThat(payload.get("hours").asInt()).isEqualTo(4);
    assertThat(payload.get("amountCents").asLong()).isEqualTo(14_000);
    assertThat(payload.get("activityId").asText()).isEqualTo(orientation);
    assertThat(event.value()).doesNotContain("Interview");
  }

  @Test
  void deliveryPastThePlannedHoursIsRefused() {
    Case c = Approved.plan();
    String orientation = Approved.activityId(c, 0);
    record(c, orientation, 10);

    Api.post(
            "promoter-a",
            "/plans/" + c.planId() + "/deliveries",
            delivery(orientation, c.assignedOn().toString(), 3))
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", is("https://percorsi.it/problems/delivery-not-allowed"))
        .body("errors.field", contains("hours"));
  }

  @Test
  void rejectedDeliveryPaysNothingAndFreesItsHours() {
    Case c = Approved.plan();
    String orientation = Approved.activityId(c, 0);
    String rejected = record(c, orientation, 12);

    Api.post(
            "agency-admin",
            "/plans/" + c.planId() + "/deliveries/" + rejected + "/rejection",
            Map.of("reason", "NOT_DOCUMENTED"))
        .statusCode(200)
        .body("state", is("REJECTED"));
    String again = record(c, orientation, 12);
    Api.post("agency-admin", "/plans/" + c.planId() + "/deliveries/" + again + "/validation")
        .statusCode(200);

    Api.get("promoter-a", "/plans/" + c.planId() + "/deliveries")
        .statusCode(200)
        .body("deliveries.state", contains("REJECTED", "VALIDATED"))
        .body("totals[0].plannedHours", is(12))
        .body("totals[0].deliveredHours", is(12))
        .body("totals[0].validatedHours", is(12))
        .body("totals[0].paidCents", is(42_000))
        .body("totals[1].deliveredHours", is(0));
    List<Events.Read> delivered =
        Events.readUntil(
                Cases.PLANS,
                rs -> rs.stream().anyMatch(r -> r.value().contains(again)),
                Duration.ofSeconds(30))
            .stream()
            .filter(r -> "it.percorsi.plan.service-delivered.v1".equals(r.header("ce_type")))
            .filter(r -> c.planId().equals(r.key()))
            .toList();
    assertThat(delivered).hasSize(1);
    assertThat(delivered.get(0).value()).contains(again).doesNotContain(rejected);
  }

  @Test
  void decidedDeliveryIsNotDecidedAgain() {
    Case c = Approved.plan();
    String id = record(c, Approved.activityId(c, 0), 2);
    Api.post("agency-admin", "/plans/" + c.planId() + "/deliveries/" + id + "/validation")
        .statusCode(200);

    Api.post("agency-admin", "/plans/" + c.planId() + "/deliveries/" + id + "/validation")
        .statusCode(409)
        .body("type", is("https://percorsi.it/problems/delivery-decided"));
  }

  @Test
  void deliveryInTheFutureOrOutsideTheActivityIsRefused() {
    Case c = Approved.plan();
    String orientation = Approved.activityId(c, 0);

    Api.post(
            "promoter-a",
            "/plans/" + c.planId() + "/deliveries",
            delivery(orientation, c.assignedOn().plusDays(1).toString(), 1))
        .statusCode(422)
        .body("errors.field", contains("deliveredOn"))
        .body("errors[0].message", is("must not be in the future"));
    Api.post(
            "promoter-a",
            "/plans/" + c.planId() + "/deliveries",
            delivery(orientation, c.assignedOn().minusDays(1).toString(), 1))
        .statusCode(422)
        .body("errors.field", contains("deliveredOn"));
  }

  @Test
  void deliveryRetriedWithTheSameKeyIsRecordedOnce() {
    Case c = Approved.plan();
    Map<String, Object> body = delivery(Approved.activityId(c, 0), c.assignedOn().toString(), 2);

    String first =
        Api.as("promoter-a")
            .header("Idempotency-Key", "d-" + c.planId())
            .body(body)
            .post("/plans/" + c.planId() + "/deliveries")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Api.as("promoter-a")
        .header("Idempotency-Key", "d-" + c.planId())
        .body(body)
        .post("/plans/" + c.planId() + "/deliveries")
        .then()
        .statusCode(201)
        .header("Idempotent-Replayed", "true")
        .body("id", is(first));

    Api.get("promoter-a", "/plans/" + c.planId() + "/deliveries")
        .body("deliveries.id", contains(first));
  }

  @Test
  void onlyTheOwningPromoterRecordsAndOnlyTheProvinceOrAgencyValidates() {
    Case c = Approved.plan();
    String orientation = Approved.activityId(c, 0);
    String id = record(c, orientation, 1);

    Api.post(
            "promoter-b",
            "/plans/" + c.planId() + "/deliveries",
            delivery(orientation, c.assignedOn().toString(), 1))
        .statusCode(404);
    Api.post("cpi-palermo", "/plans/" + c.planId() + "/deliveries/" + id + "/validation")
        .statusCode(404);
    Api.post("promoter-a", "/plans/" + c.planId() + "/deliveries/" + id + "/validation")
        .statusCode(403);
  }

  @Test
  void noDeliveryBeforeApproval() {
    Case c = Cases.assigned();

    Api.post(
            "promoter-a",
            "/plans/" + c.planId() + "/deliveries",
            delivery(java.util.UUID.randomUUID().toString(), c.assignedOn().toString(), 1))
        .statusCode(409)
        .body("type", is("https://percorsi.it/problems/plan-state"));
  }
}
