package it.percorsi.plan.plan;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import it.percorsi.plan.events.PlanAmended;
import it.percorsi.plan.events.PlanApproved;
import it.percorsi.plan.events.PlanClosed;
import it.percorsi.plan.events.PlanReturned;
import it.percorsi.plan.events.PlanSubmitted;
import it.percorsi.plan.plan.PlanRefused.Reason;
import it.percorsi.platform.http.Preconditions;
import it.percorsi.platform.problem.Problem.FieldError;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The personalised intervention plan (PIP) of one dote, owned by the dote's promoter, with its
 * versions. The latest version is the one being worked on; the version in force is the last
 * approved one, which never changes again. Changed only through the methods below, each of which
 * enforces its rule and returns the event it causes.
 */
@Entity
@Table(name = "plan")
public class Plan extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "dote_id", nullable = false, unique = true)
  public UUID doteId;

  @Column(name = "participant_id", nullable = false)
  public UUID participantId;

  @Column(name = "programme_code", nullable = false, length = 60)
  public String programmeCode;

  @Column(name = "promoter_org_id", nullable = false, length = 100)
  public String promoterOrgId;

  @Column(name = "region_code", nullable = false, length = 2, columnDefinition = "bpchar")
  public String regionCode;

  @Column(name = "province_code", nullable = false, length = 3, columnDefinition = "bpchar")
  public String provinceCode;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  public PlanState state;

  @Column(name = "current_version", nullable = false)
  public int currentVersion;

  @Column(name = "version_in_force")
  public Integer versionInForce;

  @Enumerated(EnumType.STRING)
  @Column(name = "closed_reason", length = 30)
  public ClosedReason closedReason;

  @Column(name = "closed_on")
  public LocalDate closedOn;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Version
  @Column(nullable = false)
  public long version;

  // A plan has a handful of versions, and a plan is never used without its current one.
  @OneToMany(mappedBy = "plan", cascade = CascadeType.ALL, fetch = FetchType.EAGER)
  @OrderBy("number")
  List<PlanVersion> versions = new ArrayList<>();

  protected Plan() {}

  /** Who the dote is for and whose it is: what a plan is opened with. */
  public record Dote(
      UUID doteId,
      UUID participantId,
      String programmeCode,
      String promoterOrgId,
      String regionCode,
      String provinceCode) {}

  /** Opens version 1 of a dote's plan as an empty draft owned by the dote's promoter. */
  public static Plan open(Dote dote, Instant now) {
    Plan p = new Plan();
    p.id = UUID.randomUUID();
    p.doteId = dote.doteId();
    p.participantId = dote.participantId();
    p.programmeCode = dote.programmeCode();
    p.promoterOrgId = dote.promoterOrgId();
    p.regionCode = dote.regionCode();
    p.provinceCode = dote.provinceCode();
    p.state = PlanState.DRAFT;
    p.currentVersion = 1;
    p.createdAt = now;
    p.updatedAt = now;
    p.versions.add(PlanVersion.draft(p, 1, PlanContent.empty(), now));
    return p;
  }

  /** The version being worked on (the latest). */
  public PlanVersion current() {
    return version(currentVersion).orElseThrow();
  }

  /** The approved version in force, if any. */
  public Optional<PlanVersion> inForce() {
    return versionInForce == null ? Optional.empty() : version(versionInForce);
  }

  public Optional<PlanVersion> version(int number) {
    return versions.stream().filter(v -> v.number == number).findFirst();
  }

  public List<PlanVersion> versions() {
    return List.copyOf(versions);
  }

  /**
   * Replaces the content of the current version, which must be a draft or returned (a returned
   * version becomes a draft again). No event: drafts are the promoter's business until submitted.
   */
  public void write(PlanContent content, Instant now) {
    requireOpen();
    PlanVersion v = current();
    if (!v.state.writable()) {
      throw new PlanRefused(
          Reason.WRONG_STATE,
          "version "
              + v.number
              + " is "
              + v.state
              + "; only a draft or a returned version can be written"
              + (v.state == VersionState.APPROVED
                  ? " (amend the plan to open a new version)"
                  : ""));
    }
    v.write(content, now);
    state = PlanState.DRAFT;
    updatedAt = now;
  }

  /**
   * Submits the current version for approval; emits {@code plan.submitted}.
   *
   * @param incomplete what {@link PlanRules#completeness} found missing; refused unless empty
   */
  public PlanSubmitted submit(List<FieldError> incomplete, LocalDate today, Instant now) {
    requireOpen();
    PlanVersion v = current();
    if (!v.state.writable()) {
      throw new PlanRefused(
          Reason.WRONG_STATE, "version " + v.number + " is " + v.state + ", not a draft");
    }
    if (!incomplete.isEmpty()) {
      throw new PlanRefused(
          Reason.INCOMPLETE, "the plan is not complete enough to be submitted", incomplete);
    }
    v.state = VersionState.SUBMITTED;
    v.submittedAt = now;
    v.updatedAt = now;
    state = PlanState.SUBMITTED;
    updatedAt = now;
    return new PlanSubmitted(id, doteId, v.number, today);
  }

  /**
   * Approves the submitted version: it comes into force and the one before (if any) is superseded;
   * emits {@code plan.approved}. A closed plan (its dote ended) is refused, never approved
   * silently.
   */
  public PlanApproved approve(String byOrg, LocalDate today, Instant now) {
    requireOpen();
    PlanVersion v = requireSubmitted();
    inForce()
        .ifPresent(
            previous -> {
              previous.state = VersionState.SUPERSEDED;
              previous.supersededOn = today;
              previous.updatedAt = now;
            });
    v.state = VersionState.APPROVED;
    v.decidedAt = now;
    v.decidedOn = today;
    v.decidedByOrg = byOrg;
    v.updatedAt = now;
    versionInForce = v.number;
    state = PlanState.APPROVED;
    updatedAt = now;
    return new PlanApproved(id, doteId, today, v.number, byOrg);
  }

  /**
   * Sends the submitted version back to the promoter with reasons; emits {@code plan.returned} with
   * the reason codes (the note stays here).
   */
  public PlanReturned returnToPromoter(
      List<ReturnReason> reasons, String note, String byOrg, LocalDate today, Instant now) {
    requireOpen();
    PlanVersion v = requireSubmitted();
    v.returned(reasons, note, byOrg, today, now);
    state = PlanState.RETURNED;
    updatedAt = now;
    return new PlanReturned(
        id, doteId, v.number, reasons.stream().map(Enum::name).toList(), byOrg, today);
  }

  /**
   * Opens version n+1 as a draft holding the content of the approved version n, which stays in
   * force until the new one is approved; emits {@code plan.amended}.
   */
  public PlanAmended amend(LocalDate today, Instant now) {
    requireOpen();
    PlanVersion v = current();
    if (v.state != VersionState.APPROVED) {
      throw new PlanRefused(
          Reason.WRONG_STATE,
          "only an approved plan is amended; version " + v.number + " is " + v.state);
    }
    int next = currentVersion + 1;
    versions.add(PlanVersion.draft(this, next, v.content(), now));
    currentVersion = next;
    state = PlanState.DRAFT;
    updatedAt = now;
    return new PlanAmended(id, doteId, next, v.number, today);
  }

  /**
   * Closes the plan because its dote ended or refused activation; a version still in the works is
   * abandoned, the approved one keeps its state. Emits {@code plan.closed} once: closing a closed
   * plan changes nothing.
   */
  public Optional<PlanClosed> close(ClosedReason reason, LocalDate on, Instant now) {
    if (state == PlanState.CLOSED) {
      return Optional.empty();
    }
    PlanVersion v = current();
    if (v.state.writable() || v.state == VersionState.SUBMITTED) {
      v.state = VersionState.ABANDONED;
      v.updatedAt = now;
    }
    state = PlanState.CLOSED;
    closedReason = reason;
    closedOn = on;
    updatedAt = now;
    return Optional.of(new PlanClosed(id, doteId, reason.name(), on));
  }

  /** Refused with the reason when the plan is closed. */
  public void requireOpen() {
    if (state == PlanState.CLOSED) {
      throw new PlanRefused(
          Reason.PLAN_CLOSED,
          "the plan is closed since " + closedOn + ": " + closedReason.explanation());
    }
  }

  /** The ETag of the plan: any change to it or its versions bumps {@link #version}. */
  public String etag() {
    return Preconditions.etag(version);
  }

  private PlanVersion requireSubmitted() {
    PlanVersion v = current();
    if (v.state != VersionState.SUBMITTED) {
      throw new PlanRefused(
          Reason.WRONG_STATE,
          "version " + v.number + " is " + v.state + "; only a submitted version is decided");
    }
    return v;
  }
}
