package it.percorsi.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

  /** How a restart takes the server down. */
  public enum Shutdown {
    /** {@code SIGINT} to the postmaster: PostgreSQL's fast shutdown (rolls back, disconnects). */
    FAST,
    /** {@code SIGKILL} to the postmaster: a crash; its backends die after it, then recovery. */
    KILL
  }

  /**
   * Takes the JVM's server down as {@code how} says, then starts it again with the same command
   * line (same data directory, port and settings) and waits until it accepts connections: for
   * fault-injection tests. Clients see their connections broken and the port refusing meanwhile.
   *
   * @return milliseconds the server was unreachable (down plus start-up)
   */
  public static long restart(Shutdown how) {
    try {
      Path data;
      try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD);
          Statement st = c.createStatement();
          java.sql.ResultSet rs = st.executeQuery("SHOW data_directory")) {
        rs.next();
        data = Path.of(rs.getString(1));
      }
      long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
      ProcessHandle postmaster =
          ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no postmaster"));
      List<String> command = commandLine(pid);
      List<ProcessHandle> backends = postmaster.descendants().toList();
      long down = System.nanoTime();
      signal(pid, how == Shutdown.FAST ? "INT" : "KILL");
      postmaster.onExit().get(60, TimeUnit.SECONDS);
      for (ProcessHandle b : backends) {
        // After a crash each backend notices the postmaster is gone; give them time, then force.
        try {
          b.onExit().get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
          b.destroyForcibly();
        }
      }
      if ("root".equals(System.getProperty("user.name"))) {
        // As the embedded server itself was started: PostgreSQL refuses to run as root, so it
        // runs in a user namespace (unshare -U) where it is not.
        command.addAll(0, List.of("unshare", "-U"));
      }
      ProcessBuilder pb = new ProcessBuilder(command);
      pb.redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("restarts.log").toFile()));
      pb.start();
      awaitAccepting(Duration.ofSeconds(60));
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - down);
      System.out.printf("[testkit] PostgreSQL %s restart: back after %d ms%n", how, millis);
      return millis;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException | java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("cannot restart PostgreSQL", e);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("PostgreSQL did not stop in time", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static List<String> commandLine(long pid) throws IOException {
    byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
    List<String> args = new ArrayList<>();
    int from = 0;
    for (int i = 0; i < raw.length; i++) {
      if (raw[i] == 0) {
        args.add(new String(raw, from, i - from, StandardCharsets.UTF_8));
        from = i + 1;
      }
    }
    if (args.isEmpty()) {
      throw new IllegalStateException("no command line for the postmaster " + pid);
    }
    return args;
  }

  private static void signal(long pid, String signal) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start();
    if (kill.waitFor() != 0) {
      throw new IllegalStateException("kill -" + signal + " " + pid + " failed");
    }
  }

  private static void awaitAccepting(Duration within) throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    SQLException last = null;
    while (System.nanoTime() < deadline) {
      try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD)) {
        return;
      } catch (SQLException e) {
        last = e;
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException("PostgreSQL not accepting connections after restart", last);
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
