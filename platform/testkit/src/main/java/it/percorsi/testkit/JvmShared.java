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
    // The system properties object is the one lock every class loader shares.
    synchronized (System.getProperties()) {
      String existing = System.getProperty(PREFIX + name);
      if (existing == null) {
        existing = creator.get();
        System.setProperty(PREFIX + name, existing);
      }
      return existing;
    }
  }
}
