package it.percorsi.dote.support;

import it.percorsi.dote.programme.Programme;
import it.percorsi.dote.programme.ProgrammeRequest;
import java.time.LocalDate;
import java.util.List;

/** Programme requests and drafts for plain unit tests (no database). */
public final class ProgrammeRequests {

  private ProgrammeRequests() {}

  /**
   * A 2027 call for 16 to 23-year-olds: 6 months of internship plus up to 6, 500 € a month at 70 %
   * attendance, 600 € for the host, 2,840 € of promoter services, 60 days from clearance to start.
   */
  public static ProgrammeRequest request(
      Programme.HostContributionOnInterruption host,
      List<ProgrammeRequest.Quota> quotas,
      int total) {
    return new ProgrammeRequest(
        "TEST-1",
        "Test",
        LocalDate.of(2027, 1, 1),
        LocalDate.of(2027, 12, 31),
        new ProgrammeRequest.Criteria(16, 24, true, true, true, true, true),
        6,
        6,
        50000L,
        70,
        60000L,
        host,
        284000L,
        total,
        quotas,
        null,
        60);
  }

  /** The draft of {@link #request} with ten places in Sicily. */
  public static Programme draft(Programme.HostContributionOnInterruption host) {
    return Programme.define(request(host, List.of(new ProgrammeRequest.Quota("19", 10)), 10))
        .programme();
  }
}
