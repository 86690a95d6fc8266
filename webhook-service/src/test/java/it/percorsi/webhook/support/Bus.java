package it.percorsi.webhook.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.percorsi.testkit.Events;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Events as the other services publish them, on the test broker (CloudEvents binary mode). */
public final class Bus {

  public static final String PARTICIPANTS = "percorsi.participants.v1";
  public static final String DOTES = "percorsi.dotes.v1";
  public static final String PLANS = "percorsi.plans.v1";
  public static final String PLACEMENTS = "percorsi.placements.v1";
  public static final String WEBHOOKS = "percorsi.webhooks.v1";

  private static final ObjectMapper JSON = new ObjectMapper();

  private Bus() {}

  /** A participant and a dote of {@code promoterOrgId} in {@code province}. */
  public record Case(UUID participantId, UUID doteId, String promoterOrgId, String province) {}

  /** Publishes the participant's registration and the dote's assignment. */
  public static Case assigned(String promoterOrgId, String province) {
    UUID participant = UUID.randomUUID();
    UUID dote = UUID.randomUUID();
    LocalDate today = LocalDate.now();
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("participantId", participant.toString());
    p.put("regionCode", "19");
    p.put("provinceCode", province);
    p.put("nationality", "GIN");
    p.put("enteredAsUnaccompaniedMinor", true);
    p.put("ownerOrgId", promoterOrgId);
    p.put("registeredOn", today.toString());
    p.put("consentGiven", true);
    p.put("minor", false);
    publish(PARTICIPANTS, participant.toString(), "it.percorsi.participant.registered.v1", p, null);
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("doteId", dote.toString());
    d.put("programmeCode", "EXAMPLE-PERCORSI-4-SUD");
    d.put("participantId", participant.toString());
    d.put("promoterOrgId", promoterOrgId);
    d.put("regionCode", "19");
    d.put("provinceCode", province);
    d.put("assignedOn", today.toString());
    d.put("plannedInternshipStart", today.plusDays(30).toString());
    d.put("startDeadline", today.plusDays(60).toString());
    d.put("internshipMonths", 6);
    d.put("maxExtensionMonths", 6);
    d.put("monthlyAllowanceCents", 50_000);
    d.put("attendanceThresholdPercent", 70);
    d.put("hostContributionCents", 60_000);
    d.put("promoterServicesCents", 200_000);
    publish(DOTES, dote.toString(), "it.percorsi.dote.assigned.v1", d, null);
    return new Case(participant, dote, promoterOrgId, province);
  }

  /** Publishes a dote-topic event of the case; returns its id. */
  public static String doteEvent(Case c, String type, Map<String, Object> fields, Instant time) {
    Map<String, Object> body = new LinkedHashMap<>(fields);
    body.put("doteId", c.doteId().toString());
    return publish(DOTES, c.doteId().toString(), type, body, time);
  }

  /** Publishes one event; {@code time} null means now. Returns the event id. */
  public static String publish(
      String topic, String key, String type, Map<String, Object> body, Instant time) {
    String id = UUID.randomUUID().toString();
    Map<String, String> headers = new HashMap<>(Events.cloudEvent(id, type, key));
    if (time != null) {
      headers.put("ce_time", time.toString());
    }
    try {
      Events.publish(topic, key, headers, JSON.writeValueAsString(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return id;
  }

  /** The topic an event type is published on. */
  public static String topicOf(String type) {
    if (type.startsWith("it.percorsi.participant.")) {
      return PARTICIPANTS;
    }
    if (type.startsWith("it.percorsi.plan.")) {
      return PLANS;
    }
    if (type.startsWith("it.percorsi.placement.")) {
      return PLACEMENTS;
    }
    if (type.startsWith("it.percorsi.webhook-endpoint.")) {
      return WEBHOOKS;
    }
    return DOTES;
  }
}
