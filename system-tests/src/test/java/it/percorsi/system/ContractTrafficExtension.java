package it.percorsi.system;

import io.restassured.RestAssured;
import it.percorsi.testkit.ProjectPaths;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Registered for every system test class (junit-platform.properties, autodetection): records the
 * class's RestAssured traffic with {@link ContractTraffic} and fails the class when an operation
 * answered a status or problem type its OpenAPI does not declare.
 */
public class ContractTrafficExtension implements BeforeAllCallback, AfterAllCallback {

  private static volatile boolean installed;

  @Override
  public void beforeAll(ExtensionContext context) {
    synchronized (ContractTrafficExtension.class) {
      if (!installed) {
        RestAssured.filters(ContractTraffic.get().filter());
        installed = true;
      }
    }
    ContractTraffic.get().drainViolations();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    ContractTraffic traffic = ContractTraffic.get();
    traffic.writeReport(ProjectPaths.root().resolve("system-tests/target/contract-traffic.tsv"));
    List<String> violations = traffic.drainViolations();
    if (!violations.isEmpty()) {
      throw new AssertionError(
          "Answers the OpenAPI (docs/openapi.yaml) does not declare, in "
              + context.getDisplayName()
              + ":\n  "
              + String.join("\n  ", violations.stream().distinct().toList()));
    }
  }
}
