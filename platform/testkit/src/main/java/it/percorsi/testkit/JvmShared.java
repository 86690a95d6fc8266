package it.percorsi.testkit;

import java.util.function.Supplier;

/**
 * One registry per JVM for the servers a test run starts. Quarkus may load the test kit in more
 * than one class loader (test resources and test classes), so a plain static field could start a
 * second server; the registry is the system properties, holding strings only.
 */
final class JvmShared {

  private static final String PREFIX = "percorsi.testkit.";

  private JvmShared() {}

  static String computeIfAbsent(String name, Supplier<String> creator) {
    // One lock per server that every class loader shares: the interned name. Not the system
    // properties object, so that servers started by test resources in parallel (Keycloak beside
    // PostgreSQL and Kafka) do not wait for each other.
    synchronized ((PREFIX + name).intern()) {
      String existing = System.getProperty(PREFIX + name);
      if (existing == null) {
        existing = creator.get();
        System.setProperty(PREFIX + name, existing);
      }
      return existing;
    }
  }
}
