package it.percorsi.system;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import it.percorsi.testkit.ProjectPaths;
import it.percorsi.testkit.Tokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one table the security suite is driven by: every public operation (route × method × path)
 * with the roles that may call it, and the demo principals with their role, organisation and
 * territory. Every route the gateway is configured with must have rows here, or the build fails
 * ({@link SecurityMatrixCoverageTest}); an operation whose service has not landed yet (not in the
 * merged OpenAPI) is still checked at the gateway, which must apply its role rule already.
 */
final class SecurityMatrix {

  /** The realm roles of the platform. */
  enum Role {
    PROMOTER("promoter"),
    CPI_OPERATOR("cpi-operator"),
    AGENCY_ADMIN("agency-admin"),
    HOST("host"),
    AUDITOR("auditor"),
    INTEGRATOR("integrator");

    final String name;

    Role(String name) {
      this.name = name;
    }
  }

  /** The demo principals of the realm, one or more per role, with what scopes their access. */
  enum Principal {
    PROMOTER_A("promoter-a", Role.PROMOTER, "ORG-PROMOTER-A", Set.of()),
    PROMOTER_B("promoter-b", Role.PROMOTER, "ORG-PROMOTER-B", Set.of()),
    CPI_MESSINA("cpi-messina", Role.CPI_OPERATOR, "CPI-MESSINA", Set.of("083")),
    CPI_PALERMO("cpi-palermo", Role.CPI_OPERATOR, "CPI-PALERMO", Set.of("082")),
    AGENCY("agency-admin", Role.AGENCY_ADMIN, "AGENCY", Set.of()),
    HOST_ACME("host-acme", Role.HOST, "HOST-ACME", Set.of()),
    AUDITOR("auditor", Role.AUDITOR, "AUDIT", Set.of()),
    INTEGRATOR("integrator", Role.INTEGRATOR, "ORG-INTEGRATOR", Set.of());

    final String login;
    final Role role;
    final String org;
    final Set<String> provinces;

    Principal(String login, Role role, String org, Set<String> provinces) {
      this.login = login;
      this.role = role;
      this.org = org;
      this.provinces = provinces;
    }

    String token() {
      return Tokens.of(login);
    }

    /**
     * Whether this principal may see a case owned by {@code ownerOrg} in {@code province}: its own
     * organisation's, its territory's (CPI), or everything (agency, auditor).
     */
    boolean sees(String ownerOrg, String province) {
      return switch (role) {
        case AGENCY_ADMIN, AUDITOR -> true;
        case PROMOTER -> org.equals(ownerOrg);
        case CPI_OPERATOR -> provinces.contains(province);
        default -> false;
      };
    }
  }

  /** How an operation's {@code {id}} relates to the caller's organisation. */
  enum Scope {
    /** No record in the path (creation, lists, catalogue). */
    NONE,
    /** A record owned by an organisation: another organisation's answers 404. */
    OWNED
  }

  /**
   * One public operation. {@code path} is as in the merged OpenAPI ({@code {id}} style), {@code
   * allowed} the roles the gateway and the service let through, {@code body} a minimal body for
   * writes (its content does not matter to the role check).
   */
  record Operation(
      String route, String method, String path, Set<Role> allowed, Scope scope, String body) {

    boolean writes() {
      return !method.equals("GET") && !method.equals("HEAD");
    }

    boolean allows(Principal p) {
      return allowed.contains(p.role);
    }

    /** The path with every template variable replaced by {@code id}. */
    String at(String id) {
      return path.replaceAll("\\{[^}]+}", id);
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  private static final Set<Role> ALL = EnumSet.allOf(Role.class);
  private static final Set<Role> CASE_READERS =
      EnumSet.of(Role.PROMOTER, Role.CPI_OPERATOR, Role.AGENCY_ADMIN, Role.AUDITOR);
  private static final Set<Role> CASE_WRITERS =
      EnumSet.of(Role.PROMOTER, Role.CPI_OPERATOR, Role.AGENCY_ADMIN);
  private static final Set<Role> AGENCY = EnumSet.of(Role.AGENCY_ADMIN);
  private static final Set<Role> PROMOTER = EnumSet.of(Role.PROMOTER);
  private static final Set<Role> PLACEMENT_READERS =
      EnumSet.of(Role.PROMOTER, Role.CPI_OPERATOR, Role.AGENCY_ADMIN, Role.AUDITOR, Role.HOST);
  private static final Set<Role> HOST_REGISTRARS = EnumSet.of(Role.PROMOTER, Role.AGENCY_ADMIN);
  private static final Set<Role> ATTENDANCE_PARTIES = EnumSet.of(Role.PROMOTER, Role.HOST);
  private static final Set<Role> DECIDERS = EnumSet.of(Role.AGENCY_ADMIN, Role.CPI_OPERATOR);
  private static final Set<Role> WEBHOOK_OWNERS =
      EnumSet.of(
          Role.PROMOTER, Role.CPI_OPERATOR, Role.AGENCY_ADMIN, Role.AUDITOR, Role.INTEGRATOR);

  /** The table. Add a row with every new public operation. */
  static final List<Operation> OPERATIONS =
      List.of(
          // participant-service
          op("participants", "POST", "/api/participants", CASE_WRITERS, Scope.NONE, "{}"),
          op("participants", "GET", "/api/participants", CASE_READERS, Scope.NONE, null),
          op("participants", "GET", "/api/participants/{id}", CASE_READERS, Scope.OWNED, null),
          op("participants", "PATCH", "/api/participants/{id}", CASE_WRITERS, Scope.OWNED, "{}"),
          op(
              "participants",
              "GET",
              "/api/participants/{id}/history",
              CASE_READERS,
              Scope.OWNED,
              null),
          op(
              "participants",
              "GET",
              "/api/participants/{id}/export",
              CASE_READERS,
              Scope.OWNED,
              null),
          op(
              "participants",
              "POST",
              "/api/participants/{id}/consent-withdrawal",
              CASE_WRITERS,
              Scope.OWNED,
              "{}"),
          op(
              "participants",
              "POST",
              "/api/participants/{id}/eligibility-checks",
              CASE_WRITERS,
              Scope.OWNED,
              "{}"),
          op(
              "participants",
              "POST",
              "/api/participants/{id}/ownership-transfers",
              AGENCY,
              Scope.NONE,
              "{}"),
          op("participants", "POST", "/api/participants/{id}/erasure", AGENCY, Scope.NONE, "{}"),
          // placement-service's own service account only (role notice-import): no demo principal.
          op(
              "participants",
              "POST",
              "/api/participants/resolutions",
              EnumSet.noneOf(Role.class),
              Scope.NONE,
              "{\"taxCodes\":[]}"),
          // A participant's bank account (object-level rules: participant-service's tests).
          op(
              "participants",
              "GET",
              "/api/participants/{id}/payment-account",
              CASE_READERS,
              Scope.NONE,
              null),
          op(
              "participants",
              "PUT",
              "/api/participants/{id}/payment-account",
              CASE_WRITERS,
              Scope.NONE,
              "{}"),
          op(
              "participants",
              "POST",
              "/api/participants/payment-accounts/lookups",
              AGENCY,
              Scope.NONE,
              "{}"),
          // dote-service: programmes, dotes, ledger
          op("programmes", "POST", "/api/programmes", AGENCY, Scope.NONE, "{}"),
          op("programmes", "GET", "/api/programmes", ALL, Scope.NONE, null),
          op("programmes", "GET", "/api/programmes/{code}", ALL, Scope.NONE, null),
          op(
              "programmes",
              "GET",
              "/api/programmes/{code}/quotas",
              EnumSet.complementOf(EnumSet.of(Role.HOST)),
              Scope.NONE,
              null),
          op("programmes", "POST", "/api/programmes/{code}/publication", AGENCY, Scope.NONE, "{}"),
          op("dotes", "POST", "/api/dotes", PROMOTER, Scope.NONE, "{}"),
          op("dotes", "GET", "/api/dotes", CASE_READERS, Scope.NONE, null),
          op("dotes", "GET", "/api/dotes/{id}", CASE_READERS, Scope.OWNED, null),
          op(
              "dotes",
              "POST",
              "/api/dotes/{id}/extension",
              EnumSet.of(Role.PROMOTER, Role.AGENCY_ADMIN),
              Scope.OWNED,
              "{}"),
          op("dotes", "GET", "/api/dotes/{id}/history", CASE_READERS, Scope.OWNED, null),
          op("dotes", "POST", "/api/dotes/{id}/extension/approval", AGENCY, Scope.NONE, "{}"),
          op("dotes", "POST", "/api/dotes/{id}/extension/refusal", AGENCY, Scope.NONE, "{}"),
          op("dotes", "POST", "/api/dotes/{id}/revocation", AGENCY, Scope.NONE, "{}"),
          op("disbursements", "GET", "/api/disbursements/{id}", CASE_READERS, Scope.OWNED, null),
          op("disbursements", "POST", "/api/disbursements/{id}/payment", AGENCY, Scope.NONE, "{}"),
          // SEPA batches: the agency's (auditors read); a status report is XML, sent without body.
          op("disbursements", "POST", "/api/disbursements/batches", AGENCY, Scope.NONE, "{}"),
          op(
              "disbursements",
              "GET",
              "/api/disbursements/batches/{id}",
              EnumSet.of(Role.AGENCY_ADMIN, Role.AUDITOR),
              Scope.NONE,
              null),
          op(
              "disbursements",
              "GET",
              "/api/disbursements/batches/{id}/file",
              AGENCY,
              Scope.NONE,
              null),
          op(
              "disbursements",
              "POST",
              "/api/disbursements/batches/{id}/status-reports",
              AGENCY,
              Scope.NONE,
              null),
          op(
              "disbursements",
              "POST",
              "/api/disbursements/batches/{id}/confirmations",
              AGENCY,
              Scope.NONE,
              "{}"),
          op(
              "promoters",
              "GET",
              "/api/promoters/{orgId}",
              EnumSet.of(Role.PROMOTER, Role.AGENCY_ADMIN, Role.AUDITOR),
              Scope.NONE,
              null),
          op("promoters", "PUT", "/api/promoters/{orgId}", AGENCY, Scope.NONE, "{}"),
          op("sandbox", "GET", "/api/sandbox/clock", ALL, Scope.NONE, null),
          op("sandbox", "PUT", "/api/sandbox/clock", AGENCY, Scope.NONE, "{}"),
          // plan-service: a plan is opened by dote.assigned, never by a POST. Operations with two
          // path variables are NONE here; plan-service's own tests check them per organisation.
          op("plans", "GET", "/api/plans", CASE_READERS, Scope.NONE, null),
          op("plans", "GET", "/api/plans/catalogue", CASE_READERS, Scope.NONE, null),
          op("plans", "GET", "/api/plans/{id}", CASE_READERS, Scope.OWNED, null),
          op("plans", "PUT", "/api/plans/{id}", PROMOTER, Scope.OWNED, "{}"),
          op("plans", "POST", "/api/plans/{id}/submission", PROMOTER, Scope.OWNED, "{}"),
          op("plans", "POST", "/api/plans/{id}/approval", DECIDERS, Scope.OWNED, "{}"),
          op("plans", "POST", "/api/plans/{id}/return", DECIDERS, Scope.OWNED, "{}"),
          op("plans", "POST", "/api/plans/{id}/amendments", PROMOTER, Scope.OWNED, "{}"),
          op("plans", "GET", "/api/plans/{id}/versions", CASE_READERS, Scope.OWNED, null),
          op(
              "plans",
              "GET",
              "/api/plans/{id}/versions/{n}/changes",
              CASE_READERS,
              Scope.NONE,
              null),
          op("plans", "GET", "/api/plans/{id}/history", CASE_READERS, Scope.OWNED, null),
          op("plans", "GET", "/api/plans/{id}/deliveries", CASE_READERS, Scope.OWNED, null),
          op("plans", "POST", "/api/plans/{id}/deliveries", PROMOTER, Scope.OWNED, "{}"),
          op(
              "plans",
              "GET",
              "/api/plans/{id}/deliveries/{deliveryId}",
              CASE_READERS,
              Scope.NONE,
              null),
          op(
              "plans",
              "POST",
              "/api/plans/{id}/deliveries/{deliveryId}/validation",
              DECIDERS,
              Scope.NONE,
              "{}"),
          op(
              "plans",
              "POST",
              "/api/plans/{id}/deliveries/{deliveryId}/rejection",
              DECIDERS,
              Scope.NONE,
              "{}"),
          // placement-service
          op("employers", "POST", "/api/employers", HOST_REGISTRARS, Scope.NONE, "{}"),
          op("employers", "GET", "/api/employers", PLACEMENT_READERS, Scope.NONE, null),
          // The host registry is shared by promoters: one record per tax code.
          op("employers", "GET", "/api/employers/{id}", PLACEMENT_READERS, Scope.NONE, null),
          op("employers", "PUT", "/api/employers/{id}", HOST_REGISTRARS, Scope.NONE, "{}"),
          op("employers", "GET", "/api/employers/{id}/history", CASE_READERS, Scope.NONE, null),
          // A host's bank account: the agency, auditors and the host itself.
          op(
              "employers",
              "GET",
              "/api/employers/{id}/payment-account",
              EnumSet.of(Role.AGENCY_ADMIN, Role.AUDITOR, Role.HOST),
              Scope.NONE,
              null),
          op(
              "employers",
              "PUT",
              "/api/employers/{id}/payment-account",
              EnumSet.of(Role.AGENCY_ADMIN, Role.HOST),
              Scope.NONE,
              "{}"),
          op(
              "internships",
              "POST",
              "/api/internships/host-payment-accounts/lookups",
              AGENCY,
              Scope.NONE,
              "{}"),
          op("internships", "POST", "/api/internships", PROMOTER, Scope.NONE, "{}"),
          op("internships", "GET", "/api/internships", PLACEMENT_READERS, Scope.NONE, null),
          op("internships", "GET", "/api/internships/{id}", PLACEMENT_READERS, Scope.OWNED, null),
          op(
              "internships",
              "GET",
              "/api/internships/{id}/history",
              CASE_READERS,
              Scope.OWNED,
              null),
          op(
              "internships",
              "POST",
              "/api/internships/{id}/completion",
              PROMOTER,
              Scope.OWNED,
              "{}"),
          op(
              "internships",
              "POST",
              "/api/internships/{id}/interruption",
              PROMOTER,
              Scope.OWNED,
              "{}"),
          op(
              "internships",
              "GET",
              "/api/internships/{id}/attendance",
              PLACEMENT_READERS,
              Scope.OWNED,
              null),
          op(
              "internships",
              "PUT",
              "/api/internships/{id}/attendance/{month}",
              ATTENDANCE_PARTIES,
              Scope.OWNED,
              "{}"),
          op(
              "internships",
              "POST",
              "/api/internships/{id}/attendance/{month}/confirmation",
              ATTENDANCE_PARTIES,
              Scope.OWNED,
              "{}"),
          op("internships", "GET", "/api/internships/follow-ups", CASE_READERS, Scope.NONE, null),
          op(
              "internships",
              "GET",
              "/api/internships/{id}/follow-ups",
              CASE_READERS,
              Scope.OWNED,
              null),
          op(
              "internships",
              "PUT",
              "/api/internships/{id}/follow-ups/{months}",
              PROMOTER,
              Scope.OWNED,
              "{}"),
          op(
              "hires",
              "POST",
              "/api/hires",
              EnumSet.of(Role.PROMOTER, Role.CPI_OPERATOR),
              Scope.NONE,
              "{}"),
          op("hires", "GET", "/api/hires", CASE_READERS, Scope.NONE, null),
          op("hires", "GET", "/api/hires/contract-types", CASE_READERS, Scope.NONE, null),
          op("hires", "GET", "/api/hires/{id}", CASE_READERS, Scope.OWNED, null),
          op(
              "hires",
              "POST",
              "/api/hires/notices",
              EnumSet.of(Role.AGENCY_ADMIN, Role.INTEGRATOR),
              Scope.NONE,
              "{}"),
          // A batch is the uploading organisation's (or the agency's and auditors'): checked by
          // placement-service's HireNoticeImportTest.
          op(
              "hires",
              "GET",
              "/api/hires/notices/{batchId}",
              EnumSet.of(Role.AGENCY_ADMIN, Role.INTEGRATOR, Role.AUDITOR),
              Scope.NONE,
              null),
          op(
              "outcomes",
              "GET",
              "/api/outcomes",
              EnumSet.of(
                  Role.PROMOTER,
                  Role.CPI_OPERATOR,
                  Role.AGENCY_ADMIN,
                  Role.AUDITOR,
                  Role.INTEGRATOR),
              Scope.NONE,
              null),
          // webhook-service
          op("webhooks", "POST", "/api/webhooks/endpoints", WEBHOOK_OWNERS, Scope.NONE, "{}"),
          op("webhooks", "GET", "/api/webhooks/endpoints", WEBHOOK_OWNERS, Scope.NONE, null),
          op("webhooks", "GET", "/api/webhooks/endpoints/{id}", WEBHOOK_OWNERS, Scope.OWNED, null),
          op(
              "webhooks",
              "DELETE",
              "/api/webhooks/endpoints/{id}",
              WEBHOOK_OWNERS,
              Scope.OWNED,
              null),
          op(
              "webhooks",
              "POST",
              "/api/webhooks/endpoints/{id}/secret-rotation",
              WEBHOOK_OWNERS,
              Scope.OWNED,
              "{}"),
          op(
              "webhooks",
              "POST",
              "/api/webhooks/endpoints/{id}/pause",
              WEBHOOK_OWNERS,
              Scope.OWNED,
              "{}"),
          op(
              "webhooks",
              "POST",
              "/api/webhooks/endpoints/{id}/resume",
              WEBHOOK_OWNERS,
              Scope.OWNED,
              "{}"),
          op(
              "webhooks",
              "GET",
              "/api/webhooks/endpoints/{id}/attempts",
              WEBHOOK_OWNERS,
              Scope.OWNED,
              null),
          op(
              "webhooks",
              "POST",
              "/api/webhooks/endpoints/{id}/replays",
              WEBHOOK_OWNERS,
              Scope.OWNED,
              "{}"));

  private SecurityMatrix() {}

  private static Operation op(
      String route, String method, String path, Set<Role> allowed, Scope scope, String body) {
    return new Operation(route, method, path, Set.copyOf(allowed), scope, body);
  }

  /** The gateway's routes by name and prefix, read from its configuration. */
  static Map<String, String> gatewayRoutes() {
    Path config = ProjectPaths.root().resolve("gateway/src/main/resources/application.properties");
    Pattern prefix = Pattern.compile("^percorsi\\.gateway\\.routes\\.([a-z-]+)\\.prefix=(\\S+)$");
    try {
      return Files.readAllLines(config).stream()
          .map(prefix::matcher)
          .filter(Matcher::matches)
          .collect(Collectors.toMap(m -> m.group(1), m -> m.group(2)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The service owning a route (system-test process name). */
  static String serviceOf(String route) {
    return switch (route) {
      case "participants" -> "participant-service";
      case "programmes", "dotes", "disbursements", "sandbox", "promoters" -> "dote-service";
      case "plans" -> "plan-service";
      case "webhooks" -> "webhook-service";
      default -> "placement-service";
    };
  }

  /** Operations ({@code METHOD /path}) of the merged OpenAPI the gateway serves. */
  static Set<String> published(Stack stack) {
    JsonPath doc = given().baseUri(stack.gateway()).get("/openapi").then().extract().jsonPath();
    Map<String, Map<String, Object>> paths = doc.getMap("paths");
    Set<String> ops = new TreeSet<>();
    paths.forEach(
        (path, methods) ->
            methods.keySet().forEach(m -> ops.add(m.toUpperCase() + " " + normalise(path))));
    return ops;
  }

  /** Whether the owning service has the operation today (it is in the merged OpenAPI). */
  static boolean landed(Operation op, Set<String> published) {
    return published.contains(op.method() + " " + normalise(op.path()));
  }

  private static String normalise(String path) {
    return path.replaceAll("\\{[^}]+}", "{}");
  }
}
