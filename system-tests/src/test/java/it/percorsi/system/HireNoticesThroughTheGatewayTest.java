package it.percorsi.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import it.percorsi.testkit.Events;
import it.percorsi.testkit.Registrations;
import it.percorsi.testkit.Tokens;
import it.percorsi.testkit.UnilavNotices;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The UNILAV import through the gateway, on the packaged platform: 2,000 generated notices in a
 * zip, about a hundred of them about participants registered here (hires, extensions,
 * transformations, corrections, cancellations, ends, internship notices), two invalid. Exactly the
 * expected hires; a second upload changes nothing; the follow-ups of the two former interns fill
 * themselves from the notified hires as the business clock reaches them; and no worker's tax code
 * is on the bus nor in any text column of placement-service's database.
 *
 * <p>Moves the business clock a year forward: runs after the tests that read the wall-clock date or
 * apply to the example programmes (open until the end of 2027), before the whole-case story (which
 * publishes its own programme).
 */
@Order(Integer.MAX_VALUE - 1)
class HireNoticesThroughTheGatewayTest {

  private static final Pattern TOKEN =
      Pattern.compile("(?<![A-Za-z0-9])[A-Z0-9]{11,16}(?![A-Za-z0-9])");
  private static Stack stack;

  @BeforeAll
  static void platform() {
    stack = Stack.get();
  }

  private static RequestSpecification as(String principal) {
    return given().baseUri(stack.gateway()).auth().oauth2(Tokens.of(principal));
  }

  private static LocalDate today() {
    return LocalDate.parse(
        as("agency-admin")
            .get("/api/sandbox/clock")
            .then()
            .statusCode(200)
            .extract()
            .path("today"));
  }

  /** A registered participant: id and tax code; with its internship when it had one. */
  record Registered(String id, String taxCode, String internship) {}

  private static Registered register(LocalDate today) {
    Map<String, Object> body = Registrations.eligible("083", today);
    String id =
        as("promoter-a")
            .contentType("application/json")
            .body(body)
            .post("/api/participants")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    return new Registered(id, (String) body.get("taxCode"), null);
  }

  /** A participant whose internship started and was interrupted today (hired by the host). */
  private static Registered formerIntern(LocalDate today, String employer) {
    Registered p = register(today);
    Map<String, Object> application =
        Map.of(
            "programme",
            "EXAMPLE-PERCORSI-4-SUD",
            "participantId",
            p.id(),
            "plannedInternshipStart",
            today.plusDays(1).toString());
    String dote =
        Awaitility.await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    as("promoter-a")
                        .contentType("application/json")
                        .body(application)
                        .post("/api/dotes")
                        .then()
                        .extract(),
                r -> r.statusCode() == 201)
            .path("id");
    String plan = UUID.randomUUID().toString();
    Events.publish(
        "percorsi.plans.v1",
        plan,
        Events.cloudEvent(UUID.randomUUID().toString(), "it.percorsi.plan.approved.v1", plan),
        "{\"planId\":\"%s\",\"doteId\":\"%s\",\"approvedOn\":\"%s\"}".formatted(plan, dote, today));
    Map<String, Object> start = new LinkedHashMap<>();
    start.put("doteId", dote);
    start.put("employerId", employer);
    start.put("startDate", today.toString());
    start.put("weeklyHours", 25);
    start.put("companyTutor", Hosts.COMPANY_TUTOR);
    start.put("promoterTutor", "Marco Neri");
    start.put("tasks", "Assembly of mechanical parts under supervision");
    String internship =
        Awaitility.await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    as("promoter-a")
                        .contentType("application/json")
                        .body(start)
                        .post("/api/internships")
                        .then()
                        .extract(),
                r -> r.statusCode() == 201)
            .path("id");
    as("promoter-a")
        .contentType("application/json")
        .body(Map.of("reason", "HIRED_BY_HOST", "lastDay", today.toString()))
        .post("/api/internships/" + internship + "/interruption")
        .then()
        .statusCode(200);
    return new Registered(p.id(), p.taxCode(), internship);
  }

  private static JsonPath upload(byte[] zip) {
    String location =
        as("agency-admin")
            .config(
                RestAssured.config()
                    .encoderConfig(
                        EncoderConfig.encoderConfig()
                            .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
            .contentType("application/zip")
            .body(zip)
            .post("/api/hires/notices")
            .then()
            .statusCode(202)
            .extract()
            .header("Location");
    String path = location.substring(location.indexOf("/api/hires/notices/"));
    return Awaitility.await()
        .atMost(Duration.ofSeconds(180))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> as("agency-admin").get(path).then().statusCode(200).extract().jsonPath(),
            j -> List.of("COMPLETED", "FAILED").contains(j.getString("status")));
  }

  private static List<Map<String, Object>> hiresOf(String participant) {
    return as("agency-admin")
        .get("/api/hires?participantId=" + participant + "&limit=50")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("items");
  }

  private static UnilavNotices.ExpectedHire expected(Map<String, Object> h) {
    return new UnilavNotices.ExpectedHire(
        (String) h.get("contractType"),
        LocalDate.parse((String) h.get("startDate")),
        h.get("endDate") == null ? null : LocalDate.parse((String) h.get("endDate")),
        (Integer) h.get("weeklyHours"),
        (String) h.get("noticeCode"));
  }

  @Test
  void twoThousandNoticesBecomeExactlyTheExpectedHiresAndFollowUpsOnceWithoutATaxCodeKept()
      throws Exception {
    LocalDate today = today();
    String employer = Hosts.officinePeloritane(stack.gateway(), Registrations.provisionalTaxCode());
    List<Registered> registered = new ArrayList<>();
    List<UnilavNotices.Participant> scripted = new ArrayList<>();
    for (int i = 0; i < 45; i++) {
      Registered p = register(today);
      registered.add(p);
      scripted.add(UnilavNotices.Participant.of(p.taxCode()));
    }
    for (int i = 0; i < 2; i++) {
      Registered p = formerIntern(today, employer);
      registered.add(p);
      scripted.add(new UnilavNotices.Participant(p.taxCode(), today, today));
    }
    awaitKnownToPlacement(registered);
    UnilavNotices.Scenario s = UnilavNotices.scenario(2026, 2000, today.plusDays(10), scripted);
    assertThat(s.aboutParticipants()).isBetween(90, 110);

    JsonPath first = upload(s.zip());
    assertThat(first.getString("status")).isEqualTo("COMPLETED");
    assertThat(first.getInt("received")).isEqualTo(2000);
    assertThat(first.getInt("invalid")).isEqualTo(2);
    assertThat(first.getInt("aboutParticipants")).isEqualTo(s.aboutParticipants());
    assertThat(first.getInt("applied")).isEqualTo(s.aboutParticipants());
    assertThat(first.getInt("unchanged")).isZero();
    assertThat(first.getInt("droppedNonParticipants")).isEqualTo(2000 - 2 - s.aboutParticipants());
    assertThat(first.getList("problems.fileName", String.class)).hasSize(2);

    List<List<Map<String, Object>>> hires = new ArrayList<>();
    for (Registered p : registered) {
      List<Map<String, Object>> of = hiresOf(p.id());
      hires.add(of);
      assertThat(of)
          .as("hires of %s", p.id())
          .extracting(HireNoticesThroughTheGatewayTest::expected)
          .containsExactlyInAnyOrderElementsOf(s.hires().get(p.taxCode()));
      assertThat(of).allSatisfy(h -> assertThat(h.get("source")).isEqualTo("NOTICE"));
      if (p.internship() != null) {
        assertThat(
                as("promoter-a")
                    .get("/api/internships/" + p.internship())
                    .then()
                    .statusCode(200)
                    .extract()
                    .<String>path("startNoticeCode"))
            .isEqualTo(s.internshipNotices().get(p.taxCode()));
      }
    }

    // The same zip again: nothing changes.
    JsonPath second = upload(s.zip());
    assertThat(second.getString("status")).isEqualTo("COMPLETED");
    assertThat(second.getInt("applied")).isZero();
    assertThat(second.getInt("unchanged")).isEqualTo(s.aboutParticipants());
    for (int i = 0; i < registered.size(); i++) {
      assertThat(hiresOf(registered.get(i).id())).isEqualTo(hires.get(i));
    }

    // The follow-ups of the former interns fill themselves as the business clock reaches them:
    // the one with a four-month fixed-term hire is employed at 1 and 3 months, then waits for its
    // promoter; the one made permanent is employed at every checkpoint.
    moveClockTo(today.plusMonths(12));
    Registered fixedTerm = registered.get(45);
    Registered permanent = registered.get(46);
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              assertThat(followUps(fixedTerm.internship()))
                  .containsExactly(
                      "1:RECORDED:FIXED_TERM",
                      "3:RECORDED:FIXED_TERM",
                      "6:WAITING:null",
                      "12:WAITING:null");
              assertThat(followUps(permanent.internship()))
                  .containsExactly(
                      "1:RECORDED:PERMANENT",
                      "3:RECORDED:PERMANENT",
                      "6:RECORDED:PERMANENT",
                      "12:RECORDED:PERMANENT");
            });

    // No worker's tax code on the bus, nor in any text column of placement-service's database.
    Set<String> workers = s.workerTaxCodes();
    for (String topic : Stack.TOPICS) {
      for (Events.Read r : Events.readUntil(topic, rs -> false, Duration.ofSeconds(3))) {
        assertThat(taxCodesIn(r.key() + " " + r.headers() + " " + r.value(), workers))
            .as("tax codes in an event on %s", topic)
            .isEmpty();
      }
    }
    try (Connection db = stack.connect(stack.service("placement-service").database());
        Statement st = db.createStatement()) {
      List<String[]> columns = new ArrayList<>();
      try (ResultSet rs =
          st.executeQuery(
              "SELECT table_name, column_name FROM information_schema.columns"
                  + " WHERE table_schema = 'public' AND data_type IN ('character varying',"
                  + " 'character', 'text', 'json', 'jsonb', 'bytea')")) {
        while (rs.next()) {
          columns.add(new String[] {rs.getString(1), rs.getString(2)});
        }
      }
      assertThat(columns).isNotEmpty();
      for (String[] c : columns) {
        try (ResultSet rs =
            st.executeQuery(
                "SELECT \""
                    + c[1]
                    + "\"::text FROM \""
                    + c[0]
                    + "\" WHERE \""
                    + c[1]
                    + "\" IS NOT NULL")) {
          while (rs.next()) {
            assertThat(taxCodesIn(rs.getString(1), workers))
                .as("tax codes in %s.%s", c[0], c[1])
                .isEmpty();
          }
        }
      }
    }
  }

  /** placement-service has the participants from participant-service's events. */
  private static void awaitKnownToPlacement(List<Registered> registered) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              try (Connection db = stack.connect(stack.service("placement-service").database());
                  Statement st = db.createStatement();
                  ResultSet rs =
                      st.executeQuery(
                          "SELECT count(*) FROM participant_projection WHERE participant_id IN ("
                              + String.join(
                                  ",", registered.stream().map(p -> "'" + p.id() + "'").toList())
                              + ")")) {
                rs.next();
                return rs.getInt(1) == registered.size();
              }
            });
  }

  private static List<String> taxCodesIn(String text, Set<String> workers) {
    List<String> found = new ArrayList<>();
    Matcher m = TOKEN.matcher(text == null ? "" : text);
    while (m.find()) {
      if (workers.contains(m.group())) {
        found.add(m.group());
      }
    }
    return found;
  }

  private static List<String> followUps(String internship) {
    List<Map<String, Object>> all =
        as("promoter-a")
            .get("/api/internships/" + internship + "/follow-ups")
            .then()
            .statusCode(200)
            .extract()
            .path("$");
    return all.stream()
        .map(f -> f.get("months") + ":" + f.get("status") + ":" + f.get("contractFamily"))
        .toList();
  }

  /** The agency moves the business date; when the answer is 200 every service has applied it. */
  private static void moveClockTo(LocalDate day) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                as("agency-admin")
                    .contentType("application/json")
                    .body(Map.of("today", day.toString()))
                    .put("/api/sandbox/clock")
                    .then()
                    .extract()
                    .statusCode(),
            status -> status == 200);
  }
}
