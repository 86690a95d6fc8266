package it.percorsi.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import it.percorsi.testkit.Events;
import it.percorsi.testkit.Registrations;
import it.percorsi.testkit.Tokens;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.awaitility.core.ThrowingRunnable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * One whole case through the gateway, with the packaged services, the real infrastructure and the
 * sandbox business clock: a minor of Messina with a guardian, who turns 18 during the case, is
 * registered; a dote is assigned; the plan is written, submitted and approved by the CPI of
 * Messina; the promoter's orientation is delivered and validated; an internship starts mid-month at
 * a host; seven calendar months of attendance (six months of internship) are confirmed by the host,
 * one of them below 70 %; the internship completes; a six-month fixed-term hire follows; the clock
 * moves through the follow-ups at 1, 3, 6 and 12 months. Then every disbursement is checked to the
 * cent, every event each service published (types, order per aggregate, no personal data), the
 * outcome figures of the case's programme in Messina, and the coming of age.
 *
 * <p>Moves the business clock more than a year forward, so it runs last.
 */
@Order(Integer.MAX_VALUE)
class OneCaseFromRegistrationToTheTwelveMonthFollowUpTest {

  private static final String MESSINA = "083";
  private static final String SICILY = "19";
  private static final long MONTHLY_ALLOWANCE_CENTS = 50_000;
  private static final long HOST_CONTRIBUTION_CENTS = 60_000;

  /** The catalogue's unit cost of specialist orientation: 35.00 euro an hour. */
  private static final long ORIENTATION_CENTS_PER_HOUR = 3_500;

  private static final int WEEKLY_HOURS = 25;
  private static final String GUARDIAN = "Maria Bianchi";
  private static final String COMPANY_TUTOR = Hosts.COMPANY_TUTOR;

  private static Stack stack;

  @BeforeAll
  static void platform() {
    stack = Stack.get();
  }

  // --- the story -------------------------------------------------------------------------------

  @Test
  void aMinorOfMessinaFromRegistrationToTheTwelveMonthFollowUp() {
    // Day one of the story: the first of September after today on the business clock.
    LocalDate dayOne = firstSeptemberAfter(today());
    int year = dayOne.getYear();
    moveClockTo(dayOne);

    // The agency publishes a programme of its own for this case, so its figures are the case's.
    String programme = publishedProgramme(dayOne);

    // A minor of Messina, under guardianship, who turns 18 on 20 November, is registered.
    LocalDate eighteenthBirthday = LocalDate.of(year, 11, 20);
    Map<String, Object> registration = minorTurning18On(eighteenthBirthday, dayOne);
    String participant =
        as("promoter-a")
            .body(registration)
            .post("/api/participants")
            .then()
            .statusCode(201)
            .body("minor", equalTo(true))
            .body("consent.givenBy", equalTo("GUARDIAN"))
            .extract()
            .path("id");

    // The promoter applies for a dote, the internship planned for 15 September.
    LocalDate internshipStart = LocalDate.of(year, 9, 15);
    String dote = dotesAssigned(programme, participant, internshipStart);

    // The plan: written, submitted and approved by the CPI operator of Messina.
    String plan = draftPlanOf(dote);
    writePlan(plan, dayOne, internshipStart);
    as("promoter-a").post("/api/plans/" + plan + "/submission").then().statusCode(200);
    as("cpi-messina")
        .post("/api/plans/" + plan + "/approval")
        .then()
        .statusCode(200)
        .body("state", equalTo("APPROVED"));
    eventually(() -> dote(dote).then().body("state", equalTo("ACTIVE")));

    // The promoter's 12 hours of specialist orientation, delivered and validated by the CPI.
    String orientation =
        as("promoter-a")
            .get("/api/plans/" + plan)
            .then()
            .extract()
            .path("content.activities[0].activityId");
    String delivery =
        as("promoter-a")
            .body(Map.of("activityId", orientation, "deliveredOn", dayOne.toString(), "hours", 12))
            .post("/api/plans/" + plan + "/deliveries")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    as("cpi-messina")
        .post("/api/plans/" + plan + "/deliveries/" + delivery + "/validation")
        .then()
        .statusCode(200);

    // The internship starts mid-month at a host of 12 employees.
    String hostTaxCode = Registrations.provisionalTaxCode();
    String employer = Hosts.officinePeloritane(stack.gateway(), hostTaxCode);
    String internship = startedInternship(dote, employer, internshipStart);
    LocalDate plannedEnd = internshipStart.plusMonths(6).minusDays(1);
    as("promoter-a")
        .get("/api/internships/" + internship)
        .then()
        .statusCode(200)
        .body("plannedEndDate", equalTo(plannedEnd.toString()));

    // Each month, once it has ended, the promoter enters the hours and the host confirms them.
    // December falls below the 70 % threshold.
    Map<YearMonth, Integer> attendedPercent = new LinkedHashMap<>();
    YearMonth first = YearMonth.from(internshipStart);
    int[] percents = {100, 92, 85, 60, 95, 100, 100};
    for (int i = 0; i < percents.length; i++) {
      attendedPercent.put(first.plusMonths(i), percents[i]);
    }
    for (Map.Entry<YearMonth, Integer> month : attendedPercent.entrySet()) {
      YearMonth m = month.getKey();
      LocalDate lastDay = m.atEndOfMonth().isAfter(plannedEnd) ? plannedEnd : m.atEndOfMonth();
      moveClockTo(lastDay.plusDays(1));
      JsonPath entered = attendance(internship, m, month.getValue(), internshipStart, plannedEnd);
      assertThat(entered.getBoolean("thresholdMet"))
          .as("threshold met in %s", m)
          .isEqualTo(month.getValue() >= 70);
      as("host-acme")
          .post("/api/internships/" + internship + "/attendance/" + m + "/confirmation")
          .then()
          .statusCode(200)
          .body("confirmed", equalTo(true));

      if (m.equals(YearMonth.from(eighteenthBirthday))) {
        // On the business day after his 18th birthday had passed: no guardian, his own consent.
        as("agency-admin")
            .get("/api/participants/" + participant)
            .then()
            .statusCode(200)
            .body("minor", equalTo(false))
            .body("guardian", nullValue())
            .body("consent.givenBy", equalTo("PARTICIPANT"))
            .body("consent.date", equalTo(eighteenthBirthday.toString()));
      }
    }

    // The internship completes at its planned end (the clock is on the day after).
    String etag = as("promoter-a").get("/api/internships/" + internship).header("ETag");
    as("promoter-a")
        .header("If-Match", etag)
        .post("/api/internships/" + internship + "/completion")
        .then()
        .statusCode(200)
        .body("state", equalTo("COMPLETED"));
    eventually(() -> dote(dote).then().body("state", equalTo("COMPLETED")));

    // Six days later the host hires him on a six-month fixed-term contract.
    LocalDate hired = plannedEnd.plusDays(6);
    moveClockTo(hired);
    String hire =
        as("promoter-a")
            .body(
                Map.of(
                    "participantId",
                    participant,
                    "employerTaxCode",
                    hostTaxCode,
                    "contractType",
                    "A.02.00",
                    "startDate",
                    hired.toString(),
                    "endDate",
                    hired.plusMonths(6).minusDays(1).toString(),
                    "weeklyHours",
                    30,
                    "atecoCode",
                    "25.62.00"))
            .post("/api/hires")
            .then()
            .statusCode(201)
            .body("contractFamily", equalTo("FIXED_TERM"))
            .extract()
            .path("id");

    // The follow-ups at 1, 3 and 6 months find him employed under the hire; at 12 months the
    // contract has ended and the promoter records that he is looking for work.
    for (int months : List.of(1, 3, 6)) {
      moveClockTo(plannedEnd.plusMonths(months));
      int m = months;
      eventually(
          () ->
              assertThat(followUp(internship, m))
                  .containsEntry("status", "RECORDED")
                  .containsEntry("employed", true)
                  .containsEntry("source", "HIRE"));
    }
    moveClockTo(plannedEnd.plusMonths(12));
    assertThat(followUp(internship, 12)).containsEntry("status", "WAITING");
    as("promoter-a")
        .body(Map.of("employed", false))
        .put("/api/internships/" + internship + "/follow-ups/12")
        .then()
        .statusCode(200)
        .body("employed", equalTo(false));

    // --- what the case left behind ---------------------------------------------------------

    // Every disbursement of the dote, to the cent.
    List<Map<String, Object>> expected = new ArrayList<>();
    expected.add(
        payment("PROMOTER_SERVICES", delivery, "AUTHORISED", 12 * ORIENTATION_CENTS_PER_HOUR));
    for (Map.Entry<YearMonth, Integer> month : attendedPercent.entrySet()) {
      YearMonth m = month.getKey();
      boolean met = month.getValue() >= 70;
      expected.add(
          payment(
              "PARTICIPANT_ALLOWANCE",
              m.toString(),
              met ? "AUTHORISED" : "NOT_PAYABLE",
              met ? allowance(m, internshipStart, plannedEnd) : 0));
    }
    expected.add(payment("HOST_CONTRIBUTION", "completion", "AUTHORISED", HOST_CONTRIBUTION_CENTS));
    // The partial first and last months, worked out here from the Italian calendar.
    assertThat(expected.get(1))
        .containsEntry("amountCents", allowance(first, internshipStart, plannedEnd));
    assertThat(allowance(first, internshipStart, plannedEnd)).isLessThan(MONTHLY_ALLOWANCE_CENTS);
    assertThat(allowance(first.plusMonths(6), internshipStart, plannedEnd))
        .isLessThan(MONTHLY_ALLOWANCE_CENTS);
    List<Map<String, Object>> disbursed =
        dote(dote).then().statusCode(200).extract().jsonPath().getList("disbursements");
    assertThat(
            disbursed.stream()
                .map(OneCaseFromRegistrationToTheTwelveMonthFollowUpTest::asPayment)
                .toList())
        .containsExactlyInAnyOrderElementsOf(expected);

    // Every event each service published about the case, in order per aggregate.
    Map<String, List<String>> expectedTypes = new LinkedHashMap<>();
    expectedTypes.put(
        participant,
        List.of("it.percorsi.participant.registered.v1", "it.percorsi.participant.came-of-age.v1"));
    List<String> doteTypes = new ArrayList<>();
    doteTypes.add("it.percorsi.dote.assigned.v1");
    doteTypes.add("it.percorsi.dote.activated.v1");
    for (int i = 0; i < 1 + 6 + 1; i++) {
      doteTypes.add("it.percorsi.disbursement.authorised.v1");
    }
    doteTypes.add("it.percorsi.dote.completed.v1");
    expectedTypes.put(dote, doteTypes);
    expectedTypes.put(
        plan,
        List.of(
            "it.percorsi.plan.submitted.v1",
            "it.percorsi.plan.approved.v1",
            "it.percorsi.plan.service-delivered.v1",
            // The dote completed, so its plan closed.
            "it.percorsi.plan.closed.v1"));
    List<String> internshipTypes = new ArrayList<>();
    internshipTypes.add("it.percorsi.placement.internship-started.v1");
    for (int i = 0; i < 7; i++) {
      internshipTypes.add("it.percorsi.placement.attendance-recorded.v1");
    }
    internshipTypes.add("it.percorsi.placement.internship-completed.v1");
    for (int i = 0; i < 4; i++) {
      internshipTypes.add("it.percorsi.placement.follow-up-recorded.v1");
    }
    expectedTypes.put(internship, internshipTypes);
    expectedTypes.put(hire, List.of("it.percorsi.placement.hire-recorded.v1"));

    List<Events.Read> published = publishedAbout(expectedTypes);
    Map<String, List<String>> types = new LinkedHashMap<>();
    expectedTypes.keySet().forEach(k -> types.put(k, new ArrayList<>()));
    published.forEach(r -> types.get(r.key()).add(r.header("ce_type")));
    assertThat(types).isEqualTo(expectedTypes);
    // The same events as an integrator reads them: a plain consumer on percorsi-events, typed.
    TypedEvents.assertTyped(stack.kafka().bootstrapServers(), expectedTypes);
    Set<String> personal =
        Set.of(
            (String) registration.get("taxCode"),
            (String) registration.get("givenName"),
            (String) registration.get("familyName"),
            (String) registration.get("birthDate"),
            GUARDIAN,
            COMPANY_TUTOR);
    for (Events.Read r : published) {
      String all = r.value() + " " + r.headers().values();
      personal.forEach(
          p -> assertThat(all).as("%s on %s", r.header("ce_type"), r.topic()).doesNotContain(p));
    }

    // The outcome figures of the programme in Messina are this case's.
    Map<String, Object> figures =
        as("agency-admin")
            .queryParam("programme", programme)
            .queryParam("province", MESSINA)
            .queryParam("groupBy", "province")
            .get("/api/outcomes")
            .then()
            .statusCode(200)
            .body("suppressed", equalTo(false))
            .body("rows.size()", equalTo(1))
            .extract()
            .path("rows[0]");
    Map<String, Object> expectedFigures = new LinkedHashMap<>();
    expectedFigures.put("province", MESSINA);
    expectedFigures.put("dotesAssigned", 1);
    expectedFigures.put("dotesActivated", 1);
    expectedFigures.put("internshipsStarted", 1);
    expectedFigures.put("internshipsCompleted", 1);
    expectedFigures.put("internshipsInterrupted", 0);
    expectedFigures.put("attendanceMonthsMeetingThreshold", 6);
    expectedFigures.put("followUpsDue1", 1);
    expectedFigures.put("employedAt1", 1);
    expectedFigures.put("followUpsDue3", 1);
    expectedFigures.put("employedAt3", 1);
    expectedFigures.put("followUpsDue6", 1);
    expectedFigures.put("employedAt6", 1);
    expectedFigures.put("followUpsDue12", 1);
    expectedFigures.put("employedAt12", 0);
    expectedFigures.put("hiredPermanent", 0);
    expectedFigures.put("hiredFixedTerm", 1);
    expectedFigures.put("hiredApprenticeship", 0);
    expectedFigures.put("hiredOther", 0);
    expectedFigures.put("peopleHiredAfterInternship", 1);
    expectedFigures.put("completionRatePercent", 100.0f);
    expectedFigures.put("employmentRatePercent1", 100.0f);
    expectedFigures.put("employmentRatePercent3", 100.0f);
    expectedFigures.put("employmentRatePercent6", 100.0f);
    expectedFigures.put("employmentRatePercent12", 0.0f);
    expectedFigures.put("medianDaysToFirstHire", 6.0f);
    assertThat(figures).containsAllEntriesOf(expectedFigures);
  }

  // --- the steps -------------------------------------------------------------------------------

  private static RequestSpecification as(String principal) {
    return given()
        .baseUri(stack.gateway())
        .auth()
        .oauth2(Tokens.of(principal))
        .contentType("application/json");
  }

  private static void eventually(ThrowingRunnable assertion) {
    Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(assertion);
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

  private static LocalDate firstSeptemberAfter(LocalDate today) {
    LocalDate candidate = LocalDate.of(today.getYear(), 9, 1);
    return candidate.isAfter(today) ? candidate : candidate.plusYears(1);
  }

  /**
   * The agency moves the business date; when the answer is 200 every service has applied it. A
   * service restarted just before (SandboxClockTest restarts dote-service) is back on the bus only
   * once Kafka has handed it its partitions again; until then the move answers 504 naming it and
   * completes when it is back, so the agency asks again, as the API documents.
   */
  private static void moveClockTo(LocalDate day) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                as("agency-admin")
                    .body(Map.of("today", day.toString()))
                    .put("/api/sandbox/clock")
                    .then()
                    .statusCode(org.hamcrest.Matchers.oneOf(200, 504))
                    .extract()
                    .statusCode(),
            status -> status == 200);
    as("agency-admin").get("/api/sandbox/clock").then().body("today", equalTo(day.toString()));
  }

  private static String publishedProgramme(LocalDate opens) {
    String code = Programmes.code("WHOLE-CASE");
    Map<String, Object> body =
        Programmes.body(
            code, "Percorsi — the whole case, as the system test runs it", opens, 23, SICILY, 10);
    // The amounts the disbursements below are checked against.
    body.put("monthlyAllowanceCents", MONTHLY_ALLOWANCE_CENTS);
    body.put("hostContributionCents", HOST_CONTRIBUTION_CENTS);
    as("agency-admin").body(body).post("/api/programmes").then().statusCode(201);
    as("agency-admin")
        .post("/api/programmes/" + code + "/publication")
        .then()
        .statusCode(200)
        .body("state", equalTo("PUBLISHED"));
    return code;
  }

  /**
   * A 17-year-old of Messina who arrived alone at 15, under the guardianship of a court-appointed
   * guardian who gave the consent; unemployed, with the unemployment declaration, the service
   * agreement and a minor-age permit valid until the 18th birthday.
   */
  private static Map<String, Object> minorTurning18On(LocalDate birthday, LocalDate today) {
    Map<String, Object> body = Registrations.minorBornOn(birthday.minusYears(18), MESSINA);
    body.put("givenName", "Youssef");
    body.put("familyName", "Ben Salah");
    body.put("nationality", "TUN");
    body.put("employmentStatus", "UNEMPLOYED");
    body.put("unemploymentDeclarationDate", today.minusDays(60).toString());
    body.put("serviceAgreementDate", today.minusDays(55).toString());
    body.put(
        "permit",
        Map.of("kind", "MINOR_AGE", "number", "I87654321", "expiryDate", birthday.toString()));
    return body;
  }

  private static String dotesAssigned(String programme, String participant, LocalDate start) {
    Map<String, Object> application =
        Map.of(
            "programme",
            programme,
            "participantId",
            participant,
            "plannedInternshipStart",
            start.toString());
    // dote-service learns of the participant from participant-service's event.
    return Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> as("promoter-a").body(application).post("/api/dotes").then().extract(),
            r -> r.statusCode() == 201)
        .path("id");
  }

  private static String draftPlanOf(String dote) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                as("promoter-a")
                    .get("/api/plans?doteId=" + dote)
                    .then()
                    .statusCode(200)
                    .extract()
                    .<String>path("items[0].id"),
            id -> id != null);
  }

  private static void writePlan(String plan, LocalDate today, LocalDate internshipStart) {
    Map<String, Object> orientation =
        Map.of(
            "serviceCode",
            "SPECIALIST_ORIENTATION",
            "provider",
            "ORG-PROMOTER-A",
            "plannedHours",
            12,
            "from",
            today.toString(),
            "to",
            internshipStart.minusDays(1).toString());
    Map<String, Object> content =
        Map.of(
            "objectives",
            "A job in mechanical assembly; Italian at B1 for the workplace",
            "activities",
            List.of(orientation),
            "internship",
            Map.of("plannedStart", internshipStart.toString(), "weeklyHours", WEEKLY_HOURS),
            "signatures",
            // He is a minor: the guardian signs too.
            Map.of(
                "participantAcceptedOn", today.toString(), "guardianSignedOn", today.toString()));
    String etag = as("promoter-a").get("/api/plans/" + plan).then().extract().header("ETag");
    as("promoter-a")
        .header("If-Match", etag)
        .body(content)
        .put("/api/plans/" + plan)
        .then()
        .statusCode(200);
  }

  private static String startedInternship(String dote, String employer, LocalDate start) {
    Map<String, Object> body =
        Map.of(
            "doteId", dote,
            "employerId", employer,
            "startDate", start.toString(),
            "weeklyHours", WEEKLY_HOURS,
            "companyTutor", COMPANY_TUTOR,
            "promoterTutor", "Marco Neri",
            "tasks", "Assembly of mechanical parts under supervision");
    // placement-service learns that the dote is active from dote-service's event.
    return Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> as("promoter-a").body(body).post("/api/internships").then().extract(),
            r -> r.statusCode() == 201)
        .path("id");
  }

  /**
   * The promoter enters the month: a first entry shows what the calendar plans (checked here
   * against the Italian calendar), then the hours attended, {@code percent} of the planned rounded
   * up to whole hours, replace it.
   */
  private static JsonPath attendance(
      String internship, YearMonth month, int percent, LocalDate start, LocalDate end) {
    String path = "/api/internships/" + internship + "/attendance/" + month;
    Response draft =
        as("promoter-a")
            .body(Map.of("attendedHours", 0))
            .put(path)
            .then()
            .statusCode(200)
            .extract()
            .response();
    int covered = ItalianCalendar.workingDays(from(month, start), to(month, end));
    int planned =
        BigDecimal.valueOf((long) WEEKLY_HOURS * covered)
            .divide(BigDecimal.valueOf(5), 0, RoundingMode.HALF_UP)
            .intValueExact();
    assertThat(draft.jsonPath().getInt("coveredWorkingDays")).as("%s", month).isEqualTo(covered);
    assertThat(draft.jsonPath().getInt("monthWorkingDays"))
        .as("%s", month)
        .isEqualTo(ItalianCalendar.workingDays(month.atDay(1), month.atEndOfMonth()));
    assertThat(draft.jsonPath().getInt("plannedHours")).as("%s", month).isEqualTo(planned);
    int attended = (planned * percent + 99) / 100;
    return as("promoter-a")
        .header("If-Match", draft.header("ETag"))
        .body(Map.of("attendedHours", attended))
        .put(path)
        .then()
        .statusCode(200)
        .body("attendedHours", equalTo(attended))
        .extract()
        .jsonPath();
  }

  private static LocalDate from(YearMonth month, LocalDate start) {
    return start.isAfter(month.atDay(1)) ? start : month.atDay(1);
  }

  private static LocalDate to(YearMonth month, LocalDate end) {
    return end.isBefore(month.atEndOfMonth()) ? end : month.atEndOfMonth();
  }

  private static Response dote(String dote) {
    return as("agency-admin").get("/api/dotes/" + dote);
  }

  private static Map<String, Object> followUp(String internship, int months) {
    List<Map<String, Object>> all =
        as("promoter-a")
            .get("/api/internships/" + internship + "/follow-ups")
            .then()
            .statusCode(200)
            .extract()
            .path("$");
    return all.stream()
        .filter(f -> ((Number) f.get("months")).intValue() == months)
        .findFirst()
        .orElseThrow();
  }

  private static Map<String, Object> payment(
      String line, String period, String status, long cents) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("line", line);
    m.put("period", period);
    m.put("status", status);
    m.put("amountCents", cents);
    return m;
  }

  private static Map<String, Object> asPayment(Map<String, Object> disbursement) {
    return payment(
        (String) disbursement.get("line"),
        (String) disbursement.get("period"),
        (String) disbursement.get("status"),
        ((Number) disbursement.get("amountCents")).longValue());
  }

  /**
   * The allowance of {@code month}: all of it for a whole month, else in proportion to the working
   * days the internship covers in it, rounded to the cent half up.
   */
  private static long allowance(YearMonth month, LocalDate start, LocalDate end) {
    int covered = ItalianCalendar.workingDays(from(month, start), to(month, end));
    int whole = ItalianCalendar.workingDays(month.atDay(1), month.atEndOfMonth());
    return BigDecimal.valueOf(MONTHLY_ALLOWANCE_CENTS * covered)
        .divide(BigDecimal.valueOf(whole), 0, RoundingMode.HALF_UP)
        .longValueExact();
  }

  /** Reads the four topics until every aggregate of the case has its expected number of events. */
  private static List<Events.Read> publishedAbout(Map<String, List<String>> expected) {
    List<Events.Read> all = new ArrayList<>();
    for (String topic :
        List.of(
            "percorsi.participants.v1",
            "percorsi.dotes.v1",
            "percorsi.plans.v1",
            "percorsi.placements.v1")) {
      Predicate<Events.Read> ours = r -> expected.containsKey(r.key());
      Map<String, Integer> wanted = new HashMap<>();
      expected.forEach((k, v) -> wanted.put(k, v.size()));
      List<Events.Read> read =
          Events.readUntil(
              topic,
              reads -> {
                Map<String, Integer> seen = new HashMap<>();
                reads.stream().filter(ours).forEach(r -> seen.merge(r.key(), 1, Integer::sum));
                // Every aggregate published on this topic is complete.
                return !seen.isEmpty()
                    && seen.entrySet().stream()
                        .allMatch(e -> e.getValue() >= wanted.get(e.getKey()));
              },
              Duration.ofSeconds(20));
      read.stream().filter(ours).forEach(all::add);
    }
    return all;
  }

  /**
   * Working days in Italy, written here independently of the services: Monday to Friday without the
   * national public holidays (including St Francis, 4 October, from 2026) and Easter Monday.
   */
  static final class ItalianCalendar {

    private static final Set<MonthDay> FIXED =
        Set.of(
            MonthDay.of(1, 1),
            MonthDay.of(1, 6),
            MonthDay.of(4, 25),
            MonthDay.of(5, 1),
            MonthDay.of(6, 2),
            MonthDay.of(8, 15),
            MonthDay.of(10, 4),
            MonthDay.of(11, 1),
            MonthDay.of(12, 8),
            MonthDay.of(12, 25),
            MonthDay.of(12, 26));

    static int workingDays(LocalDate from, LocalDate to) {
      int n = 0;
      for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
        boolean weekend =
            d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
        if (!weekend
            && !FIXED.contains(MonthDay.from(d))
            && !d.equals(easter(d.getYear()).plusDays(1))) {
          n++;
        }
      }
      return n;
    }

    /** Easter Sunday (Gregorian), by the anonymous algorithm (Meeus/Jones/Butcher). */
    static LocalDate easter(int y) {
      int a = y % 19;
      int b = y / 100;
      int c = y % 100;
      int d = b / 4;
      int e = b % 4;
      int f = (b + 8) / 25;
      int g = (b - f + 1) / 3;
      int h = (19 * a + b - d - g + 15) % 30;
      int i = c / 4;
      int k = c % 4;
      int l = (32 + 2 * e + 2 * i - h - k) % 7;
      int m = (a + 11 * h + 22 * l) / 451;
      int month = (h + l - 7 * m + 114) / 31;
      int day = ((h + l - 7 * m + 114) % 31) + 1;
      return LocalDate.of(y, month, day);
    }
  }
}
