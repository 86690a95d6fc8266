package it.percorsi.dote.support;

import static io.restassured.RestAssured.given;

import io.quarkus.narayana.jta.QuarkusTransaction;
import it.percorsi.platform.projection.participant.ParticipantProjection;
import it.percorsi.testkit.TestClock;
import it.percorsi.testkit.Tokens;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Builders: programmes through the API, participants as projected facts. */
public final class DoteFixtures {

  private static final AtomicInteger SEQ = new AtomicInteger();

  private DoteFixtures() {}

  /** Today in Europe/Rome, as the service under test sees it (before any test moves its clock). */
  public static LocalDate today() {
    return LocalDate.now(TestClock.ROME);
  }

  /** A programme request open today, with the given regional quotas and optional cap. */
  public static Map<String, Object> programme(Map<String, Integer> quotas, Integer promoterCap) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("code", "TEST-" + System.nanoTime() % 1_000_000_000 + "-" + SEQ.incrementAndGet());
    p.put("title", "Test programme");
    p.put("applicationOpens", DoteFixtures.today().minusDays(30).toString());
    p.put("applicationCloses", DoteFixtures.today().plusYears(2).toString());
    p.put(
        "criteria",
        Map.of(
            "minAge", 16,
            "maxAgeExclusive", 24,
            "enteredAsUnaccompaniedMinor", true,
            "unemployed", true,
            "validPermit", true,
            "didAndServiceAgreement", true,
            "consent", true));
    p.put("internshipMonths", 6);
    p.put("maxExtensionMonths", 6);
    p.put("monthlyAllowanceCents", 50000);
    p.put("attendanceThresholdPercent", 70);
    p.put("hostContributionCents", 60000);
    p.put("promoterServicesCents", 284000);
    p.put("totalDotes", quotas.values().stream().mapToInt(Integer::intValue).sum());
    List<Map<String, Object>> q = new ArrayList<>();
    quotas.forEach((region, places) -> q.add(Map.of("regionCode", region, "places", places)));
    p.put("quotas", q);
    if (promoterCap != null) {
      p.put("promoterCap", promoterCap);
    }
    p.put("clearanceToStartDays", 60);
    return p;
  }

  /** Creates and publishes a programme as the agency; returns its code. */
  public static String published(Map<String, Object> programme) {
    String code = (String) programme.get("code");
    given()
        .auth()
        .oauth2(Tokens.of("agency-admin"))
        .contentType("application/json")
        .body(programme)
        .when()
        .post("/programmes")
        .then()
        .statusCode(201);
    given()
        .auth()
        .oauth2(Tokens.of("agency-admin"))
        .when()
        .post("/programmes/" + code + "/publication")
        .then()
        .statusCode(200);
    return code;
  }

  /** A participant known to dote-service (as the projection would hold it). */
  public static UUID participant(String regionCode, String provinceCode, String ownerOrg) {
    UUID id = UUID.randomUUID();
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              ParticipantProjection p = new ParticipantProjection();
              p.participantId = id;
              p.regionCode = regionCode;
              p.provinceCode = provinceCode;
              p.nationality = "GIN";
              p.enteredAsUnaccompaniedMinor = true;
              p.ownerOrgId = ownerOrg;
              p.registeredOn = DoteFixtures.today();
              p.lastEventId = UUID.randomUUID().toString();
              p.lastEventAt = Instant.now();
              p.persist();
            });
    return id;
  }

  /** {@code principal} applies for a dote for {@code participant}; the response to assert on. */
  public static io.restassured.response.ValidatableResponse apply(
      String principal, String programme, UUID participant) {
    return given()
        .auth()
        .oauth2(Tokens.of(principal))
        .contentType("application/json")
        .body(application(programme, participant))
        .when()
        .post("/dotes")
        .then();
  }

  public static Map<String, Object> application(String programme, UUID participant) {
    return Map.of(
        "programme", programme,
        "participantId", participant.toString(),
        "plannedInternshipStart", DoteFixtures.today().plusDays(20).toString());
  }
}
