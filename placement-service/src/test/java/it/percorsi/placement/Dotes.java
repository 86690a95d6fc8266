package it.percorsi.placement;

import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import it.percorsi.platform.projection.dote.DoteProjection;
import it.percorsi.testkit.Events;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Dotes as dote-service announces them: real events on {@code percorsi.dotes.v1}, awaited in the
 * service's projection.
 */
public final class Dotes {

  public static final String TOPIC = "percorsi.dotes.v1";

  private Dotes() {}

  /** A dote to publish: its owner, territory and dates. */
  public record Dote(
      UUID doteId,
      UUID participantId,
      String promoterOrgId,
      String provinceCode,
      LocalDate activatedOn,
      LocalDate startDeadline,
      int internshipMonths,
      String programmeCode) {}

  public static Dote of(String promoterOrgId, String provinceCode) {
    return of(promoterOrgId, provinceCode, "EXAMPLE-PERCORSI-4-SUD");
  }

  public static Dote of(String promoterOrgId, String provinceCode, String programmeCode) {
    return new Dote(
        UUID.randomUUID(),
        UUID.randomUUID(),
        promoterOrgId,
        provinceCode,
        LocalDate.of(2026, 11, 2),
        LocalDate.of(2027, 1, 31),
        6,
        programmeCode);
  }

  /** An ORG-PROMOTER-A dote in Messina, activated on 2 November 2026, start by 31 January 2027. */
  public static Dote active() {
    return active(of("ORG-PROMOTER-A", "083"));
  }

  /** {@code d} assigned and activated. */
  public static Dote active(Dote d) {
    assigned(d);
    activated(d);
    return d;
  }

  public static void assigned(Dote d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("doteId", d.doteId().toString());
    m.put("programmeCode", d.programmeCode());
    m.put("participantId", d.participantId().toString());
    m.put("promoterOrgId", d.promoterOrgId());
    m.put(
        "regionCode",
        "083".equals(d.provinceCode()) || "082".equals(d.provinceCode()) ? "19" : "15");
    m.put("provinceCode", d.provinceCode());
    m.put("assignedOn", "2026-10-01");
    m.put("plannedInternshipStart", "2026-12-01");
    m.put("startDeadline", d.startDeadline().toString());
    m.put("internshipMonths", d.internshipMonths());
    m.put("maxExtensionMonths", 6);
    m.put("monthlyAllowanceCents", 50000);
    m.put("attendanceThresholdPercent", 70);
    m.put("hostContributionCents", 60000);
    m.put("promoterServicesCents", 200000);
    publish(d, "it.percorsi.dote.assigned.v1", m);
    awaitProjection(d.doteId(), p -> p != null);
  }

  public static void activated(Dote d) {
    publish(
        d,
        "it.percorsi.dote.activated.v1",
        Map.of(
            "doteId",
            d.doteId().toString(),
            "planId",
            UUID.randomUUID().toString(),
            "activatedOn",
            d.activatedOn().toString(),
            "allowanceCents",
            300000,
            "hostContributionCents",
            60000,
            "promoterServicesCents",
            200000));
    awaitProjection(d.doteId(), p -> p != null && p.running());
  }

  public static void extended(Dote d, int addedMonths, int totalExtensionMonths) {
    publish(
        d,
        "it.percorsi.dote.extended.v1",
        Map.of(
            "doteId",
            d.doteId().toString(),
            "addedMonths",
            addedMonths,
            "totalExtensionMonths",
            totalExtensionMonths,
            "addedAllowanceCents",
            addedMonths * 50000));
    awaitProjection(d.doteId(), p -> p.extensionMonths == totalExtensionMonths);
  }

  private static void publish(Dote d, String type, Map<String, Object> payload) {
    try {
      Events.publish(
          TOPIC,
          d.doteId().toString(),
          Events.cloudEvent(UUID.randomUUID().toString(), type, d.doteId().toString()),
          new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(payload));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void awaitProjection(UUID doteId, Predicate<DoteProjection> until) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                QuarkusTransaction.requiringNew()
                    .call(() -> until.test(DoteProjection.findById(doteId))));
  }
}
