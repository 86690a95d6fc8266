package it.percorsi.placement.hire;

import it.percorsi.placement.PlacementProblems;
import it.percorsi.placement.employer.EmployerRepository;
import it.percorsi.placement.events.PlacementEvent;
import it.percorsi.placement.internship.Internship;
import it.percorsi.placement.reference.ContractTypes;
import it.percorsi.placement.reference.TaxIds;
import it.percorsi.platform.access.CaseScope;
import it.percorsi.platform.audit.AuditTrail;
import it.percorsi.platform.caller.Caller;
import it.percorsi.platform.outbox.Outbox;
import it.percorsi.platform.paging.Page;
import it.percorsi.platform.paging.PageRequest;
import it.percorsi.platform.problem.Problem;
import it.percorsi.platform.problem.ProblemException;
import it.percorsi.platform.projection.participant.ParticipantProjection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Hires: recorded by the case's promoter or the CPI of its province; emits hire-recorded. */
@ApplicationScoped
public class HireService {

  static final String AGGREGATE = "hire";

  private final EmployerRepository employers;
  private final Outbox outbox;
  private final Validator validator;
  private final Clock clock;
  private final AuditTrail audit;

  public HireService(
      EmployerRepository employers,
      Outbox outbox,
      Validator validator,
      Clock clock,
      AuditTrail audit) {
    this.employers = employers;
    this.outbox = outbox;
    this.validator = validator;
    this.clock = clock;
    this.audit = audit;
  }

  /**
   * Records a hire of a participant of a case the caller may see: the case is that of the
   * participant's latest internship, else of the participant as projected from participant-service.
   *
   * @throws ProblemException 400 on invalid data (unknown contract type, fixed-term without end),
   *     404 when the participant is not one of the caller's cases
   */
  @Transactional
  public Hire record(RecordHire raw, Caller caller) {
    var violations = validator.validate(raw);
    if (!violations.isEmpty()) {
      throw new ConstraintViolationException(violations);
    }
    List<Problem.FieldError> errors = new ArrayList<>(HireRules.check(raw));
    if (!errors.isEmpty()) {
      errors.sort(Comparator.comparing(Problem.FieldError::field));
      throw PlacementProblems.invalid(errors);
    }
    if (caller.orgId() == null) {
      throw PlacementProblems.noOrganisation();
    }
    RecordHire r =
        new RecordHire(
            raw.participantId(),
            TaxIds.normalise(raw.employerTaxCode()),
            raw.contractType(),
            raw.startDate(),
            raw.endDate(),
            raw.weeklyHours(),
            raw.atecoCode(),
            raw.istatProfession());
    Hire.Case k = caseOf(r.participantId());
    if (k == null || !HireAccess.canRecordFor(caller, k)) {
      throw ProblemException.notFound("participant", r.participantId());
    }
    UUID employerId = employers.byTaxCode(r.employerTaxCode()).map(e -> e.id).orElse(null);
    Instant now = clock.instant();
    Hire.Recorded recorded =
        Hire.record(
            r,
            ContractTypes.of(r.contractType()).orElseThrow(),
            k,
            employerId,
            caller.orgId(),
            now);
    Hire h = recorded.hire();
    h.persist();
    audit.record(AGGREGATE, h.id, "recorded", "", caller);
    outbox.append(PlacementEvent.TOPIC, recorded.event());
    Hire.getEntityManager().flush();
    return h;
  }

  @Transactional
  public Hire get(UUID id, Caller caller) {
    Hire h = Hire.findById(id);
    if (h == null || !HireAccess.canRead(caller, h)) {
      throw ProblemException.notFound("hire", id);
    }
    return h;
  }

  /** A page of the hires the caller may see, optionally of one participant, oldest first. */
  @Transactional
  public Page<HireView> list(UUID participantId, PageRequest page, Caller caller) {
    CaseScope.Where scope = HireAccess.where(caller);
    List<String> where = new ArrayList<>(List.of(scope.jpql()));
    Map<String, Object> params = new HashMap<>(scope.params());
    if (participantId != null) {
      where.add("participantId = :participantId");
      params.put("participantId", participantId);
    }
    page.addAfter("recordedAt", "id", where, params);
    List<Hire> rows =
        Hire.<Hire>find(String.join(" and ", where) + " order by recordedAt, id", params)
            .range(0, page.fetchSize() - 1)
            .list();
    return Page.of(
        rows, page, h -> List.of(h.recordedAt.toString(), h.id.toString()), HireView::of);
  }

  /** The case of a participant: its latest internship, else the participant projection. */
  public static Hire.Case caseOf(UUID participantId) {
    Internship latest =
        Internship.<Internship>find("participantId = ?1 order by startDate desc", participantId)
            .firstResult();
    if (latest != null) {
      return new Hire.Case(latest.promoterOrgId, latest.provinceCode, latest.id, latest.doteId);
    }
    ParticipantProjection p = ParticipantProjection.findById(participantId);
    return p == null ? null : new Hire.Case(p.ownerOrgId, p.provinceCode, null, null);
  }

  /** Hires of a participant, for follow-ups. */
  public static List<Hire> of(UUID participantId) {
    return Hire.list("participantId = ?1 order by startDate", participantId);
  }
}
