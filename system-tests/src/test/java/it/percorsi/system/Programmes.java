package it.percorsi.system;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Bodies of programmes the system tests publish for themselves: one region, usual terms. */
final class Programmes {

  static final String SICILY = "19";

  private Programmes() {}

  /** A fresh programme code with this prefix. */
  static String code(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
  }

  /**
   * A programme open from {@code opens} for six months, for young people of 16 up to {@code
   * maxAgeExclusive} who meet every criterion, with {@code places} places in {@code region}: six
   * months of internship at 500 € a month (70 % attendance), 600 € to the host, 2,840 € of promoter
   * services. Callers change what their case needs.
   */
  static Map<String, Object> body(
      String code, String title, LocalDate opens, int maxAgeExclusive, String region, int places) {
    Map<String, Object> criteria = new LinkedHashMap<>();
    criteria.put("minAge", 16);
    criteria.put("maxAgeExclusive", maxAgeExclusive);
    criteria.put("enteredAsUnaccompaniedMinor", true);
    criteria.put("unemployed", true);
    criteria.put("validPermit", true);
    criteria.put("didAndServiceAgreement", true);
    criteria.put("consent", true);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", code);
    body.put("title", title);
    body.put("applicationOpens", opens.toString());
    body.put("applicationCloses", opens.plusMonths(6).toString());
    body.put("criteria", criteria);
    body.put("internshipMonths", 6);
    body.put("maxExtensionMonths", 0);
    body.put("monthlyAllowanceCents", 50_000);
    body.put("attendanceThresholdPercent", 70);
    body.put("hostContributionCents", 60_000);
    body.put("promoterServicesCents", 284_000);
    body.put("totalDotes", places);
    body.put("quotas", List.of(Map.of("regionCode", region, "places", places)));
    body.put("clearanceToStartDays", 60);
    return body;
  }
}
