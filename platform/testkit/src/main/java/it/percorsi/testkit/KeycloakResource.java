package it.percorsi.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Test resource: the JVM's real Keycloak with the percorsi realm; services verify its tokens. */
public class KeycloakResource implements QuarkusTestResourceLifecycleManager {

  @Override
  public Map<String, String> start() {
    return Map.of("quarkus.oidc.auth-server-url", KeycloakServer.realmUrl());
  }

  @Override
  public void stop() {
    // Keycloak lives until the JVM exits.
  }
}
