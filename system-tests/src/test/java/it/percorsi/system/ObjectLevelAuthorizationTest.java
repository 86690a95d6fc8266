package it.percorsi.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import it.percorsi.system.SecurityMatrix.Operation;
import it.percorsi.system.SecurityMatrix.Principal;
import it.percorsi.system.SecurityMatrix.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * OWASP API1:2023 Broken Object Level Authorization: every operation on an owned record × every
 * principal × a record of the caller's own organisation (or territory) and one of another. A role
 * that may not call the operation gets 403; one that may, but does not see the record, gets 404 —
 * never the record, never a 403 that would confirm it exists.
 */
class ObjectLevelAuthorizationTest {

  /** A record a test made: who owns it, in which province, its id. */
  record Owned(String ownerOrg, String province, String id) {}

  /**
   * How to make a record for a route, as the given principal in the given province. A route without
   * an entry here is listed as skipped until someone writes its fixture.
   */
  private static final Map<String, Function<Owned, Owned>> FIXTURES =
      Map.of(
          "participants", ObjectLevelAuthorizationTest::registerParticipant,
          "dotes", ObjectLevelAuthorizationTest::assignDote,
          "disbursements", ObjectLevelAuthorizationTest::authoriseDisbursement,
          "internships", ObjectLevelAuthorizationTest::startInternship,
          "hires", ObjectLevelAuthorizationTest::recordHire,
          "plans", ObjectLevelAuthorizationTest::openPlan,
          "webhooks", ObjectLevelAuthorizationTest::registerWebhookEndpoint);

  /**
   * Routes whose records belong to the caller's organisation alone, whatever its role: a webhook
   * endpoint is its owner's (the agency and auditors see their own, not the promoters').
   */
  private static final Set<String> ORGANISATION_ONLY = Set.of("webhooks");

  private static final Map<String, Principal> OWNERS =
      Map.of("ORG-PROMOTER-A", Principal.PROMOTER_A, "ORG-PROMOTER-B", Principal.PROMOTER_B);

  private static Stack stack;
  private static final Map<String, List<Owned>> RECORDS = new ConcurrentHashMap<>();

  @BeforeAll
  static void platform() {
    stack = Stack.get();
  }

  static Stream<Arguments> matrix() {
    return cases(false);
  }

  static Stream<Arguments> revisions() {
    return cases(true);
  }

  /**
   * Reads of owned records, or their revisions (PATCH: an empty merge patch, which changes nothing
   * when it is allowed; other writes need bodies of their own and are not here yet).
   */
  private static Stream<Arguments> cases(boolean revisions) {
    Set<String> published = SecurityMatrix.published(Stack.get());
    List<Arguments> cases = new ArrayList<>();
    for (Operation op : SecurityMatrix.OPERATIONS) {
      boolean wanted = revisions ? op.method().equals("PATCH") : !op.writes();
      if (op.scope() != Scope.OWNED || !wanted) {
        continue;
      }
      if (!SecurityMatrix.landed(op, published)) {
        // Not published by any service yet; SecurityMatrixCoverageTest keeps the table honest.
        continue;
      }
      if (!FIXTURES.containsKey(op.route())) {
        throw new AssertionError(
            op
                + " is published: add a fixture for "
                + op.route()
                + " to check it per organisation");
      } else {
        for (Principal p : Principal.values()) {
          cases.add(Arguments.of(op, p, "own or own territory"));
          cases.add(Arguments.of(op, p, "another organisation's"));
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} as {1} on {2}")
  @MethodSource("matrix")
  void anotherOrganisationsRecordIsA404(Operation op, Principal principal, String whose) {
    Owned record = pick(op.route(), principal, whose.startsWith("own"));
    Response r =
        given()
            .baseUri(stack.gateway())
            .auth()
            .oauth2(principal.token())
            .when()
            .request(op.method(), op.at(record.id()));
    String what = op + " as " + principal + " on " + record;
    if (!op.allows(principal)) {
      Problems.assertProblem(r, 403, what);
    } else if (sees(op.route(), principal, record)) {
      assertThat(r.statusCode()).as(what).isEqualTo(200);
    } else {
      Problems.assertProblem(r, 404, what);
      String absent = UUID.randomUUID().toString();
      Response missing =
          given()
              .baseUri(stack.gateway())
              .auth()
              .oauth2(principal.token())
              .when()
              .request(op.method(), op.at(absent));
      for (String field : List.of("type", "title", "detail")) {
        assertThat(String.valueOf(r.jsonPath().getString(field)).replace(record.id(), "{id}"))
            .as(what + ": " + field + " differs from a record that does not exist")
            .isEqualTo(String.valueOf(missing.jsonPath().getString(field)).replace(absent, "{id}"));
      }
    }
  }

  @ParameterizedTest(name = "{0} as {1} on {2}")
  @MethodSource("revisions")
  void anotherOrganisationsRecordCannotBeRevised(Operation op, Principal principal, String whose) {
    Owned record = pick(op.route(), principal, whose.startsWith("own"));
    String etag =
        given()
            .baseUri(stack.gateway())
            .auth()
            .oauth2(Principal.AGENCY.token())
            .when()
            .get(op.at(record.id()))
            .then()
            .statusCode(200)
            .extract()
            .header("ETag");
    Response r =
        given()
            .baseUri(stack.gateway())
            .auth()
            .oauth2(principal.token())
            .header("If-Match", etag)
            .contentType("application/merge-patch+json; charset=UTF-8")
            .body("{}")
            .when()
            .request(op.method(), op.at(record.id()));
    String what = op + " as " + principal + " on " + record;
    if (!op.allows(principal)) {
      Problems.assertProblem(r, 403, what);
    } else if (sees(op.route(), principal, record)) {
      assertThat(r.statusCode()).as(what).isIn(200, 204, 412);
    } else {
      Problems.assertProblem(r, 404, what);
    }
  }

  /**
   * A record the principal sees ({@code own}) or does not: for a promoter its organisation's or the
   * other promoter's, for a CPI its province's or another one's; roles that see everything or
   * nothing get either record.
   */
  private static Owned pick(String route, Principal principal, boolean own) {
    List<Owned> records =
        RECORDS.computeIfAbsent(
            route,
            r ->
                List.of(
                    FIXTURES.get(r).apply(new Owned("ORG-PROMOTER-A", "083", null)),
                    FIXTURES.get(r).apply(new Owned("ORG-PROMOTER-B", "082", null))));
    for (Owned o : records) {
      if (sees(route, principal, o) == own) {
        return o;
      }
    }
    return records.get(own ? 0 : 1);
  }

  private static boolean sees(String route, Principal principal, Owned record) {
    return ORGANISATION_ONLY.contains(route)
        ? principal.org.equals(record.ownerOrg())
        : principal.sees(record.ownerOrg(), record.province());
  }

  /**
   * A webhook endpoint of the owner (sandbox: a loopback URL; nothing listens there, and the event
   * type chosen is one no test here produces).
   */
  private static Owned registerWebhookEndpoint(Owned wanted) {
    String id =
        given()
            .baseUri(stack.gateway())
            .auth()
            .oauth2(OWNERS.get(wanted.ownerOrg()).token())
            .contentType("application/json")
            .body(
                Map.of(
                    "url",
                    "http://127.0.0.1:9/object-level-" + wanted.ownerOrg(),
                    "eventTypes",
                    List.of("it.percorsi.webhook-endpoint.disabled.v1")))
            .when()
            .post("/api/webhooks/endpoints")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    return new Owned(wanted.ownerOrg(), wanted.province(), id);
  }

  private static Owned registerParticipant(Owned wanted) {
    String id =
        Participants.register(
            stack.gateway(), OWNERS.get(wanted.ownerOrg()).token(), wanted.province());
    return new Owned(wanted.ownerOrg(), wanted.province(), id);
  }

  /** A dote of the owner's participant, assigned through the gateway (real eligibility check). */
  private static Owned assignDote(Owned wanted) {
    String token = OWNERS.get(wanted.ownerOrg()).token();
    String participant =
        given()
            .baseUri(stack.gateway())
            .auth()
            .oauth2(token)
            .contentType("application/json")
            .body(Participants.eligible(wanted.province()))
            .when()
            .post("/api/participants")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                given()
                    .baseUri(stack.service("dote-service").url())
                    .auth()
                    .oauth2(Principal.AGENCY.token())
                    .when()
                    .get("/internal/projections/participants/" + participant)
                    .then()
                    .statusCode(200));
    String dote =
        given()
            .baseUri(stack.gateway())
            .auth()
            .oauth2(token)
            .contentType("application/json")
            .body(
                Map.of(
                    "programme",
                    "EXAMPLE-PERCORSI-III",
                    "participantId",
                    participant,
                    "plannedInternshipStart",
                    java.time.LocalDate.now().plusDays(20).toString()))
            .when()
            .post("/api/dotes")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    return new Owned(wanted.ownerOrg(), wanted.province(), dote);
  }

  /** The draft plan plan-service opens when the owner's dote is assigned. */
  private static Owned openPlan(Owned wanted) {
    String dote = assignDote(wanted).id();
    String[] id = new String[1];
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              id[0] =
                  given()
                      .baseUri(stack.gateway())
                      .auth()
                      .oauth2(Principal.AGENCY.token())
                      .when()
                      .get("/api/plans?doteId=" + dote)
                      .then()
                      .statusCode(200)
                      .extract()
                      .path("items[0].id");
              assertThat(id[0]).isNotNull();
            });
    return new Owned(wanted.ownerOrg(), wanted.province(), id[0]);
  }

  /**
   * A disbursement of the owner's dote: the plan's approval and a month of attendance published on
   * the bus as plan- and placement-service will publish them.
   */
  private static Owned authoriseDisbursement(Owned wanted) {
    String dote = assignDote(wanted).id();
    String plan = UUID.randomUUID().toString();
    it.percorsi.testkit.Events.publish(
        "percorsi.plans.v1",
        dote,
        it.percorsi.testkit.Events.cloudEvent(
            UUID.randomUUID().toString(), "it.percorsi.plan.approved.v1", dote),
        "{\"planId\":\"%s\",\"doteId\":\"%s\",\"approvedOn\":\"2026-11-27\"}"
            .formatted(plan, dote));
    // The internship's months are the ones that may be paid: placement-service tells them first.
    it.percorsi.testkit.Events.publish(
        "percorsi.placements.v1",
        dote,
        it.percorsi.testkit.Events.cloudEvent(
            UUID.randomUUID().toString(), "it.percorsi.placement.internship-started.v1", dote),
        ("{\"internshipId\":\"%s\",\"doteId\":\"%s\",\"participantId\":\"%s\","
                + "\"employerId\":\"%s\",\"promoterOrgId\":\"%s\",\"provinceCode\":\"%s\","
                + "\"startDate\":\"2027-01-01\",\"plannedEndDate\":\"2027-06-30\","
                + "\"weeklyHours\":25}")
            .formatted(
                UUID.randomUUID(),
                dote,
                UUID.randomUUID(),
                UUID.randomUUID(),
                wanted.ownerOrg(),
                wanted.province()));
    it.percorsi.testkit.Events.publish(
        "percorsi.placements.v1",
        dote,
        it.percorsi.testkit.Events.cloudEvent(
            UUID.randomUUID().toString(), "it.percorsi.placement.attendance-recorded.v1", dote),
        ("{\"internshipId\":\"%s\",\"doteId\":\"%s\",\"month\":\"2027-01\",\"plannedHours\":100,"
                + "\"attendedHours\":90,\"coveredWorkingDays\":20,\"monthWorkingDays\":20,"
                + "\"revision\":1}")
            .formatted(UUID.randomUUID(), dote));
    String[] id = new String[1];
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              id[0] =
                  given()
                      .baseUri(stack.gateway())
                      .auth()
                      .oauth2(Principal.AGENCY.token())
                      .when()
                      .get("/api/dotes/" + dote)
                      .then()
                      .statusCode(200)
                      .extract()
                      .path("disbursements[0].id");
              assertThat(id[0]).isNotNull();
            });
    return new Owned(wanted.ownerOrg(), wanted.province(), id[0]);
  }

  /**
   * An internship of the owner's active dote (announced on the bus as dote-service does) at a host
   * of another organisation than the demo host user's, started through the gateway.
   */
  private static Owned startInternship(Owned wanted) {
    return new Owned(wanted.ownerOrg(), wanted.province(), internshipOf(wanted).path("id"));
  }

  /** A permanent hire of the participant of a fresh internship of the owner. */
  private static Owned recordHire(Owned wanted) {
    String participant = internshipOf(wanted).path("participantId");
    String hire =
        given()
            .baseUri(stack.gateway())
            .auth()
            .oauth2(OWNERS.get(wanted.ownerOrg()).token())
            .contentType("application/json")
            .body(
                Map.of(
                    "participantId",
                    participant,
                    "employerTaxCode",
                    it.percorsi.testkit.Registrations.provisionalTaxCode(),
                    "contractType",
                    "A.01.00",
                    "startDate",
                    java.time.LocalDate.now().toString(),
                    "weeklyHours",
                    40,
                    "atecoCode",
                    "25.62.00"))
            .when()
            .post("/api/hires")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    return new Owned(wanted.ownerOrg(), wanted.province(), hire);
  }

  private static io.restassured.response.ExtractableResponse<Response> internshipOf(Owned wanted) {
    String token = OWNERS.get(wanted.ownerOrg()).token();
    String dote = UUID.randomUUID().toString();
    String today = java.time.LocalDate.now().toString();
    it.percorsi.testkit.Events.publish(
        "percorsi.dotes.v1",
        dote,
        it.percorsi.testkit.Events.cloudEvent(
            UUID.randomUUID().toString(), "it.percorsi.dote.assigned.v1", dote),
        ("{\"doteId\":\"%s\",\"programmeCode\":\"EXAMPLE-PERCORSI-III\",\"participantId\":\"%s\","
                + "\"promoterOrgId\":\"%s\",\"regionCode\":\"19\",\"provinceCode\":\"%s\","
                + "\"assignedOn\":\"%s\",\"plannedInternshipStart\":\"%s\","
                + "\"startDeadline\":\"%s\",\"internshipMonths\":6,\"maxExtensionMonths\":0,"
                + "\"monthlyAllowanceCents\":50000,\"attendanceThresholdPercent\":70,"
                + "\"hostContributionCents\":50000,\"promoterServicesCents\":200000}")
            .formatted(
                dote,
                UUID.randomUUID(),
                wanted.ownerOrg(),
                wanted.province(),
                today,
                today,
                java.time.LocalDate.now().plusMonths(3)));
    it.percorsi.testkit.Events.publish(
        "percorsi.dotes.v1",
        dote,
        it.percorsi.testkit.Events.cloudEvent(
            UUID.randomUUID().toString(), "it.percorsi.dote.activated.v1", dote),
        ("{\"doteId\":\"%s\",\"planId\":\"%s\",\"activatedOn\":\"%s\","
                + "\"allowanceCents\":300000,\"hostContributionCents\":50000,"
                + "\"promoterServicesCents\":200000}")
            .formatted(dote, UUID.randomUUID(), today));
    String employer =
        given()
            .baseUri(stack.gateway())
            .auth()
            .oauth2(token)
            .contentType("application/json")
            .body(
                Map.of(
                    "taxCode",
                    it.percorsi.testkit.Registrations.provisionalTaxCode(),
                    "name",
                    "Officina Test",
                    "legalForm",
                    "SRL",
                    "nonProfit",
                    false,
                    "atecoCode",
                    "25.62.00",
                    "siteMunicipality",
                    wanted.province() + "048",
                    "employees",
                    50,
                    "tutors",
                    List.of(Map.of("fullName", "Tutor Test")),
                    "hostOrgId",
                    "HOST-OTHER"))
            .when()
            .post("/api/employers")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Map<String, Object> start =
        Map.of(
            "doteId",
            dote,
            "employerId",
            employer,
            "startDate",
            today,
            "weeklyHours",
            25,
            "companyTutor",
            "Tutor Test",
            "promoterTutor",
            "Tutor Promotore",
            "tasks",
            "Test tasks");
    @SuppressWarnings("unchecked")
    io.restassured.response.ExtractableResponse<Response>[] started =
        new io.restassured.response.ExtractableResponse[1];
    // The dote reaches placement-service's projection through the bus.
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              started[0] =
                  given()
                      .baseUri(stack.gateway())
                      .auth()
                      .oauth2(token)
                      .contentType("application/json")
                      .body(start)
                      .when()
                      .post("/api/internships")
                      .then()
                      .extract();
              assertThat(started[0].statusCode()).isEqualTo(201);
            });
    return started[0];
  }
}
