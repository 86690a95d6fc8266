package it.percorsi.placement;

import it.percorsi.platform.codes.TaxCodes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Small builders for test bodies. */
public final class Fixtures {

  private Fixtures() {}

  /** A valid partita IVA, different each call. */
  public static String partitaIva() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      sb.append(ThreadLocalRandom.current().nextInt(10));
    }
    return sb.append(TaxCodes.numericCheckDigit(sb.toString())).toString();
  }

  /**
   * A host with {@code employees} employees at a site in Messina, seen by host users of HOST-ACME.
   */
  public static Map<String, Object> employer(int employees) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("taxCode", partitaIva());
    m.put("name", "Acme Meccanica S.r.l.");
    m.put("legalForm", "SRL");
    m.put("nonProfit", false);
    m.put("atecoCode", "25.62.00");
    m.put("siteMunicipality", "083048");
    m.put("employees", employees);
    m.put("tutors", List.of(Map.of("fullName", "Giulia Verdi", "email", "giulia@acme.example")));
    m.put("hostOrgId", "HOST-ACME");
    return m;
  }

  public static Map<String, Object> employer() {
    return employer(12);
  }

  /** A start at {@code employerId} for {@code doteId} on {@code start}, 25 hours a week. */
  public static Map<String, Object> start(Object doteId, String employerId, String start) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("doteId", doteId.toString());
    m.put("employerId", employerId);
    m.put("startDate", start);
    m.put("weeklyHours", 25);
    m.put("companyTutor", "Giulia Verdi");
    m.put("promoterTutor", "Marco Neri");
    m.put("tasks", "Assembly of mechanical parts under supervision");
    return m;
  }

  /** Starts an internship as promoter-a; returns its id. */
  public static String startInternship(Object doteId, String employerId, String start) {
    return Api.post("promoter-a", "/internships", start(doteId, employerId, start))
        .statusCode(201)
        .extract()
        .path("id");
  }

  /** Registers a host as promoter-a; returns its id. */
  public static String registerEmployer(Map<String, Object> body) {
    return Api.post("promoter-a", "/employers", body).statusCode(201).extract().path("id");
  }
}
