package it.percorsi.dote.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import it.percorsi.dote.dote.DoteService;
import it.percorsi.dote.dote.ParkedEvent;
import it.percorsi.dote.support.ActiveDotes;
import it.percorsi.dote.support.Calls;
import it.percorsi.dote.support.DoteFixtures;
import it.percorsi.dote.support.RealInfrastructure;
import it.percorsi.testkit.Events;
import it.percorsi.testkit.TestClock;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Money only for a running dote, for months of its internship, by the programme's rules. */
@QuarkusTest
@RealInfrastructure
class FundingRulesTest {

  private static final String PLACEMENTS = "percorsi.placements.v1";
  private static final String ATTENDANCE = "it.percorsi.placement.attendance-recorded.v1";
  private static final String COMPLETED = "it.percorsi.placement.internship-completed.v1";
  private static final LocalDate JAN = LocalDate.of(2027, 1, 1);
  private static final LocalDate JUN_END = LocalDate.of(2027, 6, 30);

  @Inject TestClock clock;
  @Inject DoteService service;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  private static String programme(String hostOnInterruption) {
    Map<String, Object> p = DoteFixtures.programme(Map.of("19", 20), null);
    if (hostOnInterruption != null) {
      p.put("hostContributionOnInterruption", hostOnInterruption);
    }
    return DoteFixtures.published(p);
  }

  private static void placement(UUID dote, String type, String payload) {
    ActiveDotes.publish(PLACEMENTS, dote.toString(), UUID.randomUUID().toString(), type, payload);
  }

  private static String completion(UUID dote, LocalDate on, String outcome, String reason) {
    return ("{\"internshipId\":\"%s\",\"doteId\":\"%s\",\"completedOn\":\"%s\",\"outcome\":\"%s\""
            + (reason == null ? "" : ",\"interruptionReason\":\"" + reason + "\"")
            + "}")
        .formatted(UUID.randomUUID(), dote, on, outcome);
  }

  private static JsonPath dote(UUID id) {
    return ActiveDotes.read(id).statusCode(200).extract().jsonPath();
  }

  private static void awaitDisbursements(UUID dote, int n) {
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> ActiveDotes.read(dote).body("disbursements", hasSize(n)));
  }

  @Test
  void attendanceBeforeActivationIsParkedAndPaidOnceTheDoteRunsItsInternship() {
    UUID dote = ActiveDotes.assigned(programme(null));
    placement(dote, ATTENDANCE, ActiveDotes.attendance(dote, "2027-02", 100, 100));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                QuarkusTransaction.requiringNew().call(() -> ParkedEvent.count("doteId", dote))
                    == 1);
    assertThat(dote(dote).getList("disbursements")).isEmpty();

    ActiveDotes.publish(
        "percorsi.plans.v1",
        UUID.randomUUID().toString(),
        UUID.randomUUID().toString(),
        "it.percorsi.plan.approved.v1",
        "{\"planId\":\"%s\",\"doteId\":\"%s\"}".formatted(UUID.randomUUID(), dote));
    ActiveDotes.startInternship(dote, JAN, JUN_END);

    awaitDisbursements(dote, 1);
    JsonPath d = dote(dote);
    assertThat(d.getString("disbursements[0].period")).isEqualTo("2027-02");
    assertThat(d.getString("disbursements[0].status")).isEqualTo("AUTHORISED");
    assertThat(d.getInt("disbursements[0].amountCents")).isEqualTo(50000);
    assertThat(QuarkusTransaction.requiringNew().call(() -> ParkedEvent.count("doteId", dote)))
        .isZero();
  }

  @Test
  void aWholeInternshipReportedBeforeActivationIsSettledInOrderWhenTheDoteActivates() {
    UUID dote = ActiveDotes.assigned(programme(null));
    placement(
        dote,
        "it.percorsi.placement.internship-started.v1",
        "{\"internshipId\":\"%s\",\"doteId\":\"%s\",\"startDate\":\"2027-01-01\",\"plannedEndDate\":\"2027-01-31\"}"
            .formatted(UUID.randomUUID(), dote));
    placement(dote, COMPLETED, completion(dote, LocalDate.of(2027, 1, 31), "COMPLETED", null));
    placement(dote, ATTENDANCE, ActiveDotes.attendance(dote, "2027-01", 100, 100));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                QuarkusTransaction.requiringNew().call(() -> ParkedEvent.count("doteId", dote))
                    == 2);

    ActiveDotes.publish(
        "percorsi.plans.v1",
        UUID.randomUUID().toString(),
        UUID.randomUUID().toString(),
        "it.percorsi.plan.approved.v1",
        "{\"planId\":\"%s\",\"doteId\":\"%s\"}".formatted(UUID.randomUUID(), dote));

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> ActiveDotes.read(dote).body("state", equalTo("COMPLETED")));
    JsonPath d = dote(dote);
    assertThat(d.getInt("disbursements.find { it.period == '2027-01' }.amountCents"))
        .isEqualTo(50000);
    assertThat(d.getInt("disbursements.find { it.line == 'HOST_CONTRIBUTION' }.amountCents"))
        .isEqualTo(60000);
    assertThat(QuarkusTransaction.requiringNew().call(() -> ParkedEvent.count("doteId", dote)))
        .isZero();
  }

  @Test
  void aMonthOutsideTheInternshipIsKeptAsNotPayable() {
    UUID dote = ActiveDotes.interning(programme(null), JAN, JUN_END);
    placement(dote, ATTENDANCE, ActiveDotes.attendance(dote, "2027-09", 100, 100));

    awaitDisbursements(dote, 1);
    ActiveDotes.read(dote)
        .body("disbursements[0].status", equalTo("NOT_PAYABLE"))
        .body("disbursements[0].reason", containsString("outside the internship"));
  }

  @Test
  void afterRevocationNothingIsPaidAndTheEventIsKeptWithTheReason() {
    UUID dote = ActiveDotes.interning(programme(null), JAN, JUN_END);
    Calls.post("agency-admin", "/dotes/" + dote + "/revocation", Map.of("reasonCode", "OTHER"))
        .statusCode(200);
    placement(dote, ATTENDANCE, ActiveDotes.attendance(dote, "2027-02", 100, 100));

    awaitDisbursements(dote, 1);
    ActiveDotes.read(dote)
        .body("disbursements[0].status", equalTo("NOT_PAYABLE"))
        .body("disbursements[0].reason", containsString("REVOKED"))
        .body("budget.find { it.kind == 'PARTICIPANT_ALLOWANCE' }.remainingCents", equalTo(300000));
  }

  @Test
  void aMonthBelowTheThresholdCorrectedUpstreamIsPaidByTheCorrectedFigureOnce() {
    UUID dote = ActiveDotes.interning(programme(null), JAN, JUN_END);
    placement(dote, ATTENDANCE, ActiveDotes.attendance(dote, "2027-03", 100, 60, 22, 22, 1));
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> ActiveDotes.read(dote).body("disbursements[0].status", equalTo("NOT_PAYABLE")));

    placement(dote, ATTENDANCE, ActiveDotes.attendance(dote, "2027-03", 100, 90, 22, 22, 2));
    placement(dote, ATTENDANCE, ActiveDotes.attendance(dote, "2027-03", 100, 95, 22, 22, 3));
    placement(dote, ATTENDANCE, ActiveDotes.attendance(dote, "2027-04", 100, 100, 22, 22, 1));

    awaitDisbursements(dote, 2);
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                ActiveDotes.read(dote)
                    .body(
                        "disbursements.find { it.period == '2027-04' }.status",
                        equalTo("AUTHORISED")));
    JsonPath d = dote(dote);
    assertThat(d.getString("disbursements.find { it.period == '2027-03' }.status"))
        .isEqualTo("AUTHORISED");
    assertThat(d.getInt("disbursements.find { it.period == '2027-03' }.revision")).isEqualTo(2);
    assertThat(d.getInt("budget.find { it.kind == 'PARTICIPANT_ALLOWANCE' }.remainingCents"))
        .isEqualTo(300000 - 2 * 50000);
  }

  @Test
  void aPartFirstMonthPaysInProportionToTheWorkingDaysCovered() {
    UUID dote =
        ActiveDotes.interning(programme(null), LocalDate.of(2027, 2, 15), LocalDate.of(2027, 3, 9));
    // February 2027 has 20 working days; the internship covers 10 of them: 250 €.
    placement(dote, ATTENDANCE, ActiveDotes.attendance(dote, "2027-02", 50, 50, 10, 20, 1));
    // March 2027 has 22 (Easter Monday is the 29th); 1 to 9 March covers 7: 159.09 €.
    placement(dote, ATTENDANCE, ActiveDotes.attendance(dote, "2027-03", 35, 35, 7, 22, 1));

    awaitDisbursements(dote, 2);
    JsonPath d = dote(dote);
    assertThat(d.getInt("disbursements.find { it.period == '2027-02' }.amountCents"))
        .isEqualTo(25000);
    assertThat(d.getInt("disbursements.find { it.period == '2027-03' }.amountCents"))
        .isEqualTo(15909);
  }

  @Test
  void aCompletedInternshipPaysTheHostAndCompletesTheDoteOnceItsLastMonthIsSettled() {
    UUID dote = ActiveDotes.interning(programme(null), JAN, LocalDate.of(2027, 2, 28));
    placement(dote, COMPLETED, completion(dote, LocalDate.of(2027, 2, 28), "COMPLETED", null));
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                ActiveDotes.read(dote)
                    .body(
                        "disbursements.find { it.line == 'HOST_CONTRIBUTION' }.amountCents",
                        equalTo(60000))
                    .body("state", equalTo("ACTIVE")));

    placement(dote, ATTENDANCE, ActiveDotes.attendance(dote, "2027-01", 100, 100));
    placement(dote, ATTENDANCE, ActiveDotes.attendance(dote, "2027-02", 100, 100));

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> ActiveDotes.read(dote).body("state", equalTo("COMPLETED")));
    assertThat(dote(dote).getList("disbursements.findAll { it.status == 'AUTHORISED' }"))
        .hasSize(3);
    Events.await(
        "percorsi.dotes.v1",
        r ->
            dote.toString().equals(r.key())
                && "it.percorsi.dote.completed.v1".equals(r.header("ce_type"))
                && r.value().contains("\"outcome\":\"COMPLETED\""),
        Duration.ofSeconds(20));
  }

  @Test
  void anInterruptedInternshipPaysTheHostNothingByDefault() {
    UUID dote = ActiveDotes.interning(programme(null), JAN, JUN_END);
    placement(
        dote,
        COMPLETED,
        completion(dote, LocalDate.of(2027, 3, 31), "INTERRUPTED", "PARTICIPANT_WITHDREW"));

    awaitDisbursements(dote, 1);
    ActiveDotes.read(dote)
        .body("disbursements[0].line", equalTo("HOST_CONTRIBUTION"))
        .body("disbursements[0].status", equalTo("NOT_PAYABLE"))
        .body("disbursements[0].reason", containsString("PARTICIPANT_WITHDREW"));
  }

  @Test
  void anInterruptedInternshipPaysTheHostInProportionWhereTheProgrammeSaysSo() {
    UUID dote = ActiveDotes.interning(programme("PRO_RATA"), JAN, JUN_END);
    // Three whole months of six: half of the 600 € contribution.
    placement(dote, COMPLETED, completion(dote, LocalDate.of(2027, 3, 31), "INTERRUPTED", "OTHER"));

    awaitDisbursements(dote, 1);
    ActiveDotes.read(dote)
        .body("disbursements[0].status", equalTo("AUTHORISED"))
        .body("disbursements[0].amountCents", equalTo(30000));
  }

  @Test
  void anApprovalThatReachesAnExpiredDoteIsRefusedOnTheBus() {
    UUID dote = ActiveDotes.assigned(programme(null));
    clock.advance(Duration.ofDays(61));
    service.expireOverdue();
    UUID plan = UUID.randomUUID();

    ActiveDotes.publish(
        "percorsi.plans.v1",
        plan.toString(),
        UUID.randomUUID().toString(),
        "it.percorsi.plan.approved.v1",
        "{\"planId\":\"%s\",\"doteId\":\"%s\"}".formatted(plan, dote));

    Events.Read refused =
        Events.await(
            "percorsi.dotes.v1",
            r ->
                dote.toString().equals(r.key())
                    && "it.percorsi.dote.activation-refused.v1".equals(r.header("ce_type")),
            Duration.ofSeconds(20));
    assertThat(refused.value()).contains(plan.toString()).contains("\"doteState\":\"EXPIRED\"");
    ActiveDotes.read(dote).body("state", equalTo("EXPIRED")).body("budget", hasSize(0));
  }
}
