package it.percorsi.dote.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import it.percorsi.testkit.Events;
import it.percorsi.testkit.Tokens;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * Dotes brought to a state through the real paths: HTTP application, then plan approval on Kafka.
 */
public final class ActiveDotes {

  private ActiveDotes() {}

  /** The dote as the agency reads it, to assert on. */
  public static io.restassured.response.ValidatableResponse read(UUID dote) {
    return given().auth().oauth2(Tokens.of("agency-admin")).when().get("/dotes/" + dote).then();
  }

  public static UUID assigned(String programme) {
    UUID participant = DoteFixtures.participant("19", "083", "ORG-PROMOTER-A");
    String id =
        DoteFixtures.apply("promoter-a", programme, participant)
            .statusCode(201)
            .extract()
            .path("id");
    return UUID.fromString(id);
  }

  /** A dote whose plan was approved (published as plan-service will), now ACTIVE. */
  public static UUID active(String programme) {
    UUID dote = assigned(programme);
    UUID plan = UUID.randomUUID();
    publish(
        "percorsi.plans.v1",
        plan.toString(),
        UUID.randomUUID().toString(),
        "it.percorsi.plan.approved.v1",
        "{\"planId\":\"%s\",\"doteId\":\"%s\",\"approvedOn\":\"2026-11-27\"}"
            .formatted(plan, dote));
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> ActiveDotes.read(dote).statusCode(200).body("state", equalTo("ACTIVE")));
    return dote;
  }

  /**
   * An active dote whose internship (as placement-service announces it) runs from {@code start} to
   * {@code plannedEnd}, so that its months may be paid.
   */
  public static UUID interning(String programme, LocalDate start, LocalDate plannedEnd) {
    UUID dote = active(programme);
    startInternship(dote, start, plannedEnd);
    return dote;
  }

  /** Announces the dote's internship as placement-service does, and waits until it is known. */
  public static void startInternship(UUID dote, LocalDate start, LocalDate plannedEnd) {
    startInternship(dote, UUID.randomUUID(), start, plannedEnd);
  }

  /** As {@link #startInternship(UUID, LocalDate, LocalDate)}, with the internship's id. */
  public static void startInternship(
      UUID dote, UUID internship, LocalDate start, LocalDate plannedEnd) {
    publish(
        "percorsi.placements.v1",
        dote.toString(),
        UUID.randomUUID().toString(),
        "it.percorsi.placement.internship-started.v1",
        "{\"internshipId\":\"%s\",\"doteId\":\"%s\",\"startDate\":\"%s\",\"plannedEndDate\":\"%s\"}"
            .formatted(internship, dote, start, plannedEnd));
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> read(dote).statusCode(200).body("internshipStart", equalTo(start.toString())));
  }

  /** A month of attendance as placement-service reports it, part month included. */
  public static String attendance(
      UUID dote, String month, int planned, int attended, int covered, int monthDays, int rev) {
    return ("{\"internshipId\":\"%s\",\"doteId\":\"%s\",\"month\":\"%s\",\"plannedHours\":%d,"
            + "\"attendedHours\":%d,\"coveredWorkingDays\":%d,\"monthWorkingDays\":%d,"
            + "\"revision\":%d}")
        .formatted(UUID.randomUUID(), dote, month, planned, attended, covered, monthDays, rev);
  }

  public static void publish(
      String topic, String key, String eventId, String type, String payload) {
    Map<String, String> headers = Events.cloudEvent(eventId, type, key);
    Events.publish(topic, key, headers, payload);
  }

  public static String attendance(UUID dote, String month, int planned, int attended) {
    return "{\"internshipId\":\"%s\",\"doteId\":\"%s\",\"month\":\"%s\",\"plannedHours\":%d,\"attendedHours\":%d}"
        .formatted(UUID.randomUUID(), dote, month, planned, attended);
  }
}
