package it.percorsi.placement.employer;

import it.percorsi.placement.PlacementProblems;
import it.percorsi.platform.audit.AuditTrail;
import it.percorsi.platform.caller.Caller;
import it.percorsi.platform.http.Preconditions;
import it.percorsi.platform.paging.Page;
import it.percorsi.platform.paging.PageRequest;
import it.percorsi.platform.problem.Problem;
import it.percorsi.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The host registry's transactions: each loads the employer, checks that the caller may see it
 * (otherwise 404), lets the aggregate change and records who changed what.
 */
@ApplicationScoped
public class EmployerService {

  static final String AGGREGATE = "employer";

  private final EmployerRepository employers;
  private final Validator validator;
  private final Clock clock;
  private final AuditTrail audit;

  public EmployerService(
      EmployerRepository employers, Validator validator, Clock clock, AuditTrail audit) {
    this.employers = employers;
    this.validator = validator;
    this.clock = clock;
    this.audit = audit;
  }

  /**
   * Registers a host organisation.
   *
   * @throws ProblemException 400 on invalid data, 403 without an organisation in the token, 409
   *     when the tax code is already registered (naming the existing id to a caller who may see it)
   */
  @Transactional
  public Employer register(EmployerData request, Caller caller) {
    EmployerData d = validated(request);
    if (caller.orgId() == null) {
      throw PlacementProblems.noOrganisation();
    }
    employers.lockTaxCode(d.taxCode());
    employers
        .byTaxCode(d.taxCode())
        .ifPresent(
            existing -> {
              throw PlacementProblems.duplicateEmployer(
                  EmployerAccess.canRead(caller, existing) ? existing.id : null);
            });
    Instant now = clock.instant();
    Employer e = Employer.register(d, caller.orgId(), now);
    employers.persist(e);
    audit.record(AGGREGATE, e.id, "registered", "", caller);
    employers.flush();
    return e;
  }

  /** The employer if the caller may see it; otherwise 404, as if it did not exist. */
  @Transactional
  public Employer get(UUID id, Caller caller) {
    return visible(employers.findByIdOptional(id).orElse(null), id, caller);
  }

  /**
   * Replaces the employer's data (If-Match required) and records the changed fields.
   *
   * @throws ProblemException 404 when not visible, 428 without If-Match, 412 when stale, 400 on
   *     invalid data or another tax code
   */
  @Transactional
  public Employer replace(UUID id, String ifMatch, EmployerData request, Caller caller) {
    Employer e = visible(employers.findForUpdate(id).orElse(null), id, caller);
    Preconditions.required(ifMatch, e.etag());
    EmployerData d = validated(request);
    Instant now = clock.instant();
    List<String> changed = e.replace(d, now);
    if (!changed.isEmpty()) {
      audit.record(AGGREGATE, e.id, "updated", String.join(",", changed), caller);
    }
    employers.flush();
    return e;
  }

  @Transactional
  public Page<EmployerView> list(
      EmployerRepository.Filter filter, PageRequest page, Caller caller) {
    return Page.of(
        employers.page(filter, caller, page),
        page,
        e -> List.of(e.registeredAt.toString(), e.id.toString()),
        EmployerView::of);
  }

  @Transactional
  public List<AuditTrail.Change> history(UUID id, Caller caller) {
    Employer e = get(id, caller);
    return audit.of(AGGREGATE, e.id);
  }

  /** The employer if {@code caller} may see it, else 404. */
  public static Employer visible(Employer e, UUID id, Caller caller) {
    if (e == null || !EmployerAccess.canRead(caller, e)) {
      throw ProblemException.notFound("employer", id);
    }
    return e;
  }

  private EmployerData validated(EmployerData raw) {
    EmployerData d = raw.normalised();
    Set<ConstraintViolation<EmployerData>> violations = validator.validate(d);
    if (!violations.isEmpty()) {
      throw new ConstraintViolationException(violations);
    }
    List<Problem.FieldError> errors = new java.util.ArrayList<>(EmployerRules.check(d));
    if (!errors.isEmpty()) {
      errors.sort(Comparator.comparing(Problem.FieldError::field));
      throw PlacementProblems.invalid(errors);
    }
    return d;
  }
}
