package it.percorsi.dote.programme;

import it.percorsi.dote.events.DoteEvents;
import it.percorsi.platform.outbox.Outbox;
import it.percorsi.platform.problem.Problem;
import it.percorsi.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Creates, publishes and reads programmes. */
@ApplicationScoped
public class ProgrammeService {

  private final ProgrammeRepository programmes;
  private final Outbox outbox;
  private final Clock clock;

  public ProgrammeService(ProgrammeRepository programmes, Outbox outbox, Clock clock) {
    this.programmes = programmes;
    this.outbox = outbox;
    this.clock = clock;
  }

  /**
   * Creates a draft programme. Quotas must add up to the total and name each region once.
   *
   * @throws ProblemException 400 on inconsistent rules, 409 when the code exists
   */
  @Transactional
  public Programme create(ProgrammeRequest r) {
    List<Problem.FieldError> errors = new ArrayList<>();
    if (r.applicationCloses().isBefore(r.applicationOpens())) {
      errors.add(new Problem.FieldError("applicationCloses", "is before applicationOpens"));
    }
    if (r.criteria().maxAgeExclusive() <= r.criteria().minAge()) {
      errors.add(new Problem.FieldError("criteria.maxAgeExclusive", "must exceed minAge"));
    }
    Set<String> regions = new HashSet<>();
    int sum = 0;
    for (ProgrammeRequest.Quota q : r.quotas()) {
      if (!regions.add(q.regionCode())) {
        errors.add(new Problem.FieldError("quotas", "region " + q.regionCode() + " appears twice"));
      }
      sum += q.places();
    }
    if (sum != r.totalDotes()) {
      errors.add(
          new Problem.FieldError(
              "quotas", "regional places add up to " + sum + ", not totalDotes " + r.totalDotes()));
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(Problem.validation(errors));
    }
    if (programmes.findById(r.code()) != null) {
      throw ProblemException.conflict(
          "duplicate-programme",
          "Programme exists",
          "A programme with code " + r.code() + " exists");
    }
    Programme p = new Programme();
    p.code = r.code();
    p.title = r.title().strip();
    p.state = Programme.State.DRAFT;
    p.example = false;
    p.applicationOpens = r.applicationOpens();
    p.applicationCloses = r.applicationCloses();
    p.minAge = r.criteria().minAge();
    p.maxAgeExclusive = r.criteria().maxAgeExclusive();
    p.requiresUnaccompaniedMinor = r.criteria().enteredAsUnaccompaniedMinor();
    p.requiresUnemployed = r.criteria().unemployed();
    p.requiresValidPermit = r.criteria().validPermit();
    p.requiresDidAndAgreement = r.criteria().didAndServiceAgreement();
    p.requiresConsent = r.criteria().consent();
    p.internshipMonths = r.internshipMonths();
    p.maxExtensionMonths = r.maxExtensionMonths();
    p.monthlyAllowanceCents = r.monthlyAllowanceCents();
    p.attendanceThresholdPercent = r.attendanceThresholdPercent();
    p.hostContributionCents = r.hostContributionCents();
    p.promoterServicesCents = r.promoterServicesCents();
    p.totalDotes = r.totalDotes();
    p.promoterCap = r.promoterCap();
    p.clearanceToStartDays = r.clearanceToStartDays();
    programmes.persist(p);
    for (ProgrammeRequest.Quota q : r.quotas()) {
      RegionalQuota quota = new RegionalQuota();
      quota.id = new RegionalQuota.Key(p.code, q.regionCode());
      quota.total = q.places();
      quota.assigned = 0;
      quota.persist();
    }
    return p;
  }

  /** Publishes a draft and emits {@code programme.published}; its rules are frozen. */
  @Transactional
  public Programme publish(String code) {
    Programme p = get(code);
    outbox.append(DoteEvents.TOPIC, p.publish(clock.instant()));
    return p;
  }

  @Transactional
  public Programme get(String code) {
    Programme p = programmes.findById(code);
    if (p == null) {
      throw ProblemException.notFound("programme", code);
    }
    return p;
  }

  @Transactional
  public List<RegionalQuota> quotas(String code) {
    get(code);
    return programmes.quotas(code);
  }

  @Transactional
  public List<ProgrammeView.QuotaView> quotaViews(String code) {
    get(code);
    var active = programmes.activeByRegion(code);
    return programmes.quotas(code).stream()
        .map(
            q ->
                new ProgrammeView.QuotaView(
                    q.id.regionCode(),
                    q.total,
                    q.assigned,
                    active.getOrDefault(q.id.regionCode(), 0L),
                    q.total - q.assigned))
        .toList();
  }

  @Transactional
  public List<Programme> list() {
    return programmes.listAll(io.quarkus.panache.common.Sort.by("code"));
  }
}
