package it.percorsi.system;

import static org.assertj.core.api.Assertions.assertThat;

import it.percorsi.system.SecurityMatrix.Operation;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Keeps the security table whole: a route added to the gateway, or an operation a service
 * publishes, without a row in {@link SecurityMatrix} fails the build.
 */
class SecurityMatrixCoverageTest {

  @Test
  void everyGatewayRouteHasRowsAndEveryRowBelongsToAGatewayRoute() {
    Map<String, String> routes = SecurityMatrix.gatewayRoutes();
    assertThat(routes).as("routes in the gateway's configuration").isNotEmpty();
    Set<String> covered =
        SecurityMatrix.OPERATIONS.stream().map(Operation::route).collect(Collectors.toSet());
    assertThat(covered)
        .as("gateway routes without a row in SecurityMatrix.OPERATIONS")
        .containsAll(routes.keySet());
    for (Operation op : SecurityMatrix.OPERATIONS) {
      assertThat(routes).as("route of " + op).containsKey(op.route());
      String prefix = routes.get(op.route());
      assertThat(op.path().equals(prefix) || op.path().startsWith(prefix + "/"))
          .as(op + " lies under " + prefix)
          .isTrue();
    }
  }

  @Test
  void everyOperationInTheMergedOpenApiHasARow() {
    Set<String> published = SecurityMatrix.published(Stack.get());
    assertThat(published).as("operations in the gateway's /openapi").isNotEmpty();
    Set<String> missing = new TreeSet<>(published);
    for (Operation op : SecurityMatrix.OPERATIONS) {
      if (SecurityMatrix.landed(op, published)) {
        missing.remove(op.method() + " " + op.path().replaceAll("\\{[^}]+}", "{}"));
      }
    }
    assertThat(missing)
        .as("published operations without a row in SecurityMatrix.OPERATIONS (add one)")
        .isEmpty();
  }
}
