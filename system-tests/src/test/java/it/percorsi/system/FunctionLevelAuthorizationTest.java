package it.percorsi.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import it.percorsi.system.SecurityMatrix.Operation;
import it.percorsi.system.SecurityMatrix.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * OWASP API5:2023 Broken Function Level Authorization, over the whole table: every operation ×
 * every principal. A role the table does not allow gets a 403 problem through the gateway and, once
 * the service has the operation, straight from the service too; an allowed role is never stopped by
 * the gateway's role rule.
 */
class FunctionLevelAuthorizationTest {

  private static Stack stack;
  private static Set<String> published;

  @BeforeAll
  static void platform() {
    stack = Stack.get();
    published = SecurityMatrix.published(stack);
  }

  static Stream<Arguments> matrix() {
    List<Arguments> cases = new ArrayList<>();
    for (Operation op : SecurityMatrix.OPERATIONS) {
      for (Principal p : Principal.values()) {
        cases.add(Arguments.of(op, p));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("matrix")
  void onlyTheRolesOfTheTableGetThrough(Operation op, Principal principal) {
    String path = op.at(UUID.randomUUID().toString());
    Response viaGateway = call(stack.gateway(), op, path, principal);
    if (!op.allows(principal)) {
      Problems.assertProblem(viaGateway, 403, op + " as " + principal + " through the gateway");
      if (SecurityMatrix.landed(op, published)) {
        String service = stack.service(SecurityMatrix.serviceOf(op.route())).url();
        Response direct = call(service, op, path.substring("/api".length()), principal);
        Problems.assertProblem(direct, 403, op + " as " + principal + " straight to the service");
      }
    } else {
      assertThat(viaGateway.statusCode())
          .as(op + " as " + principal + " (allowed) through the gateway")
          .isNotIn(401, 403, 429);
      if (viaGateway.statusCode() >= 400) {
        Problems.assertProblem(viaGateway, op + " as " + principal + " (allowed)");
      }
    }
  }

  private static Response call(String base, Operation op, String path, Principal principal) {
    var spec = given().baseUri(base).auth().oauth2(principal.token());
    if (op.body() != null) {
      String type =
          op.method().equals("PATCH")
              ? "application/merge-patch+json; charset=UTF-8"
              : "application/json";
      spec = spec.contentType(type).body(op.body());
    }
    return spec.when().request(op.method(), path);
  }
}
