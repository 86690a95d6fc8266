package it.percorsi.testkit;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Bodies of {@code POST /participants} for tests and benchmarks of every module: fresh valid
 * provisional tax codes, an adult, an eligible adult, a minor with a guardian.
 */
public final class Registrations {

  private Registrations() {}

  /** A valid 11-digit provisional tax code (check digit computed), different each call. */
  public static String provisionalTaxCode() {
    StringBuilder sb = new StringBuilder();
    int sum = 0;
    for (int i = 0; i < 10; i++) {
      int d = ThreadLocalRandom.current().nextInt(10);
      sb.append(d);
      if (i % 2 == 1) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
    }
    return sb.append((10 - sum % 10) % 10).toString();
  }

  /** The smallest valid registration: an adult resident of {@code province}. */
  public static Map<String, Object> adult(String province) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("taxCode", provisionalTaxCode());
    m.put("givenName", "Amadou");
    m.put("familyName", "Diallo");
    m.put("birthDate", "2005-03-14");
    m.put("sex", "M");
    m.put("nationality", "GIN");
    m.put("arrivalDate", "2021-06-02");
    m.put("enteredAsUnaccompaniedMinor", true);
    m.put("residenceProvince", province);
    return m;
  }

  /**
   * An adult who entered as an unaccompanied minor, unemployed, with a permit valid two years from
   * {@code today}, the unemployment declaration, the service agreement and consent.
   */
  public static Map<String, Object> eligible(String province, LocalDate today) {
    Map<String, Object> body = adult(province);
    body.put("employmentStatus", "UNEMPLOYED");
    body.put("unemploymentDeclarationDate", "2024-01-15");
    body.put("serviceAgreementDate", "2024-01-20");
    body.put(
        "permit",
        Map.of(
            "kind",
            "SPECIAL_PROTECTION",
            "number",
            "I12345678",
            "expiryDate",
            today.plusYears(2).toString()));
    body.put("consent", Map.of("givenBy", "PARTICIPANT", "date", "2024-01-20"));
    return body;
  }

  /** A minor born on {@code birth}, arrived at 15, with a guardian and the guardian's consent. */
  public static Map<String, Object> minorBornOn(LocalDate birth, String province) {
    LocalDate arrival = birth.plusYears(15);
    Map<String, Object> m = adult(province);
    m.put("birthDate", birth.toString());
    m.put("arrivalDate", arrival.toString());
    m.put("guardian", guardian(arrival.plusDays(20)));
    m.put("consent", Map.of("givenBy", "GUARDIAN", "date", arrival.plusDays(30).toString()));
    return m;
  }

  /** A guardian appointed on {@code appointed} by the juvenile court of Messina. */
  public static Map<String, Object> guardian(LocalDate appointed) {
    return Map.of(
        "name",
        "Maria Bianchi",
        "appointingCourt",
        "Tribunale per i minorenni di Messina",
        "appointmentDate",
        appointed.toString());
  }
}
