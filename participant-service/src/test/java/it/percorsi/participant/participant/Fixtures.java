package it.percorsi.participant.participant;

import it.percorsi.platform.codes.TaxCodes;
import it.percorsi.testkit.Registrations;
import it.percorsi.testkit.TestClock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Small builders for test participants, as JSON-ready maps and as request records. */
public final class Fixtures {

  private Fixtures() {}

  public static LocalDate today() {
    return LocalDate.now(TestClock.ROME);
  }

  /** A valid 11-digit provisional tax code, different each call. */
  public static String provisionalTaxCode() {
    return Registrations.provisionalTaxCode();
  }

  /** A valid 16-character tax code for someone born abroad on {@code birth}, of {@code sex}. */
  public static String definitiveTaxCode(LocalDate birth, String sex) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      sb.append((char) ('A' + ThreadLocalRandom.current().nextInt(26)));
    }
    sb.append(String.format("%02d", birth.getYear() % 100));
    sb.append("ABCDEHLMPRST".charAt(birth.getMonthValue() - 1));
    sb.append(String.format("%02d", birth.getDayOfMonth() + ("F".equals(sex) ? 40 : 0)));
    sb.append('Z').append(String.format("%03d", ThreadLocalRandom.current().nextInt(300, 400)));
    return sb.append(TaxCodes.personalCheckChar(sb.toString())).toString();
  }

  /** The smallest valid registration: an adult resident of {@code province}. */
  public static Map<String, Object> body(String province) {
    return Registrations.adult(province);
  }

  /** A 16-year-old who arrived a year ago, with the guardian a minor needs. */
  public static Map<String, Object> minor(String province) {
    return minorBornOn(today().minusYears(16), province);
  }

  /** A minor born on {@code birth}, arrived at 15 or less, with a guardian and consent. */
  public static Map<String, Object> minorBornOn(LocalDate birth, String province) {
    return Registrations.minorBornOn(birth, province);
  }

  public static Map<String, Object> guardian(LocalDate appointed) {
    return Registrations.guardian(appointed);
  }

  /** An adult with every field recorded, resident in Messina (province 083, region 19). */
  public static Map<String, Object> complete() {
    Map<String, Object> m = body("083");
    m.put("birthCountry", "GIN");
    m.put("firstReceptionDate", "2021-06-03");
    m.put("receptionType", "SAI");
    m.put(
        "permit",
        Map.of(
            "kind",
            "ASYLUM_REQUEST",
            "number",
            "I12345678",
            "expiryDate",
            today().plusYears(1).toString()));
    m.put("residenceRegion", "19");
    m.put("residenceMunicipality", "083048");
    m.put("referenceCpi", "CPI-MESSINA");
    m.put("yearsOfSchooling", 8);
    m.put("italianLevel", "A2");
    m.put("languages", List.of("fr", "bm"));
    m.put("employmentStatus", "UNEMPLOYED");
    m.put("unemploymentDeclarationDate", "2024-01-15");
    m.put("serviceAgreementDate", "2024-01-20");
    m.put("consent", Map.of("givenBy", "PARTICIPANT", "date", "2024-01-20"));
    return m;
  }

  /** A 16-year-old with every field recorded, a definitive tax code, guardian and consent. */
  public static Map<String, Object> completeMinor() {
    LocalDate birth = today().minusYears(16);
    LocalDate arrival = birth.plusYears(15);
    Map<String, Object> m = complete();
    m.putAll(minorBornOn(birth, "083"));
    m.put("taxCode", definitiveTaxCode(birth, "M"));
    m.put("firstReceptionDate", arrival.plusDays(1).toString());
    m.put("unemploymentDeclarationDate", arrival.plusDays(2).toString());
    m.put("serviceAgreementDate", arrival.plusDays(3).toString());
    return m;
  }

  /** {@link #body} as the request record, for tests that call the service directly. */
  public static ParticipantData request(String province) {
    Map<String, Object> b = body(province);
    return new ParticipantData(
        (String) b.get("taxCode"),
        "Amadou",
        "Diallo",
        "M",
        LocalDate.parse((String) b.get("birthDate")),
        null,
        "GIN",
        LocalDate.parse((String) b.get("arrivalDate")),
        true,
        null,
        null,
        null,
        null,
        null,
        province,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }
}
