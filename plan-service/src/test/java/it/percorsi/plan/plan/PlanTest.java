package it.percorsi.plan.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.percorsi.plan.events.PlanAmended;
import it.percorsi.plan.events.PlanApproved;
import it.percorsi.plan.events.PlanReturned;
import it.percorsi.plan.events.PlanSubmitted;
import it.percorsi.platform.problem.Problem.FieldError;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The plan's state machine, without a database. */
class PlanTest {

  private static final Instant NOW = Instant.parse("2026-12-10T10:00:00Z");
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 10);

  private static Plan submitted() {
    Plan p = Plan.open(PlanFixtures.doteOf(UUID.randomUUID()), NOW);
    p.write(PlanFixtures.complete(), NOW);
    p.submit(List.of(), TODAY, NOW);
    return p;
  }

  private static PlanRefused.Reason refusal(Runnable action) {
    try {
      action.run();
    } catch (PlanRefused e) {
      return e.reason();
    }
    throw new AssertionError("not refused");
  }

  @Test
  void openedPlanIsAnEmptyDraftVersionOneOfTheDotesPromoter() {
    UUID dote = UUID.randomUUID();
    Plan p = Plan.open(PlanFixtures.doteOf(dote), NOW);

    assertThat(p.state).isEqualTo(PlanState.DRAFT);
    assertThat(p.doteId).isEqualTo(dote);
    assertThat(p.promoterOrgId).isEqualTo("ORG-PROMOTER-A");
    assertThat(p.current().number).isEqualTo(1);
    assertThat(p.current().content()).isEqualTo(PlanContent.empty());
    assertThat(p.inForce()).isEmpty();
  }

  @Test
  void submissionWithMissingPiecesIsRefusedNamingThem() {
    Plan p = Plan.open(PlanFixtures.doteOf(UUID.randomUUID()), NOW);
    List<FieldError> missing = List.of(new FieldError("activities", "at least one"));

    assertThatThrownBy(() -> p.submit(missing, TODAY, NOW))
        .isInstanceOfSatisfying(
            PlanRefused.class,
            e -> {
              assertThat(e.reason()).isEqualTo(PlanRefused.Reason.INCOMPLETE);
              assertThat(e.errors()).isEqualTo(missing);
            });
    assertThat(p.state).isEqualTo(PlanState.DRAFT);
  }

  @Test
  void submissionOfACompleteDraftEmitsSubmitted() {
    Plan p = Plan.open(PlanFixtures.doteOf(UUID.randomUUID()), NOW);
    p.write(PlanFixtures.complete(), NOW);

    PlanSubmitted event = p.submit(List.of(), TODAY, NOW);

    assertThat(event).isEqualTo(new PlanSubmitted(p.id, p.doteId, 1, TODAY));
    assertThat(p.state).isEqualTo(PlanState.SUBMITTED);
    assertThat(refusal(() -> p.write(PlanContent.empty(), NOW)))
        .isEqualTo(PlanRefused.Reason.WRONG_STATE);
  }

  @Test
  void returnedVersionCanBeWrittenAndSubmittedAgain() {
    Plan p = submitted();

    PlanReturned event =
        p.returnToPromoter(
            List.of(ReturnReason.ACTIVITIES_NOT_SUITABLE), "too few hours", "CPI-ME", TODAY, NOW);

    assertThat(event.reasonCodes()).containsExactly("ACTIVITIES_NOT_SUITABLE");
    assertThat(p.state).isEqualTo(PlanState.RETURNED);
    assertThat(p.current().returnReasons()).containsExactly(ReturnReason.ACTIVITIES_NOT_SUITABLE);
    p.write(PlanFixtures.complete(), NOW);
    assertThat(p.state).isEqualTo(PlanState.DRAFT);
    p.submit(List.of(), TODAY, NOW);
    assertThat(p.state).isEqualTo(PlanState.SUBMITTED);
  }

  @Test
  void approvalPutsTheVersionInForceAndEmitsApproved() {
    Plan p = submitted();

    PlanApproved event = p.approve("ORG-AGENCY", TODAY, NOW);

    assertThat(event).isEqualTo(new PlanApproved(p.id, p.doteId, TODAY, 1, "ORG-AGENCY"));
    assertThat(p.versionInForce).isEqualTo(1);
    assertThat(p.current().state).isEqualTo(VersionState.APPROVED);
  }

  @Test
  void onlyASubmittedVersionIsDecided() {
    Plan p = Plan.open(PlanFixtures.doteOf(UUID.randomUUID()), NOW);

    assertThat(refusal(() -> p.approve("ORG-AGENCY", TODAY, NOW)))
        .isEqualTo(PlanRefused.Reason.WRONG_STATE);
    assertThat(
            refusal(() -> p.returnToPromoter(List.of(ReturnReason.OTHER), null, "X", TODAY, NOW)))
        .isEqualTo(PlanRefused.Reason.WRONG_STATE);
  }

  @Test
  void approvedVersionNeverChangesAndAmendmentOpensTheNextOne() {
    Plan p = submitted();
    p.approve("ORG-AGENCY", TODAY, NOW);
    String approved = p.current().document();

    assertThat(refusal(() -> p.write(PlanContent.empty(), NOW)))
        .isEqualTo(PlanRefused.Reason.WRONG_STATE);
    PlanAmended event = p.amend(TODAY, NOW);

    assertThat(event.version()).isEqualTo(2);
    assertThat(event.versionInForce()).isEqualTo(1);
    assertThat(p.current().number).isEqualTo(2);
    assertThat(p.current().state).isEqualTo(VersionState.DRAFT);
    assertThat(p.current().document()).isEqualTo(approved);
    p.write(PlanContent.empty(), NOW);
    assertThat(p.inForce().orElseThrow().number).isEqualTo(1);
    assertThat(p.inForce().orElseThrow().document()).isEqualTo(approved);
  }

  @Test
  void approvingTheAmendmentSupersedesThePreviousVersion() {
    Plan p = submitted();
    p.approve("ORG-AGENCY", TODAY, NOW);
    p.amend(TODAY, NOW);
    p.submit(List.of(), TODAY, NOW);

    p.approve("ORG-AGENCY", TODAY, NOW);

    assertThat(p.versionInForce).isEqualTo(2);
    assertThat(p.version(1).orElseThrow().state).isEqualTo(VersionState.SUPERSEDED);
  }

  @Test
  void closedPlanRefusesEveryChangeAndClosesOnce() {
    Plan p = submitted();

    assertThat(p.close(ClosedReason.DOTE_EXPIRED, TODAY, NOW)).isPresent();
    assertThat(p.close(ClosedReason.DOTE_EXPIRED, TODAY, NOW)).isEmpty();

    assertThat(p.state).isEqualTo(PlanState.CLOSED);
    assertThat(p.current().state).isEqualTo(VersionState.ABANDONED);
    assertThat(refusal(() -> p.approve("ORG-AGENCY", TODAY, NOW)))
        .isEqualTo(PlanRefused.Reason.PLAN_CLOSED);
    assertThat(refusal(() -> p.write(PlanContent.empty(), NOW)))
        .isEqualTo(PlanRefused.Reason.PLAN_CLOSED);
  }
}
