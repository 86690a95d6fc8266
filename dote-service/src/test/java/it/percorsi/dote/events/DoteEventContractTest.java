package it.percorsi.dote.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import it.percorsi.dote.dote.DoteService;
import it.percorsi.dote.support.ActiveDotes;
import it.percorsi.dote.support.Calls;
import it.percorsi.dote.support.DoteFixtures;
import it.percorsi.dote.support.RealInfrastructure;
import it.percorsi.testkit.EventSchemas;
import it.percorsi.testkit.Events;
import it.percorsi.testkit.TestClock;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The contract with integrators: every event type dote-service publishes is really published, as
 * CloudEvents with its aggregate as key, and matches its JSON Schema (which admits no undeclared
 * field). The incoming payloads used in tests match the schemas published for the plan and
 * placement teams.
 */
@QuarkusTest
@RealInfrastructure
class DoteEventContractTest {

  private static final Set<String> OUTBOUND =
      Set.of(
          "it.percorsi.programme.published.v1",
          "it.percorsi.quota.exhausted.v1",
          "it.percorsi.dote.assigned.v1",
          "it.percorsi.dote.activated.v1",
          "it.percorsi.dote.activation-refused.v1",
          "it.percorsi.dote.extension-requested.v1",
          "it.percorsi.dote.extension-refused.v1",
          "it.percorsi.dote.extended.v1",
          "it.percorsi.dote.expired.v1",
          "it.percorsi.dote.revoked.v1",
          "it.percorsi.dote.completed.v1",
          "it.percorsi.disbursement.authorised.v1",
          "it.percorsi.disbursement.paid.v1");

  @Inject TestClock clock;

  @Inject DoteService service;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  @Test
  void everyPublishedEventTypeMatchesItsSchema() {
    // Two places: the second assignment exhausts the quota (quota.exhausted).
    String programme = DoteFixtures.published(DoteFixtures.programme(Map.of("19", 2), null));
    UUID active =
        ActiveDotes.interning(programme, LocalDate.of(2027, 2, 1), LocalDate.of(2027, 2, 28));
    String placements = "percorsi.placements.v1";
    ActiveDotes.publish(
        placements,
        active.toString(),
        UUID.randomUUID().toString(),
        "it.percorsi.placement.attendance-recorded.v1",
        ActiveDotes.attendance(active, "2027-02", 100, 90));
    Calls.post("promoter-a", "/dotes/" + active + "/extension", Map.of("months", 1))
        .statusCode(200);
    Calls.post(
            "agency-admin",
            "/dotes/" + active + "/extension/refusal",
            Map.of("reasonCode", "NOT_JUSTIFIED"))
        .statusCode(200);
    Calls.post("promoter-a", "/dotes/" + active + "/extension", Map.of("months", 2))
        .statusCode(200);
    Calls.post("agency-admin", "/dotes/" + active + "/extension/approval", null).statusCode(200);
    ActiveDotes.publish(
        placements,
        active.toString(),
        UUID.randomUUID().toString(),
        "it.percorsi.placement.internship-completed.v1",
        ("{\"internshipId\":\"%s\",\"doteId\":\"%s\",\"completedOn\":\"2027-02-28\","
                + "\"outcome\":\"COMPLETED\",\"startDate\":\"2027-02-01\"}")
            .formatted(UUID.randomUUID(), active));
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                ActiveDotes.read(active)
                    .body("state", equalTo("COMPLETED"))
                    .body("disbursements", hasSize(2)));
    String disbursement = ActiveDotes.read(active).extract().path("disbursements[0].id");
    Calls.post(
            "agency-admin",
            "/disbursements/" + disbursement + "/payment",
            Map.of("paymentReference", "CRO-9"))
        .statusCode(200);
    UUID revoked = ActiveDotes.assigned(programme);
    Calls.post(
            "agency-admin",
            "/dotes/" + revoked + "/revocation",
            Map.of("reasonCode", "PARTICIPANT_WITHDREW", "reason", "moved to another city"))
        .statusCode(200);
    UUID expiring = ActiveDotes.assigned(programme);
    clock.advance(Duration.ofDays(61));
    service.expireOverdue();
    ActiveDotes.publish(
        "percorsi.plans.v1",
        UUID.randomUUID().toString(),
        UUID.randomUUID().toString(),
        "it.percorsi.plan.approved.v1",
        "{\"planId\":\"%s\",\"doteId\":\"%s\",\"approvedOn\":\"2026-11-27\"}"
            .formatted(UUID.randomUUID(), expiring));

    List<Events.Read> read =
        Events.readUntil(
            "percorsi.dotes.v1",
            rs ->
                rs.stream()
                        .map(r -> r.header("ce_type"))
                        .collect(Collectors.toSet())
                        .containsAll(OUTBOUND)
                    && rs.stream()
                        .anyMatch(
                            r ->
                                expiring.toString().equals(r.key())
                                    && "it.percorsi.dote.activation-refused.v1"
                                        .equals(r.header("ce_type"))),
            Duration.ofSeconds(30));

    assertThat(read.stream().map(r -> r.header("ce_type")).collect(Collectors.toSet()))
        .containsAll(OUTBOUND);
    for (Events.Read r : read) {
      assertThat(r.header("ce_specversion")).isEqualTo("1.0");
      assertThat(r.header("ce_source")).isEqualTo("/percorsi/dote-service");
      assertThat(r.header("ce_subject")).isEqualTo(r.key());
      assertThat(EventSchemas.violations("outbound", r.header("ce_type"), r.value()))
          .as("%s %s", r.header("ce_type"), r.value())
          .isEmpty();
      assertThat(r.value()).as("no free text on the bus").doesNotContain("moved to another city");
    }
  }

  @Test
  void incomingTestPayloadsMatchTheSchemasGivenToPlanAndPlacementTeams() {
    UUID internship = UUID.randomUUID();
    assertThat(
            EventSchemas.violations(
                "inbound",
                "it.percorsi.placement.attendance-recorded.v1",
                ActiveDotes.attendance(UUID.randomUUID(), "2027-02", 50, 50, 10, 20, 2)))
        .isEmpty();
    assertThat(
            EventSchemas.violations(
                "inbound",
                "it.percorsi.placement.internship-started.v1",
                "{\"internshipId\":\"%s\",\"doteId\":\"%s\",\"startDate\":\"2027-02-15\",\"plannedEndDate\":\"2027-08-14\"}"
                    .formatted(internship, UUID.randomUUID())))
        .isEmpty();
    assertThat(
            EventSchemas.violations(
                "inbound",
                "it.percorsi.placement.internship-completed.v1",
                "{\"internshipId\":\"%s\",\"doteId\":\"%s\",\"completedOn\":\"2027-04-10\",\"outcome\":\"INTERRUPTED\",\"interruptionReason\":\"HIRED_BY_HOST\"}"
                    .formatted(internship, UUID.randomUUID())))
        .isEmpty();
    assertThat(
            EventSchemas.violations(
                "inbound",
                "it.percorsi.placement.internship-completed.v1",
                "{\"internshipId\":\"%s\",\"doteId\":\"%s\",\"completedOn\":\"2027-04-10\",\"outcome\":\"ABANDONED\"}"
                    .formatted(internship, UUID.randomUUID())))
        .isNotEmpty();
    UUID dote = UUID.randomUUID();
    assertThat(
            EventSchemas.violations(
                "inbound",
                "it.percorsi.placement.attendance-recorded.v1",
                ActiveDotes.attendance(dote, "2027-02", 100, 90)))
        .isEmpty();
    assertThat(
            EventSchemas.violations(
                "inbound",
                "it.percorsi.placement.attendance-recorded.v1",
                ActiveDotes.attendance(dote, "2027-13", 100, 90)))
        .isNotEmpty();
    assertThat(
            EventSchemas.violations(
                "inbound",
                "it.percorsi.plan.approved.v1",
                "{\"planId\":\"%s\",\"doteId\":\"%s\",\"approvedOn\":\"2026-11-27\"}"
                    .formatted(UUID.randomUUID(), dote)))
        .isEmpty();
  }
}
