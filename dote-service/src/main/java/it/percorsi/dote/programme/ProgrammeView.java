package it.percorsi.dote.programme;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A programme as everyone may read it. */
public record ProgrammeView(
    String code,
    String title,
    String state,
    boolean example,
    LocalDate applicationOpens,
    LocalDate applicationCloses,
    ProgrammeRequest.Criteria criteria,
    int internshipMonths,
    int maxExtensionMonths,
    long monthlyAllowanceCents,
    int attendanceThresholdPercent,
    long hostContributionCents,
    String hostContributionOnInterruption,
    long promoterServicesCents,
    int totalDotes,
    List<ProgrammeRequest.Quota> quotas,
    Integer promoterCap,
    int clearanceToStartDays,
    Instant publishedAt) {

  static ProgrammeView of(Programme p, List<RegionalQuota> quotas) {
    return new ProgrammeView(
        p.code,
        p.title,
        p.state.name(),
        p.example,
        p.applicationOpens,
        p.applicationCloses,
        new ProgrammeRequest.Criteria(
            p.minAge,
            p.maxAgeExclusive,
            p.requiresUnaccompaniedMinor,
            p.requiresUnemployed,
            p.requiresValidPermit,
            p.requiresDidAndAgreement,
            p.requiresConsent),
        p.internshipMonths,
        p.maxExtensionMonths,
        p.monthlyAllowanceCents,
        p.attendanceThresholdPercent,
        p.hostContributionCents,
        p.hostContributionOnInterruption.name(),
        p.promoterServicesCents,
        p.totalDotes,
        quotas.stream().map(q -> new ProgrammeRequest.Quota(q.id.regionCode(), q.total)).toList(),
        p.promoterCap,
        p.clearanceToStartDays,
        p.publishedAt);
  }

  /**
   * Places of one region: total, held by dotes, active, still available, and when none is left the
   * day the last one was assigned (the day the quota ran out).
   */
  public record QuotaView(
      String regionCode,
      int total,
      int assigned,
      long active,
      int available,
      @org.eclipse.microprofile.openapi.annotations.media.Schema(
              description =
                  "The day the quota ran out (its last place assigned); absent while"
                      + " places are left",
              examples = "2026-03-14")
          LocalDate exhaustedOn) {}
}
