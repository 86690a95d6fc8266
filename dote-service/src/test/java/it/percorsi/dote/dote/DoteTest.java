package it.percorsi.dote.dote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.percorsi.dote.events.DoteActivated;
import it.percorsi.dote.events.DoteExtended;
import it.percorsi.dote.programme.Programme;
import it.percorsi.dote.support.ProgrammeRequests;
import it.percorsi.platform.problem.ProblemException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The dote's state machine: given a state, an intent, the new state and the event it causes. */
class DoteTest {

  private static final LocalDate TODAY = LocalDate.of(2027, 1, 10);

  private static Programme programme() {
    return ProgrammeRequests.draft(null);
  }

  private static Dote assigned() {
    return Dote.assign(
            programme(),
            UUID.randomUUID(),
            "ORG-PROMOTER-A",
            "19",
            "083",
            TODAY.plusDays(20),
            TODAY,
            Instant.now())
        .dote();
  }

  private static Dote active() {
    Dote d = assigned();
    d.activate(UUID.randomUUID(), TODAY, programme());
    return d;
  }

  private static void refusedAsInvalid(Runnable r) {
    assertThatThrownBy(r::run)
        .isInstanceOf(ProblemException.class)
        .satisfies(
            e ->
                assertThat(((ProblemException) e).problem().getType().toString())
                    .endsWith("/invalid-transition"));
  }

  @Test
  void assignmentHoldsThePlaceUntilTheStartDeadline() {
    Dote d = assigned();
    assertThat(d.state).isEqualTo(Dote.State.ASSIGNED);
    assertThat(d.startDeadline).isEqualTo(TODAY.plusDays(60));
    assertThat(d.running()).isFalse();
  }

  @Test
  void activationCommitsTheBudgetOfTheInternshipMonths() {
    Dote d = assigned();
    DoteActivated e = d.activate(UUID.randomUUID(), TODAY, programme());
    assertThat(d.state).isEqualTo(Dote.State.ACTIVE);
    assertThat(e.allowanceCents()).isEqualTo(6 * 50000);
    assertThat(e.hostContributionCents()).isEqualTo(60000);
    assertThat(e.promoterServicesCents()).isEqualTo(284000);
    refusedAsInvalid(() -> d.activate(UUID.randomUUID(), TODAY, programme()));
  }

  @Test
  void anApprovalOfAClosedDoteIsRefusedAndOfARunningOneChangesNothing() {
    Dote running = active();
    assertThat(running.refuseActivation(UUID.randomUUID(), TODAY)).isEmpty();
    Dote expired = assigned();
    expired.expire(expired.startDeadline.plusDays(1));
    assertThat(expired.refuseActivation(UUID.randomUUID(), TODAY))
        .hasValueSatisfying(e -> assertThat(e.doteState()).isEqualTo("EXPIRED"));
  }

  @Test
  void anExtensionIsRequestedThenApprovedWithinTheProgrammeLimit() {
    Dote d = active();
    d.requestExtension(4, programme(), TODAY);
    assertThatThrownBy(() -> d.requestExtension(1, programme(), TODAY))
        .isInstanceOf(ProblemException.class);
    DoteExtended e = d.approveExtension(programme());
    assertThat(d.state).isEqualTo(Dote.State.EXTENDED);
    assertThat(e.addedAllowanceCents()).isEqualTo(4 * 50000);
    assertThatThrownBy(() -> d.requestExtension(3, programme(), TODAY))
        .isInstanceOf(ProblemException.class);
    d.requestExtension(2, programme(), TODAY);
    assertThat(d.refuseExtension(Dote.ExtensionRefusal.OTHER, TODAY).requestedMonths())
        .isEqualTo(2);
    assertThat(d.extensionMonths).isEqualTo(4);
  }

  @Test
  void aReservationCannotBeExtendedNorExpiredBeforeItsDeadline() {
    Dote d = assigned();
    refusedAsInvalid(() -> d.requestExtension(1, programme(), TODAY));
    refusedAsInvalid(() -> d.expire(d.startDeadline));
    d.expire(d.startDeadline.plusDays(1));
    assertThat(d.state).isEqualTo(Dote.State.EXPIRED);
  }

  @Test
  void revocationKeepsTheFreeTextOffTheEvent() {
    Dote d = active();
    var e = d.revoke(Dote.RevocationReason.IRREGULARITY, "forged documents", TODAY);
    assertThat(d.state).isEqualTo(Dote.State.REVOKED);
    assertThat(d.closeReason).isEqualTo("forged documents");
    assertThat(e.toString()).doesNotContain("forged");
    refusedAsInvalid(() -> d.revoke(Dote.RevocationReason.OTHER, null, TODAY));
  }

  @Test
  void theDoteCompletesOnlyAfterItsInternshipEndsAndListsTheMonthsToSettle() {
    Dote d = active();
    d.internshipStarted(UUID.randomUUID(), LocalDate.of(2027, 2, 15), LocalDate.of(2027, 8, 14));
    assertThat(d.inInternship(YearMonth.of(2027, 2))).isTrue();
    assertThat(d.inInternship(YearMonth.of(2027, 9))).isFalse();
    refusedAsInvalid(() -> d.complete(TODAY));
    d.internshipEnded(LocalDate.of(2027, 4, 10), Dote.InternshipOutcome.INTERRUPTED);
    assertThat(d.internshipMonthsToSettle()).containsExactly("2027-02", "2027-03", "2027-04");
    assertThat(d.wholeMonthsDone()).isEqualTo(1);
    assertThat(d.complete(TODAY).outcome()).isEqualTo("INTERRUPTED");
    assertThat(d.running()).isFalse();
  }
}
