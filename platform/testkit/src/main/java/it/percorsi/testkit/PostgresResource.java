package it.percorsi.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Test resource: a fresh database on a real PostgreSQL server. Argument {@code database} names it
 * (default {@code test}).
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

  private String database = "test";

  @Override
  public void init(Map<String, String> initArgs) {
    database = initArgs.getOrDefault("database", database);
  }

  @Override
  public Map<String, String> start() {
    String url = PostgresServer.freshDatabase(database);
    return Map.of(
        "quarkus.datasource.jdbc.url", url,
        "quarkus.datasource.username", PostgresServer.USER,
        "quarkus.datasource.password", PostgresServer.PASSWORD);
  }

  @Override
  public void stop() {
    // The server lives until the JVM exits; the next run recreates the database.
  }
}
