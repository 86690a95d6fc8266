package it.percorsi.participant.participant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import it.percorsi.participant.events.ParticipantCameOfAge;
import it.percorsi.participant.events.ParticipantConsentWithdrawn;
import it.percorsi.participant.events.ParticipantErased;
import it.percorsi.participant.events.ParticipantOwnershipTransferred;
import it.percorsi.participant.events.ParticipantRegistered;
import it.percorsi.participant.events.ParticipantUpdated;
import it.percorsi.participant.participant.Codes.CefrLevel;
import it.percorsi.participant.participant.Codes.ConsentGiver;
import it.percorsi.participant.participant.Codes.EmploymentStatus;
import it.percorsi.participant.participant.Codes.PermitKind;
import it.percorsi.participant.participant.Codes.ReceptionType;
import it.percorsi.participant.participant.ParticipantData.Consent;
import it.percorsi.participant.participant.ParticipantData.Guardian;
import it.percorsi.participant.participant.ParticipantData.Permit;
import it.percorsi.platform.http.Preconditions;
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
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A participant of the programmes: the most sensitive record in the system. Changed only through
 * the methods below, each of which returns the event it causes.
 */
@Entity
@Table(name = "participant")
public class Participant extends PanacheEntityBase {

  @Id public UUID id;

  // --- Identity (personal: emptied by erasure)
  @Column(name = "tax_code", length = 16)
  public String taxCode;

  @Column(name = "given_name")
  public String givenName;

  @Column(name = "family_name")
  public String familyName;

  @Column(length = 1, columnDefinition = "bpchar")
  public String sex;

  @Column(name = "birth_date")
  public LocalDate birthDate;

  @Column(name = "birth_country", length = 3, columnDefinition = "bpchar")
  public String birthCountry;

  @Column(nullable = false, length = 3, columnDefinition = "bpchar")
  public String nationality;

  // --- Arrival
  @Column(name = "arrival_date")
  public LocalDate arrivalDate;

  @Column(name = "entered_as_unaccompanied_minor", nullable = false)
  public boolean enteredAsUnaccompaniedMinor;

  @Column(name = "first_reception_date")
  public LocalDate firstReceptionDate;

  @Enumerated(EnumType.STRING)
  @Column(name = "reception_type", length = 20)
  public ReceptionType receptionType;

  // --- Legal status
  @Enumerated(EnumType.STRING)
  @Column(name = "permit_kind", length = 30)
  public PermitKind permitKind;

  @Column(name = "permit_number", length = 20)
  public String permitNumber;

  @Column(name = "permit_expiry_date")
  public LocalDate permitExpiryDate;

  @Column(name = "permit_renewal_receipt_date")
  public LocalDate permitRenewalReceiptDate;

  // --- Guardian of a minor
  @Column(name = "guardian_name", length = 200)
  public String guardianName;

  @Column(name = "guardian_court", length = 200)
  public String guardianCourt;

  @Column(name = "guardian_appointment_date")
  public LocalDate guardianAppointmentDate;

  // --- Residence
  @Column(name = "region_code", nullable = false, length = 2, columnDefinition = "bpchar")
  public String regionCode;

  @Column(name = "province_code", nullable = false, length = 3, columnDefinition = "bpchar")
  public String provinceCode;

  @Column(name = "municipality_code", length = 6, columnDefinition = "bpchar")
  public String municipalityCode;

  @Column(name = "reference_cpi", length = 100)
  public String referenceCpi;

  // --- Education and work
  @Column(name = "years_of_schooling")
  public Integer yearsOfSchooling;

  @Enumerated(EnumType.STRING)
  @Column(name = "italian_level", length = 10)
  public CefrLevel italianLevel;

  /** ISO 639 codes, comma-separated. */
  @Column(length = 200)
  public String languages;

  @Enumerated(EnumType.STRING)
  @Column(name = "employment_status", length = 20)
  public EmploymentStatus employmentStatus;

  @Column(name = "unemployment_declaration_date")
  public LocalDate unemploymentDeclarationDate;

  @Column(name = "service_agreement_date")
  public LocalDate serviceAgreementDate;

  // --- Consent
  @Enumerated(EnumType.STRING)
  @Column(name = "consent_given_by", length = 20)
  public ConsentGiver consentGivenBy;

  @Column(name = "consent_date")
  public LocalDate consentDate;

  @Column(name = "consent_withdrawal_date")
  public LocalDate consentWithdrawalDate;

  // --- Case
  @Column(name = "owner_org_id", nullable = false)
  public String ownerOrgId;

  @Column(name = "registered_by_org_id", nullable = false)
  public String registeredByOrgId;

  @Column(name = "registered_at", nullable = false)
  public Instant registeredAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Column(name = "erased_at")
  public Instant erasedAt;

  @Column(name = "came_of_age_due", nullable = false)
  public boolean cameOfAgeDue;

  @Version public long version;

  protected Participant() {}

  /**
   * Registers a participant owned by {@code ownerOrgId}, from data that passed {@link
   * ParticipantRules}.
   *
   * @return the participant and {@code participant.registered}, with no personal data
   */
  public static Registration register(
      ParticipantData data, String regionCode, String ownerOrgId, Instant now, LocalDate today) {
    Participant p = new Participant();
    p.id = UUID.randomUUID();
    p.apply(data, regionCode);
    p.ownerOrgId = ownerOrgId;
    p.registeredByOrgId = ownerOrgId;
    p.registeredAt = now.truncatedTo(ChronoUnit.MICROS);
    p.updatedAt = p.registeredAt;
    p.cameOfAgeDue = ParticipantRules.minorOn(p.birthDate, today);
    ParticipantRegistered event =
        new ParticipantRegistered(
            p.id,
            p.regionCode,
            p.provinceCode,
            p.nationality,
            p.enteredAsUnaccompaniedMinor,
            p.ownerOrgId,
            today,
            name(p.employmentStatus),
            p.consentGiven(),
            ParticipantRules.minorOn(p.birthDate, today));
    return new Registration(p, event);
  }

  /** A new participant and the event its registration causes. */
  public record Registration(Participant participant, ParticipantRegistered event) {}

  /** What a caller may write, as it is now: the document a merge patch applies to. */
  public ParticipantData data() {
    return new ParticipantData(
        taxCode,
        givenName,
        familyName,
        sex,
        birthDate,
        birthCountry,
        nationality,
        arrivalDate,
        enteredAsUnaccompaniedMinor,
        firstReceptionDate,
        receptionType,
        permitKind == null
            ? null
            : new Permit(permitKind, permitNumber, permitExpiryDate, permitRenewalReceiptDate),
        guardianName == null
            ? null
            : new Guardian(guardianName, guardianCourt, guardianAppointmentDate),
        regionCode,
        provinceCode,
        municipalityCode,
        referenceCpi,
        yearsOfSchooling,
        italianLevel,
        languages == null ? null : Arrays.asList(languages.split(",")),
        employmentStatus,
        unemploymentDeclarationDate,
        serviceAgreementDate,
        consentGiven() ? new Consent(consentGivenBy, consentDate) : null);
  }

  /**
   * Replaces what a caller may write with {@code next} (valid, with its region resolved). A change
   * of birth date re-decides whether a came-of-age announcement is due.
   *
   * @return {@code participant.updated} naming the changed fields, or empty when nothing changed
   */
  public Optional<ParticipantUpdated> revise(ParticipantData next, Instant now, LocalDate today) {
    requireNotErased();
    List<String> changed = ChangedFields.between(data(), next);
    if (changed.isEmpty()) {
      return Optional.empty();
    }
    boolean birthChanged = !next.birthDate().equals(birthDate);
    apply(next, next.residenceRegion());
    if (birthChanged) {
      cameOfAgeDue = ParticipantRules.minorOn(birthDate, today);
    }
    updatedAt = now;
    return Optional.of(
        new ParticipantUpdated(
            id,
            changed,
            regionCode,
            provinceCode,
            nationality,
            enteredAsUnaccompaniedMinor,
            name(employmentStatus),
            consentGiven(),
            ParticipantRules.minorOn(birthDate, today)));
  }

  /**
   * Withdraws the consent in force, as of {@code on} (not before it was given).
   *
   * @return {@code participant.consent-withdrawn}
   * @throws ProblemException 409 when no consent is in force
   */
  public ParticipantConsentWithdrawn withdrawConsent(LocalDate on, Instant now) {
    requireNotErased();
    if (!consentGiven()) {
      throw ProblemException.conflict(
          "no-consent", "No consent in force", "The participant has no consent to withdraw");
    }
    if (on.isBefore(consentDate)) {
      throw ProblemException.invalid("date", "is before the consent was given");
    }
    consentWithdrawalDate = on;
    updatedAt = now;
    return new ParticipantConsentWithdrawn(id, on);
  }

  /**
   * Notes that a participant registered as a minor is 18 on {@code today}: the guardianship ends,
   * so the guardian is removed (the history keeps that it was), and no further announcement is due.
   * A consent the guardian gave and nobody withdrew stays in force as the participant's own from
   * the 18th birthday (EDPB guidelines 05/2020 on consent, 7.1.4): from then on only the
   * participant may withdraw it.
   *
   * @return {@code participant.came-of-age}, or empty when not due (already announced, or still a
   *     minor)
   */
  public Optional<ParticipantCameOfAge> comeOfAge(LocalDate today, Instant now) {
    if (!cameOfAgeDue || erasedAt != null || ParticipantRules.minorOn(birthDate, today)) {
      return Optional.empty();
    }
    cameOfAgeDue = false;
    guardianName = null;
    guardianCourt = null;
    guardianAppointmentDate = null;
    if (consentGiven() && consentGivenBy == ConsentGiver.GUARDIAN) {
      consentGivenBy = ConsentGiver.PARTICIPANT;
      consentDate = birthDate.plusYears(ParticipantRules.ADULT_AGE);
    }
    updatedAt = now;
    return Optional.of(new ParticipantCameOfAge(id));
  }

  /**
   * Moves the case to {@code toOrgId}.
   *
   * @return {@code participant.ownership-transferred}
   * @throws ProblemException 400 when that organisation already owns it
   */
  public ParticipantOwnershipTransferred transferTo(String toOrgId, Instant now) {
    requireNotErased();
    if (toOrgId.equals(ownerOrgId)) {
      throw ProblemException.invalid("toOrgId", "already owns the participant");
    }
    String from = ownerOrgId;
    ownerOrgId = toOrgId;
    updatedAt = now;
    return new ParticipantOwnershipTransferred(id, from, toOrgId);
  }

  /**
   * Erases the personal data: identity, tax code, arrival and reception, permit, guardian,
   * municipality, schooling and languages. Keeps the id and the non-identifying facts financial
   * audit needs: nationality, entry as an unaccompanied minor, region and province, CPI, employment
   * status, DID and service agreement dates, consent record, ownership and timestamps.
   *
   * @return {@code participant.erased}, or empty when already erased
   */
  public Optional<ParticipantErased> erase(Instant now, LocalDate today) {
    if (erasedAt != null) {
      return Optional.empty();
    }
    taxCode = null;
    givenName = null;
    familyName = null;
    sex = null;
    birthDate = null;
    birthCountry = null;
    arrivalDate = null;
    firstReceptionDate = null;
    receptionType = null;
    permitKind = null;
    permitNumber = null;
    permitExpiryDate = null;
    permitRenewalReceiptDate = null;
    guardianName = null;
    guardianCourt = null;
    guardianAppointmentDate = null;
    municipalityCode = null;
    yearsOfSchooling = null;
    italianLevel = null;
    languages = null;
    cameOfAgeDue = false;
    erasedAt = now;
    updatedAt = now;
    return Optional.of(new ParticipantErased(id, today));
  }

  public boolean consentGiven() {
    return consentDate != null && consentWithdrawalDate == null;
  }

  public boolean minorOn(LocalDate date) {
    return ParticipantRules.minorOn(birthDate, date);
  }

  public boolean erased() {
    return erasedAt != null;
  }

  /** The strong entity tag of this version, as sent in {@code ETag}. */
  public String etag() {
    return Preconditions.etag(version);
  }

  /**
   * @throws ProblemException 409 once erased: the record can no longer change
   */
  public void requireNotErased() {
    if (erasedAt != null) {
      throw ProblemException.conflict(
          "participant-erased",
          "Participant erased",
          "The participant's personal data were erased; the record can no longer change");
    }
  }

  private void apply(ParticipantData d, String region) {
    taxCode = d.taxCode();
    givenName = d.givenName();
    familyName = d.familyName();
    sex = d.sex();
    birthDate = d.birthDate();
    birthCountry = d.birthCountry();
    nationality = d.nationality();
    arrivalDate = d.arrivalDate();
    enteredAsUnaccompaniedMinor = d.enteredAsUnaccompaniedMinor();
    firstReceptionDate = d.firstReceptionDate();
    receptionType = d.receptionType();
    Permit permit = d.permit();
    permitKind = permit == null ? null : permit.kind();
    permitNumber = permit == null ? null : permit.number();
    permitExpiryDate = permit == null ? null : permit.expiryDate();
    permitRenewalReceiptDate = permit == null ? null : permit.renewalReceiptDate();
    Guardian guardian = d.guardian();
    guardianName = guardian == null ? null : guardian.name();
    guardianCourt = guardian == null ? null : guardian.appointingCourt();
    guardianAppointmentDate = guardian == null ? null : guardian.appointmentDate();
    regionCode = region;
    provinceCode = d.residenceProvince();
    municipalityCode = d.residenceMunicipality();
    referenceCpi = d.referenceCpi();
    yearsOfSchooling = d.yearsOfSchooling();
    italianLevel = d.italianLevel();
    languages = d.languages() == null ? null : String.join(",", d.languages());
    employmentStatus = d.employmentStatus();
    unemploymentDeclarationDate = d.unemploymentDeclarationDate();
    serviceAgreementDate = d.serviceAgreementDate();
    // Consent leaves only through a withdrawal; a consent in the data (re)gives it.
    if (d.consent() != null) {
      consentGivenBy = d.consent().givenBy();
      consentDate = d.consent().date();
      consentWithdrawalDate = null;
    }
  }

  private static String name(Enum<?> e) {
    return e == null ? null : e.name();
  }
}
