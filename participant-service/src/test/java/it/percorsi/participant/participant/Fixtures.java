package it.percorsi.participant.participant;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Small builders for test participants. */
public final class Fixtures {

  private Fixtures() {}

  /** A valid 11-digit provisional tax code, different each call. */
  public static String provisionalTaxCode() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      sb.append(ThreadLocalRandom.current().nextInt(10));
    }
    int sum = 0;
    for (int i = 0; i < 10; i++) {
      int d = sb.charAt(i) - '0';
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

  public static RegisterParticipant request(String province) {
    return new RegisterParticipant(
        provisionalTaxCode(),
        "Amadou",
        "Diallo",
        LocalDate.of(2005, 3, 14),
        "M",
        "GIN",
        LocalDate.of(2021, 6, 2),
        true,
        province);
  }

  /** The same request as a JSON-ready map, to send fields the record does not allow. */
  public static Map<String, Object> body(String province) {
    RegisterParticipant r = request(province);
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("taxCode", r.taxCode());
    m.put("givenName", r.givenName());
    m.put("familyName", r.familyName());
    m.put("birthDate", r.birthDate().toString());
    m.put("sex", r.sex());
    m.put("nationality", r.nationality());
    m.put("arrivalDate", r.arrivalDate().toString());
    m.put("enteredAsUnaccompaniedMinor", r.enteredAsUnaccompaniedMinor());
    m.put("residenceProvince", r.residenceProvince());
    return m;
  }
}
