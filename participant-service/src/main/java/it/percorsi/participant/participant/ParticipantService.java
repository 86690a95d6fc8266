package it.percorsi.participant.participant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import it.percorsi.participant.events.ParticipantErased;
import it.percorsi.participant.events.ParticipantEvent;
import it.percorsi.participant.participant.Codes.TaxCodeKind;
import it.percorsi.participant.reference.Territories;
import it.percorsi.platform.caller.Caller;
import it.percorsi.platform.caller.Role;
import it.percorsi.platform.codes.TaxCodes;
import it.percorsi.platform.http.Preconditions;
import it.percorsi.platform.idempotency.Idempotency;
import it.percorsi.platform.outbox.Outbox;
import it.percorsi.platform.paging.Page;
import it.percorsi.platform.paging.PageRequest;
import it.percorsi.platform.problem.Problem;
import it.percorsi.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.BadRequestException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import org.hibernate.LockOptions;

/**
 * The participant registry's transactions: each loads the participant, checks that the caller may
 * see it (another organisation's participant is a 404, as if it did not exist), lets the aggregate
 * change, and appends its event to the outbox and an entry to the audit trail in the same
 * transaction.
 */
@ApplicationScoped
public class ParticipantService {

  /** Fields that would set ownership or organisation: never taken from a body. */
  static final Set<String> OWNERSHIP_FIELDS =
      Set.of(
          "ownerOrgId",
          "registeredByOrgId",
          "owner",
          "orgId",
          "org_id",
          "organisation",
          "organization",
          "organisationId",
          "organizationId");

  /** Fields of the view that the service keeps itself. */
  static final Set<String> READ_ONLY_FIELDS =
      Set.of(
          "id",
          "taxCodeHistory",
          "minor",
          "consentGiven",
          "registeredAt",
          "updatedAt",
          "erasedAt",
          "version");

  private static final int COMING_OF_AGE_BATCH = 100;

  private final ParticipantRepository participants;
  private final ParticipantRules rules;
  private final Territories territories;
  private final Outbox outbox;
  private final Idempotency idempotency;
  private final Validator validator;
  private final ObjectMapper mapper;
  private final Clock clock;

  public ParticipantService(
      ParticipantRepository participants,
      ParticipantRules rules,
      Territories territories,
      Outbox outbox,
      Idempotency idempotency,
      Validator validator,
      ObjectMapper mapper,
      Clock clock) {
    this.participants = participants;
    this.rules = rules;
    this.territories = territories;
    this.outbox = outbox;
    this.idempotency = idempotency;
    this.validator = validator;
    this.mapper = mapper;
    this.clock = clock;
  }

  /**
   * Registers a participant owned by the caller's organisation and emits {@code
   * participant.registered}. A CPI operator registers only residents of its provinces.
   *
   * @throws ProblemException 400 on invalid data, 403 for a province the CPI does not serve, 409
   *     when the tax code is (or was) someone's, naming that participant only to a caller who may
   *     see it
   */
  @Transactional
  public Participant register(ParticipantData request, Caller caller) {
    LocalDate today = today();
    ParticipantData d = validated(request, today, List.of());
    if (caller.orgId() == null) {
      throw new ProblemException(
          Problem.of(
              "no-organisation",
              "No organisation",
              403,
              "Your token carries no organisation, which would own the participant"));
    }
    requireServedProvince(caller, d.residenceProvince());
    Instant now = clock.instant();
    Participant.Registration reg =
        Participant.register(d, d.residenceRegion(), caller.orgId(), now, today);
    Participant p = reg.participant();
    claimTaxCode(d.taxCode(), p.id, caller, p.registeredAt);
    participants.persist(p);
    record(p, ParticipantHistory.REGISTERED, List.of(), caller, p.registeredAt);
    outbox.append(ParticipantEvent.TOPIC, reg.event());
    return p;
  }

  /** The participant if the caller may see it; otherwise 404, as if it did not exist. */
  @Transactional
  public Participant get(UUID id, Caller caller) {
    return visible(participants.findByIdOptional(id).orElse(null), id, caller);
  }

  /** The participant locked for a change, if the caller may see it; otherwise 404. */
  @Transactional(Transactional.TxType.MANDATORY)
  public Participant getForUpdate(UUID id, Caller caller) {
    return visible(participants.findForUpdate(id).orElse(null), id, caller);
  }

  /** The participant as returned to a caller who may see it. */
  @Transactional
  public ParticipantView view(Participant p) {
    return ParticipantView.of(p, participants.taxCodes(p.id), today());
  }

  /**
   * Applies a JSON Merge Patch to what a caller may write; emits {@code participant.updated} with
   * the names of the changed fields, unless nothing changed. A provisional tax code may be replaced
   * by the definitive one (the old one stays in the tax code history); a definitive one may not be
   * replaced. Consent is withdrawn through {@link #withdrawConsent}, not removed by a patch.
   *
   * @throws ProblemException 404 when not visible, 428 without If-Match, 412 on a stale If-Match,
   *     400 on fields that set ownership or are read-only and on invalid data, 409 when erased or
   *     the new tax code is someone else's
   */
  @Transactional
  public Participant revise(UUID id, String ifMatch, JsonNode patch, Caller caller) {
    Participant p = visible(participants.findForUpdate(id).orElse(null), id, caller);
    Preconditions.required(ifMatch, p.etag());
    p.requireNotErased();
    if (!patch.isObject()) {
      throw ProblemException.invalid("body", "must be a JSON object (RFC 7396 merge patch)");
    }
    refuseFieldsTheCallerCannotSet(patch);
    LocalDate today = today();
    ParticipantData before = p.data();
    JsonNode merged = MergePatch.apply(mapper.valueToTree(before.normalised(null)), patch);
    ParticipantData next;
    try {
      next = mapper.treeToValue(merged, ParticipantData.class);
    } catch (JsonProcessingException e) {
      // As for a request body: the problem mappers turn the cause into a field-level problem.
      throw new BadRequestException(e);
    }
    List<Problem.FieldError> extra = new ArrayList<>();
    if (before.consent() != null && next.consent() == null) {
      extra.add(
          new Problem.FieldError(
              "consent",
              "is withdrawn with POST /participants/{id}/consent-withdrawal, not removed"));
    }
    ParticipantData d = validated(next, today, extra, before.taxCode());
    requireServedProvince(caller, d.residenceProvince());
    Instant now = clock.instant();
    if (!Objects.equals(before.taxCode(), d.taxCode())) {
      claimTaxCode(d.taxCode(), p.id, caller, now);
      participants.retireTaxCode(before.taxCode(), now);
    }
    p.revise(d, now, today)
        .ifPresent(
            event -> {
              record(p, ParticipantHistory.UPDATED, event.changedFields(), caller, now);
              outbox.append(ParticipantEvent.TOPIC, event);
            });
    participants.flush();
    return p;
  }

  /**
   * Withdraws the consent in force as of {@code on} (today when null) and emits {@code
   * participant.consent-withdrawn}; from then on no dote may be assigned.
   *
   * @throws ProblemException 404 when not visible, 412 on a stale If-Match, 409 when there is no
   *     consent in force, 400 for a date in the future or before the consent
   */
  @Transactional
  public Participant withdrawConsent(UUID id, LocalDate on, String ifMatch, Caller caller) {
    LocalDate today = today();
    LocalDate date = on == null ? today : on;
    return act(
        id,
        ifMatch,
        caller,
        ParticipantHistory.CONSENT_WITHDRAWN,
        List.of("consent"),
        (p, now) -> {
          if (date.isAfter(today)) {
            throw ProblemException.invalid("date", "must not be in the future");
          }
          return Optional.of(p.withdrawConsent(date, now));
        });
  }

  /**
   * The agency moves the case to another organisation; emits {@code
   * participant.ownership-transferred}.
   */
  @Transactional
  public Participant transfer(UUID id, String toOrgId, String ifMatch, Caller caller) {
    return act(
        id,
        ifMatch,
        caller,
        ParticipantHistory.OWNERSHIP_TRANSFERRED,
        List.of("ownerOrgId"),
        (p, now) -> Optional.of(p.transferTo(toOrgId, now)));
  }

  /**
   * Erases the participant's personal data at the data subject's request: the row keeps its id and
   * non-identifying facts, the tax code history, the payment accounts and the stored answers of
   * idempotent requests (which hold the registration's body) are deleted; the audit trail holds no
   * values and stays. Emits {@code participant.erased} once; erasing again changes nothing.
   */
  @Transactional
  public Participant erase(UUID id, Caller caller) {
    return act(
        id,
        null,
        caller,
        ParticipantHistory.ERASED,
        List.of(),
        (p, now) -> {
          Optional<ParticipantErased> event = p.erase(now, today());
          if (event.isPresent()) {
            participants.forgetTaxCodes(p.id);
            participants.forgetPaymentAccounts(p.id);
            idempotency.forget(p.id.toString());
          }
          return event;
        });
  }

  /**
   * The common path of an action on one participant: load it locked, 404 unless visible, check
   * If-Match when sent, change it, and record the event it causes (if any) in the audit trail and
   * the outbox.
   */
  private Participant act(
      UUID id,
      String ifMatch,
      Caller caller,
      String action,
      List<String> fields,
      BiFunction<Participant, Instant, Optional<? extends ParticipantEvent>> change) {
    Participant p = visible(participants.findForUpdate(id).orElse(null), id, caller);
    Preconditions.optional(ifMatch, p.etag());
    Instant now = clock.instant();
    change
        .apply(p, now)
        .ifPresent(
            event -> {
              record(p, action, fields, caller, now);
              outbox.append(ParticipantEvent.TOPIC, event);
            });
    participants.flush();
    return p;
  }

  /** A page of the participants the caller may see, filtered. */
  @Transactional
  public Page<ParticipantSummary> list(ParticipantFilter filter, PageRequest page, Caller caller) {
    List<Participant> rows = participants.page(filter, caller, page, today());
    return Page.of(
        rows,
        page,
        p -> List.of(p.registeredAt.toString(), p.id.toString()),
        ParticipantSummary::of);
  }

  /** The audit trail of a participant the caller may see. */
  @Transactional
  public List<HistoryEntry> history(UUID id, Caller caller) {
    Participant p = get(id, caller);
    return participants.history(p.id).stream().map(HistoryEntry::of).toList();
  }

  /** Everything held about a participant the caller may see. */
  @Transactional
  public ParticipantExport export(UUID id, Caller caller) {
    Participant p = get(id, caller);
    return new ParticipantExport(clock.instant(), view(p), history(id, caller));
  }

  /**
   * Announces every participant registered as a minor who is 18 by {@code today} and not yet
   * announced: removes the guardian, emits {@code participant.came-of-age}. Idempotent: an
   * announced participant is never announced again, and concurrent runs skip each other's rows.
   *
   * @return how many participants came of age in this run
   */
  public int noteComingOfAge(LocalDate today) {
    int total = 0;
    int done;
    do {
      done = QuarkusTransaction.requiringNew().call(() -> comeOfAgeBatch(today));
      total += done;
    } while (done == COMING_OF_AGE_BATCH);
    return total;
  }

  /** One batch in one transaction; every row selected is due, so each is announced. */
  private int comeOfAgeBatch(LocalDate today) {
    List<Participant> due =
        participants
            .find(
                "cameOfAgeDue = true and birthDate <= ?1",
                today.minusYears(ParticipantRules.ADULT_AGE))
            .withLock(LockModeType.PESSIMISTIC_WRITE)
            .withHint("jakarta.persistence.lock.timeout", LockOptions.SKIP_LOCKED)
            .range(0, COMING_OF_AGE_BATCH - 1)
            .list();
    Instant now = clock.instant();
    int done = 0;
    for (Participant p : due) {
      var event = p.comeOfAge(today, now);
      if (event.isPresent()) {
        record(
            p,
            ParticipantHistory.CAME_OF_AGE,
            List.of("guardian", "consent"),
            ParticipantHistory.SYSTEM,
            now);
        outbox.append(ParticipantEvent.TOPIC, event.get());
        done++;
      }
    }
    return done;
  }

  /**
   * A CPI operator registers and keeps residents of the provinces it serves: it can neither
   * register someone elsewhere nor move a participant out of its territory.
   */
  private static void requireServedProvince(Caller caller, String province) {
    if (caller.is(Role.CPI_OPERATOR) && !caller.isAgency() && !caller.servesProvince(province)) {
      throw new ProblemException(
          Problem.of(
              "province-not-served",
              "Province not served",
              403,
              "A CPI operator registers and keeps residents of the provinces it serves"));
    }
  }

  /** The participant if {@code caller} may see it, else 404. */
  static Participant visible(Participant p, UUID id, Caller caller) {
    if (p == null || !ParticipantAccess.canRead(caller, p)) {
      throw ProblemException.notFound("participant", id);
    }
    return p;
  }

  LocalDate today() {
    return LocalDate.now(clock);
  }

  /**
   * Shape (Bean Validation), then rules; returns the data normalised with the region resolved.
   *
   * @param currentTaxCode the tax code the participant holds, null for a registration
   */
  private ParticipantData validated(
      ParticipantData raw, LocalDate today, List<Problem.FieldError> extra, String currentTaxCode) {
    ParticipantData d = raw.normalised(raw.residenceRegion());
    Set<ConstraintViolation<ParticipantData>> violations = validator.validate(d);
    if (!violations.isEmpty()) {
      throw new ConstraintViolationException(violations);
    }
    List<Problem.FieldError> errors = new ArrayList<>(extra);
    errors.addAll(rules.check(d, today));
    if (currentTaxCode != null && !currentTaxCode.equals(d.taxCode())) {
      if (!TaxCodes.isProvisional(currentTaxCode)) {
        errors.add(new Problem.FieldError("taxCode", "a definitive tax code cannot be replaced"));
      } else if (TaxCodes.isProvisional(d.taxCode())) {
        errors.add(
            new Problem.FieldError(
                "taxCode", "a provisional tax code can only be replaced by the definitive one"));
      }
    }
    if (!errors.isEmpty()) {
      errors.sort(Comparator.comparing(Problem.FieldError::field));
      throw new ProblemException(Problem.validation(errors));
    }
    String region = territories.province(d.residenceProvince()).orElseThrow().regionCode();
    return d.normalised(region);
  }

  private ParticipantData validated(
      ParticipantData raw, LocalDate today, List<Problem.FieldError> extra) {
    return validated(raw, today, extra, null);
  }

  private void claimTaxCode(String taxCode, UUID participantId, Caller caller, Instant at) {
    TaxCodeKind kind =
        TaxCodes.isProvisional(taxCode) ? TaxCodeKind.PROVISIONAL : TaxCodeKind.DEFINITIVE;
    if (participants.claimTaxCode(taxCode, participantId, kind, at)) {
      return;
    }
    Problem problem =
        Problem.of(
            "duplicate-participant",
            "Participant already registered",
            409,
            "A participant with this tax code is already registered");
    participants
        .byAnyTaxCode(taxCode)
        .filter(existing -> ParticipantAccess.canRead(caller, existing))
        .ifPresent(existing -> problem.with("existingId", existing.id));
    throw new ProblemException(problem);
  }

  private static void record(
      Participant p, String action, List<String> fields, Caller by, Instant at) {
    ParticipantHistory.of(p.id, action, fields, by, at.truncatedTo(ChronoUnit.MICROS)).persist();
  }

  private static void refuseFieldsTheCallerCannotSet(JsonNode patch) {
    List<Problem.FieldError> errors = new ArrayList<>();
    Iterator<String> names = patch.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (OWNERSHIP_FIELDS.contains(name)) {
        errors.add(
            new Problem.FieldError(
                name,
                "cannot be set: the owner is the registering organisation, and only the agency"
                    + " transfers a case"));
      } else if (READ_ONLY_FIELDS.contains(name)) {
        errors.add(new Problem.FieldError(name, "is kept by the service and cannot be set"));
      }
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(Problem.validation(errors));
    }
  }
}
