package it.percorsi.platform.projection.participant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A consuming service's local copy of the non-identifying facts about a participant. */
@Entity
@Table(name = "participant_projection")
public class ParticipantProjection extends PanacheEntityBase {

  @Id
  @Column(name = "participant_id")
  public UUID participantId;

  @Column(name = "region_code", nullable = false, length = 2, columnDefinition = "bpchar")
  public String regionCode;

  @Column(name = "province_code", nullable = false, length = 3, columnDefinition = "bpchar")
  public String provinceCode;

  @Column(length = 3, columnDefinition = "bpchar")
  public String nationality;

  @Column(name = "entered_as_unaccompanied_minor", nullable = false)
  public boolean enteredAsUnaccompaniedMinor;

  @Column(name = "owner_org_id", nullable = false)
  public String ownerOrgId;

  @Column(name = "registered_on", nullable = false)
  public LocalDate registeredOn;

  @Column(name = "employment_status")
  public String employmentStatus;

  @Column(name = "consent_given", nullable = false)
  public boolean consentGiven;

  /** Under 18 today, as participant-service announced it (never the birth date). */
  @Column(nullable = false)
  public boolean minor;

  /** The participant's personal data were erased; the id stays for financial audit. */
  @Column(nullable = false)
  public boolean erased;

  @Column(name = "last_event_id", nullable = false)
  public String lastEventId;

  @Column(name = "last_event_at", nullable = false)
  public Instant lastEventAt;
}
