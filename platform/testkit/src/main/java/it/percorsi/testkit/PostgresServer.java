package it.percorsi.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL server for the test JVM, started from jars (no install, no Docker): one per
 * JVM, stopped when the JVM exits. Each test run gets a fresh database.
 */
public final class PostgresServer {

  public static final String USER = "postgres";
  public static final String PASSWORD = "postgres";

  private PostgresServer() {}

  /** Port of the JVM's server, started on first use. */
  public static int port() {
    return Integer.parseInt(JvmShared.computeIfAbsent("postgres", PostgresServer::startServer));
  }

  private static String startServer() {
    long begun = System.nanoTime();
    EmbeddedPostgres server;
    try {
      server =
          EmbeddedPostgres.builder()
              .setPort(Ports.free())
              .setServerConfig("max_connections", "200")
              .setServerConfig("fsync", "off")
              .setServerConfig("synchronous_commit", "off")
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded PostgreSQL server", e);
    }
    EmbeddedPostgres started = server;
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    started.close();
                  } catch (IOException ignored) {
                    // the JVM is exiting
                  }
                }));
    System.out.printf(
        "[testkit] PostgreSQL ready on port %d in %d ms%n",
        server.getPort(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begun));
    return String.valueOf(server.getPort());
  }

  public static String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
  }

  /** Drops and creates {@code database}, returning its JDBC URL. */
  public static String freshDatabase(String database) {
    String url = jdbcUrl("postgres");
    try (Connection c = DriverManager.getConnection(url, USER, PASSWORD);
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS \"" + database + "\" WITH (FORCE)");
      s.execute("CREATE DATABASE \"" + database + "\"");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database " + database, e);
    }
    return jdbcUrl(database);
  }
}
