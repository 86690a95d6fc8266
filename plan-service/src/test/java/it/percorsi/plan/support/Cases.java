package it.percorsi.plan.support;

import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import it.percorsi.testkit.Events;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Cases as the other services announce them: real participant and dote events published on the test
 * broker, consumed by the service through its inbox, as in production.
 */
public final class Cases {

  public static final String DOTES = "percorsi.dotes.v1";
  public static final String PARTICIPANTS = "percorsi.participants.v1";
  public static final String PLANS = "percorsi.plans.v1";

  private Cases() {}

  /** A dote of one participant, and the id of the draft plan opened for it. */
  public record Case(
      UUID doteId,
      UUID participantId,
      String planId,
      LocalDate assignedOn,
      LocalDate startDeadline) {}

  /** An adult of Messina with a dote of promoter A: 6 months, 2,000 euro of promoter services. */
  public static Case assigned() {
    return assigned("ORG-PROMOTER-A", "083", false, 200_000);
  }

  /**
   * Publishes the participant's registration and the dote's assignment, then waits for the draft
   * plan to be opened.
   */
  public static Case assigned(
      String promoterOrgId, String province, boolean minor, long promoterServicesCents) {
    UUID participant = UUID.randomUUID();
    UUID dote = UUID.randomUUID();
    LocalDate today = LocalDate.now(it.percorsi.testkit.TestClock.ROME);
    LocalDate deadline = today.plusDays(60);
    publish(
        PARTICIPANTS,
        participant,
        "it.percorsi.participant.registered.v1",
        Map.of(
            "participantId",
            participant.toString(),
            "regionCode",
            "19",
            "provinceCode",
            province,
            "nationality",
            "GIN",
            "enteredAsUnaccompaniedMinor",
            true,
            "ownerOrgId",
            promoterOrgId,
            "registeredOn",
            today.toString(),
            "consentGiven",
            true,
            "minor",
            minor));
    Map<String, Object> assigned = new LinkedHashMap<>();
    assigned.put("doteId", dote.toString());
    assigned.put("programmeCode", "EXAMPLE-PERCORSI-4-SUD");
    assigned.put("participantId", participant.toString());
    assigned.put("promoterOrgId", promoterOrgId);
    assigned.put("regionCode", "19");
    assigned.put("provinceCode", province);
    assigned.put("assignedOn", today.toString());
    assigned.put("plannedInternshipStart", today.plusDays(30).toString());
    assigned.put("startDeadline", deadline.toString());
    assigned.put("internshipMonths", 6);
    assigned.put("maxExtensionMonths", 6);
    assigned.put("monthlyAllowanceCents", 50_000);
    assigned.put("attendanceThresholdPercent", 70);
    assigned.put("hostContributionCents", 60_000);
    assigned.put("promoterServicesCents", promoterServicesCents);
    publish(DOTES, dote, "it.percorsi.dote.assigned.v1", assigned);
    String[] plan = new String[1];
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              JsonPath page =
                  Api.get("agency-admin", "/plans?doteId=" + dote)
                      .statusCode(200)
                      .extract()
                      .jsonPath();
              List<String> ids = page.getList("items.id");
              plan[0] = ids.isEmpty() ? null : ids.get(0);
              return plan[0] != null;
            });
    return new Case(dote, participant, plan[0], today, deadline);
  }

  /** Publishes a dote event of {@code type} with these fields (doteId added). */
  public static void doteEvent(UUID dote, String type, Map<String, Object> fields) {
    Map<String, Object> body = new LinkedHashMap<>(fields);
    body.put("doteId", dote.toString());
    publish(DOTES, dote, type, body);
  }

  /** A complete plan for the case: orientation 12 h (420 euro) and tutoring 20 h (600 euro). */
  public static Map<String, Object> completePlan(Case c) {
    return plan(
        c,
        List.of(activity(c, "SPECIALIST_ORIENTATION", 12), activity(c, "INTERNSHIP_TUTORING", 20)));
  }

  public static Map<String, Object> plan(Case c, List<Map<String, Object>> activities) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("objectives", "Find a job in catering");
    m.put(
        "profile",
        Map.of(
            "yearsOfSchooling",
            8,
            "italianLevel",
            "A2",
            "previousWork",
            "Farm work",
            "skills",
            List.of("cooking")));
    m.put("activities", new ArrayList<>(activities));
    m.put(
        "internship",
        Map.of("plannedStart", c.startDeadline().minusDays(5).toString(), "weeklyHours", 25));
    m.put("signatures", Map.of("participantAcceptedOn", c.assignedOn().toString()));
    return m;
  }

  /** An activity from the day of assignment to 30 days later. */
  public static Map<String, Object> activity(Case c, String service, int hours) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("serviceCode", service);
    a.put("provider", "ORG-PROMOTER-A");
    a.put("plannedHours", hours);
    a.put("from", c.assignedOn().toString());
    a.put("to", c.assignedOn().plusDays(30).toString());
    return a;
  }

  private static void publish(String topic, UUID key, String type, Map<String, Object> body) {
    try {
      String json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body);
      Events.publish(
          topic,
          key.toString(),
          Events.cloudEvent(UUID.randomUUID().toString(), type, key.toString()),
          json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
