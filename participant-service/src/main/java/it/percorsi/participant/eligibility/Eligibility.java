package it.percorsi.participant.eligibility;

import it.percorsi.participant.eligibility.EligibilityResult.CriterionResult;
import it.percorsi.participant.participant.Codes.EmploymentStatus;
import it.percorsi.participant.participant.Participant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates a programme's criteria on the facts only this service holds (birth date, permit,
 * documents, consent). Fails closed: a fact not on record does not satisfy a criterion.
 */
public final class Eligibility {

  private Eligibility() {}

  public static EligibilityResult evaluate(Participant p, EligibilityCriteria c) {
    LocalDate at = c.at();
    List<CriterionResult> results = new ArrayList<>();
    if (c.minimumAge() != null) {
      results.add(minimumAge(p, c.minimumAge(), at));
    }
    if (c.maximumAge() != null) {
      results.add(maximumAge(p, c.maximumAge(), at));
    }
    if (Boolean.TRUE.equals(c.enteredAsUnaccompaniedMinor())) {
      results.add(
          p.enteredAsUnaccompaniedMinor
              ? ok("enteredAsUnaccompaniedMinor", "entered Italy as an unaccompanied minor")
              : no("enteredAsUnaccompaniedMinor", "did not enter Italy as an unaccompanied minor"));
    }
    if (Boolean.TRUE.equals(c.unemployed())) {
      results.add(unemployed(p.employmentStatus));
    }
    if (Boolean.TRUE.equals(c.validPermit())) {
      results.add(permit(p, at));
    }
    if (Boolean.TRUE.equals(c.unemploymentDeclarationAndServiceAgreement())) {
      results.add(documents(p, at));
    }
    if (Boolean.TRUE.equals(c.consent())) {
      results.add(consent(p));
    }
    boolean eligible = results.stream().allMatch(CriterionResult::satisfied);
    return new EligibilityResult(p.id, at, eligible, List.copyOf(results));
  }

  private static CriterionResult minimumAge(Participant p, int min, LocalDate at) {
    String name = "minimumAge";
    if (p.birthDate == null) {
      return no(name, "birth date not on record");
    }
    return age(p, at) >= min
        ? ok(name, "is at least " + min + " on " + at)
        : no(name, "is younger than " + min + " on " + at);
  }

  private static CriterionResult maximumAge(Participant p, int max, LocalDate at) {
    String name = "maximumAge";
    if (p.birthDate == null) {
      return no(name, "birth date not on record");
    }
    return age(p, at) <= max
        ? ok(name, "is at most " + max + " on " + at)
        : no(name, "is older than " + max + " on " + at);
  }

  private static int age(Participant p, LocalDate at) {
    return Period.between(p.birthDate, at).getYears();
  }

  private static CriterionResult unemployed(EmploymentStatus status) {
    String name = "unemployed";
    if (status == null) {
      return no(name, "employment status not on record");
    }
    return switch (status) {
      case UNEMPLOYED -> ok(name, "is unemployed");
      case NEVER_EMPLOYED -> ok(name, "has never been employed");
      case EMPLOYED -> no(name, "is employed");
    };
  }

  private static CriterionResult permit(Participant p, LocalDate at) {
    String name = "validPermit";
    if (p.permitKind == null) {
      return no(name, "no residence permit on record");
    }
    if (p.permitExpiryDate != null && !p.permitExpiryDate.isBefore(at)) {
      return ok(name, "permit valid on " + at);
    }
    if (p.permitRenewalReceiptDate != null && !p.permitRenewalReceiptDate.isAfter(at)) {
      return ok(name, "renewal of the permit requested (receipt on record)");
    }
    return no(name, "permit not valid on " + at + " and no renewal requested");
  }

  private static CriterionResult documents(Participant p, LocalDate at) {
    String name = "unemploymentDeclarationAndServiceAgreement";
    if (p.unemploymentDeclarationDate == null) {
      return no(name, "no unemployment declaration (DID) on record");
    }
    if (p.serviceAgreementDate == null) {
      return no(name, "no service agreement on record");
    }
    if (p.unemploymentDeclarationDate.isAfter(at) || p.serviceAgreementDate.isAfter(at)) {
      return no(name, "DID or service agreement dated after " + at);
    }
    return ok(name, "DID and service agreement on record");
  }

  private static CriterionResult consent(Participant p) {
    String name = "consent";
    if (p.consentGiven()) {
      return ok(name, "consent in force");
    }
    return p.consentWithdrawalDate != null
        ? no(name, "consent withdrawn")
        : no(name, "no consent on record");
  }

  private static CriterionResult ok(String criterion, String reason) {
    return new CriterionResult(criterion, true, reason);
  }

  private static CriterionResult no(String criterion, String reason) {
    return new CriterionResult(criterion, false, reason);
  }
}
