package it.percorsi.dote.programme;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import it.percorsi.dote.events.DoteEvents.ProgrammePublished;
import it.percorsi.platform.problem.ProblemException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A programme (an edition's call): its rules are data. Created as a draft by the agency; once
 * published its rules never change — a new edition is a new programme.
 */
@Entity
@Table(name = "programme")
public class Programme extends PanacheEntityBase {

  /** Lifecycle of a programme record. */
  public enum State {
    DRAFT,
    PUBLISHED
  }

  @Id public String code;

  @Column(nullable = false)
  public String title;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public State state;

  @Column(nullable = false)
  public boolean example;

  @Column(name = "application_opens", nullable = false)
  public LocalDate applicationOpens;

  @Column(name = "application_closes", nullable = false)
  public LocalDate applicationCloses;

  @Column(name = "min_age", nullable = false)
  public int minAge;

  @Column(name = "max_age_exclusive", nullable = false)
  public int maxAgeExclusive;

  @Column(name = "requires_unaccompanied_minor", nullable = false)
  public boolean requiresUnaccompaniedMinor;

  @Column(name = "requires_unemployed", nullable = false)
  public boolean requiresUnemployed;

  @Column(name = "requires_valid_permit", nullable = false)
  public boolean requiresValidPermit;

  @Column(name = "requires_did_and_agreement", nullable = false)
  public boolean requiresDidAndAgreement;

  @Column(name = "requires_consent", nullable = false)
  public boolean requiresConsent;

  @Column(name = "internship_months", nullable = false)
  public int internshipMonths;

  @Column(name = "max_extension_months", nullable = false)
  public int maxExtensionMonths;

  @Column(name = "monthly_allowance_cents", nullable = false)
  public long monthlyAllowanceCents;

  @Column(name = "attendance_threshold_percent", nullable = false)
  public int attendanceThresholdPercent;

  @Column(name = "host_contribution_cents", nullable = false)
  public long hostContributionCents;

  @Column(name = "promoter_services_cents", nullable = false)
  public long promoterServicesCents;

  @Column(name = "total_dotes", nullable = false)
  public int totalDotes;

  @Column(name = "promoter_cap")
  public Integer promoterCap;

  @Column(name = "clearance_to_start_days", nullable = false)
  public int clearanceToStartDays;

  @Column(name = "published_at")
  public Instant publishedAt;

  @Version public long version;

  /** Whether applications are accepted on {@code date}. */
  public boolean openOn(LocalDate date) {
    return state == State.PUBLISHED
        && !date.isBefore(applicationOpens)
        && !date.isAfter(applicationCloses);
  }

  /**
   * Publishes the programme; its rules are frozen from now on.
   *
   * @return {@code programme.published}
   * @throws ProblemException 409 when already published
   */
  public ProgrammePublished publish(Instant now) {
    if (state == State.PUBLISHED) {
      throw ProblemException.conflict(
          "invalid-transition", "Already published", "Programme " + code + " is already published");
    }
    state = State.PUBLISHED;
    publishedAt = now;
    return new ProgrammePublished(code, applicationOpens, applicationCloses, totalDotes);
  }
}
