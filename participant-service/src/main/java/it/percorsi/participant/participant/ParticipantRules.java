package it.percorsi.participant.participant;

import it.percorsi.participant.participant.Codes.ConsentGiver;
import it.percorsi.participant.participant.ParticipantData.Consent;
import it.percorsi.participant.participant.ParticipantData.Guardian;
import it.percorsi.participant.participant.ParticipantData.Permit;
import it.percorsi.participant.reference.CodeLists;
import it.percorsi.participant.reference.Territories;
import it.percorsi.platform.codes.TaxCodes;
import it.percorsi.platform.problem.Problem.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * The rules a participant record obeys beyond the shape of each field: codes that must exist,
 * fields that must agree with each other and with today's date. Each broken rule is one field
 * error; messages never repeat the value, which may be personal data.
 */
@ApplicationScoped
public class ParticipantRules {

  static final int ADULT_AGE = 18;
  private static final String FUTURE = "must not be in the future";
  private static final String BEFORE_BIRTH = "is before the birth date";
  private static final String BEFORE_ARRIVAL = "is before the arrival date";

  private final Territories territories;

  public ParticipantRules(Territories territories) {
    this.territories = territories;
  }

  /**
   * Whether someone born on {@code birthDate} is under 18 on {@code date}, in completed years (born
   * on 29 February: 18 on 1 March of a common year), the same cut the daily job queries with.
   */
  public static boolean minorOn(LocalDate birthDate, LocalDate date) {
    return birthDate != null && birthDate.isAfter(date.minusYears(ADULT_AGE));
  }

  /**
   * The broken rules of {@code d} (already shape-checked and normalised) as of {@code today}.
   *
   * @return field errors, empty when every rule holds
   */
  public List<FieldError> check(ParticipantData d, LocalDate today) {
    List<FieldError> errors = new ArrayList<>();
    identity(d, today, errors);
    arrival(d, today, errors);
    permit(d.permit(), today, errors);
    guardian(d, today, errors);
    residence(d, errors);
    languages(d.languages(), errors);
    work(d, today, errors);
    consent(d, today, errors);
    return errors;
  }

  private static void identity(ParticipantData d, LocalDate today, List<FieldError> errors) {
    String taxProblem = TaxCodes.problem(d.taxCode());
    if (taxProblem == null) {
      taxProblem = TaxCodes.birthMismatch(d.taxCode(), d.birthDate(), d.sex());
    }
    add(errors, "taxCode", taxProblem);
    if (d.birthDate().isAfter(today)) {
      add(errors, "birthDate", FUTURE);
    }
    if (d.birthCountry() != null && !CodeLists.isCountry(d.birthCountry())) {
      add(errors, "birthCountry", "is not an ISO 3166-1 alpha-3 country code");
    }
    if (!CodeLists.isNationality(d.nationality())) {
      add(
          errors,
          "nationality",
          "is not an ISO 3166-1 alpha-3 country code, nor " + CodeLists.STATELESS + " (stateless)");
    }
  }

  private static void arrival(ParticipantData d, LocalDate today, List<FieldError> errors) {
    LocalDate arrival = d.arrivalDate();
    if (arrival.isBefore(d.birthDate())) {
      add(errors, "arrivalDate", BEFORE_BIRTH);
    }
    if (arrival.isAfter(today)) {
      add(errors, "arrivalDate", FUTURE);
    }
    if (Boolean.TRUE.equals(d.enteredAsUnaccompaniedMinor()) && !minorOn(d.birthDate(), arrival)) {
      add(
          errors,
          "enteredAsUnaccompaniedMinor",
          "an unaccompanied minor arrives before turning 18, and the arrival date is later");
    }
    LocalDate reception = d.firstReceptionDate();
    if (reception != null) {
      if (reception.isBefore(arrival)) {
        add(errors, "firstReceptionDate", BEFORE_ARRIVAL);
      }
      if (reception.isAfter(today)) {
        add(errors, "firstReceptionDate", FUTURE);
      }
      if (d.receptionType() == null) {
        add(errors, "receptionType", "is required with a first reception date");
      }
    }
  }

  private static void permit(Permit permit, LocalDate today, List<FieldError> errors) {
    if (permit == null) {
      return;
    }
    if (permit.expiryDate() == null && permit.renewalReceiptDate() == null) {
      add(errors, "permit.expiryDate", "is required unless a renewal receipt date is given");
    }
    if (permit.renewalReceiptDate() != null && permit.renewalReceiptDate().isAfter(today)) {
      add(errors, "permit.renewalReceiptDate", FUTURE);
    }
  }

  private static void guardian(ParticipantData d, LocalDate today, List<FieldError> errors) {
    Guardian guardian = d.guardian();
    boolean minor = minorOn(d.birthDate(), today);
    if (minor && guardian == null) {
      add(errors, "guardian", "is required while the participant is under 18");
    }
    if (!minor && guardian != null) {
      add(errors, "guardian", "is not accepted for an adult participant");
    }
    if (guardian == null) {
      return;
    }
    LocalDate appointed = guardian.appointmentDate();
    if (appointed.isAfter(today)) {
      add(errors, "guardian.appointmentDate", FUTURE);
    }
    if (appointed.isBefore(d.arrivalDate())) {
      add(errors, "guardian.appointmentDate", BEFORE_ARRIVAL);
    }
  }

  private void residence(ParticipantData d, List<FieldError> errors) {
    Optional<Territories.Province> province = territories.province(d.residenceProvince());
    if (province.isEmpty()) {
      add(errors, "residenceProvince", "is not an ISTAT province code");
    }
    String region = d.residenceRegion();
    if (region != null && !territories.regionExists(region)) {
      add(errors, "residenceRegion", "is not an ISTAT region code");
    } else if (region != null
        && province.isPresent()
        && !province.get().regionCode().equals(region)) {
      add(errors, "residenceProvince", "does not belong to the region " + region);
    }
    String municipality = d.residenceMunicipality();
    if (municipality == null) {
      return;
    }
    Optional<Territories.Municipality> m = territories.municipality(municipality);
    if (m.isEmpty()) {
      add(errors, "residenceMunicipality", "is not an ISTAT municipality code");
    } else if (province.isPresent() && !m.get().provinceCode().equals(d.residenceProvince())) {
      add(
          errors,
          "residenceMunicipality",
          "does not belong to the province " + d.residenceProvince());
    }
  }

  private static void languages(List<String> languages, List<FieldError> errors) {
    if (languages == null) {
      return;
    }
    for (int i = 0; i < languages.size(); i++) {
      if (languages.get(i) == null || !CodeLists.isLanguage(languages.get(i))) {
        add(errors, "languages[" + i + "]", "is not an ISO 639 language code");
      }
    }
    if (new HashSet<>(languages).size() != languages.size()) {
      add(errors, "languages", "lists a language more than once");
    }
  }

  private static void work(ParticipantData d, LocalDate today, List<FieldError> errors) {
    LocalDate did = d.unemploymentDeclarationDate();
    LocalDate agreement = d.serviceAgreementDate();
    if (did != null) {
      if (did.isAfter(today)) {
        add(errors, "unemploymentDeclarationDate", FUTURE);
      }
      if (did.isBefore(d.arrivalDate())) {
        add(errors, "unemploymentDeclarationDate", BEFORE_ARRIVAL);
      }
    }
    if (agreement == null) {
      return;
    }
    if (agreement.isAfter(today)) {
      add(errors, "serviceAgreementDate", FUTURE);
    }
    if (did == null) {
      add(errors, "serviceAgreementDate", "needs the unemployment declaration (DID) first");
    } else if (agreement.isBefore(did)) {
      add(errors, "serviceAgreementDate", "is before the unemployment declaration date");
    }
  }

  private static void consent(ParticipantData d, LocalDate today, List<FieldError> errors) {
    Consent consent = d.consent();
    if (consent == null) {
      return;
    }
    if (consent.date().isAfter(today)) {
      add(errors, "consent.date", FUTURE);
    }
    if (consent.date().isBefore(d.birthDate())) {
      add(errors, "consent.date", BEFORE_BIRTH);
    }
    boolean minorThen = minorOn(d.birthDate(), consent.date());
    if (consent.givenBy() == ConsentGiver.GUARDIAN && !minorThen) {
      add(errors, "consent.givenBy", "the guardian consents only while the participant is a minor");
    }
    if (consent.givenBy() == ConsentGiver.PARTICIPANT && minorThen) {
      add(errors, "consent.givenBy", "a minor's consent is given by the guardian");
    }
  }

  private static void add(List<FieldError> errors, String field, String message) {
    if (message != null) {
      errors.add(new FieldError(field, message));
    }
  }
}
