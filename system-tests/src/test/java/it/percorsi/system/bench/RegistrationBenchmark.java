package it.percorsi.system.bench;

import it.percorsi.system.Stack;
import it.percorsi.testkit.PostgresServer;
import it.percorsi.testkit.Registrations;
import it.percorsi.testkit.Tokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code POST /participants} through the gateway at a fixed concurrency (requests/s, p50, p99),
 * beside PostgreSQL's own single-row INSERT rate measured by pgbench on the same server, with the
 * same number of clients, in the same run (not a test; it prints figures and never fails on speed).
 *
 * <p>A registration is more than an insert: token verification at the gateway and again at the
 * service, Bean Validation and the registry's rules, then one transaction that claims the
 * Idempotency-Key, claims the tax code, inserts the participant, its audit entry and its outbox
 * row; the outbox relay then publishes to Kafka on the side. The pgbench figure is the floor of one
 * round trip that commits one row; the ratio says how many such commits one registration costs.
 *
 * <p>Closed loop: each of {@code bench.concurrency} clients sends its next request when the last
 * one answered. Every server runs on 127.0.0.1 and the load generator shares the machine; the test
 * PostgreSQL runs with {@code fsync=off} and {@code synchronous_commit=off} (the test kit's
 * settings), for both measurements alike.
 *
 * <p>Run: {@code ./mvnw -q -DskipTests install && ./mvnw -q -pl system-tests
 * exec:java@registration-benchmark} (knobs: {@code -Dbench.concurrency=16 -Dbench.seconds=15
 * -Dbench.warmup=5 -Dbench.pgbench=/usr/lib/postgresql/15/bin/pgbench}).
 */
public final class RegistrationBenchmark {

  private static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 16);
  private static final int SECONDS = Integer.getInteger("bench.seconds", 15);
  private static final int WARMUP = Integer.getInteger("bench.warmup", 5);
  private static final String PGBENCH =
      System.getProperty("bench.pgbench", "/usr/lib/postgresql/15/bin/pgbench");

  /** One measurement: latencies in microseconds, throughput, refusals. */
  private record Measured(long[] micros, double perSecond, long errors, String firstError) {

    double percentileMillis(double p) {
      if (micros.length == 0) {
        return Double.NaN;
      }
      long[] sorted = micros.clone();
      Arrays.sort(sorted);
      int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
      return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1000.0;
    }
  }

  public static void main(String[] args) throws Exception {
    // Figures comparable with earlier runs: no spans unless -Dpercorsi.system.tracing=true.
    System.setProperty(
        "percorsi.system.tracing", System.getProperty("percorsi.system.tracing", "false"));
    Stack stack = Stack.get();
    String url = stack.gateway() + "/api/participants";

    System.out.printf(
        "%n[bench] warming up %d s at %d clients through %s%n", WARMUP, CONCURRENCY, url);
    register(url, WARMUP);
    Map<String, Long> cpuBefore = cpuMillis(stack);
    Measured http = register(url, SECONDS);
    Map<String, Long> cpuAfter = cpuMillis(stack);
    Measured sql = pgbench();

    System.out.println();
    System.out.printf(
        "== POST /participants through the gateway: %d clients, %d s, %d cores ==%n",
        CONCURRENCY, SECONDS, Runtime.getRuntime().availableProcessors());
    print("registrations", http);
    System.out.printf(
        "== PostgreSQL single-row INSERT, pgbench: %d clients, %d s, same server ==%n",
        CONCURRENCY, SECONDS);
    print("inserts", sql);
    System.out.printf(
        "== one registration ~ %.1f single-row inserts of throughput ==%n",
        sql.perSecond() / http.perSecond());
    System.out.println("== CPU per registration during the gateway run, by process ==");
    long n = Math.max(1, http.micros().length);
    cpuAfter.forEach(
        (name, after) ->
            System.out.printf(
                "  %-34s %6.2f ms%n",
                name, (after - cpuBefore.getOrDefault(name, 0L)) / (double) n));
    System.exit(0);
  }

  /**
   * CPU time (user + system) so far of each process of the run, grouped: the services, PostgreSQL
   * (postmaster and backends), Keycloak, and this JVM (the Kafka broker and the load generator).
   * Finished backends are not counted, but the services keep their pooled connections.
   */
  private static Map<String, Long> cpuMillis(Stack stack) {
    Map<Long, String> names = new HashMap<>();
    for (Stack.Service s : stack.services()) {
      names.put(s.process().pid(), s.name());
    }
    Map<String, Long> cpu = new TreeMap<>();
    // The embedded server detaches from this JVM (pg_ctl): find its postmaster by port.
    String port = "-p " + PostgresServer.port();
    ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().orElse("").contains(port))
        .filter(p -> p.info().commandLine().orElse("").contains("postgres"))
        .forEach(
            pm -> {
              cpu.merge("PostgreSQL", ticks(pm.pid()), Long::sum);
              pm.descendants().forEach(b -> cpu.merge("PostgreSQL", ticks(b.pid()), Long::sum));
            });
    ProcessHandle self = ProcessHandle.current();
    cpu.merge("this JVM (Kafka broker, load)", ticks(self.pid()), Long::sum);
    self.descendants()
        .forEach(
            p -> {
              String cmd = p.info().commandLine().orElse("");
              String name =
                  names.getOrDefault(
                      p.pid(),
                      cmd.contains("postgres")
                          ? "PostgreSQL"
                          : cmd.contains("keycloak") ? "Keycloak" : "other");
              cpu.merge(name, ticks(p.pid()), Long::sum);
            });
    return cpu;
  }

  /** utime + stime of a process in milliseconds, from /proc (clock ticks of 10 ms). */
  private static long ticks(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  private static void print(String what, Measured m) {
    System.out.printf(
        "  %-13s %8.1f /s   p50 %7.2f ms   p99 %7.2f ms   n=%d   refused=%d%s%n",
        what,
        m.perSecond(),
        m.percentileMillis(50),
        m.percentileMillis(99),
        m.micros().length,
        m.errors(),
        m.firstError() == null ? "" : "   first refusal: " + m.firstError());
  }

  /** Registrations in a closed loop for {@code seconds}, each with its own Idempotency-Key. */
  private static Measured register(String url, int seconds) throws InterruptedException {
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    List<List<Long>> perClient = new ArrayList<>();
    AtomicLong errors = new AtomicLong();
    String[] firstError = new String[1];
    List<Thread> clients = new ArrayList<>();
    long started = System.nanoTime();
    for (int c = 0; c < CONCURRENCY; c++) {
      List<Long> micros = new ArrayList<>();
      perClient.add(micros);
      Thread t =
          new Thread(
              () -> {
                while (System.nanoTime() < deadline) {
                  HttpRequest request =
                      HttpRequest.newBuilder(URI.create(url))
                          .timeout(Duration.ofSeconds(30))
                          .header("Authorization", "Bearer " + Tokens.of("promoter-a"))
                          .header("Content-Type", "application/json")
                          .header("Idempotency-Key", UUID.randomUUID().toString())
                          .POST(HttpRequest.BodyPublishers.ofString(body()))
                          .build();
                  long t0 = System.nanoTime();
                  try {
                    HttpResponse<String> r =
                        http.send(request, HttpResponse.BodyHandlers.ofString());
                    long us = (System.nanoTime() - t0) / 1000;
                    if (r.statusCode() == 201) {
                      micros.add(us);
                    } else {
                      refused(errors, firstError, r.statusCode() + " " + r.body());
                    }
                  } catch (IOException e) {
                    refused(errors, firstError, e.toString());
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                  }
                }
              },
              "bench-client-" + c);
      clients.add(t);
      t.start();
    }
    for (Thread t : clients) {
      t.join();
    }
    double elapsed = (System.nanoTime() - started) / 1e9;
    long[] all = perClient.stream().flatMap(List::stream).mapToLong(Long::longValue).toArray();
    return new Measured(all, all.length / elapsed, errors.get(), firstError[0]);
  }

  private static synchronized void refused(AtomicLong errors, String[] first, String what) {
    errors.incrementAndGet();
    if (first[0] == null) {
      first[0] = what.length() > 160 ? what.substring(0, 160) : what;
    }
  }

  /** A valid registration of an adult with a fresh provisional tax code. */
  private static String body() {
    String code = Registrations.provisionalTaxCode();
    return """
        {"taxCode":"%s","givenName":"Bench","familyName":"Mark","birthDate":"2005-03-14",\
        "sex":"M","nationality":"GIN","arrivalDate":"2021-06-02",\
        "enteredAsUnaccompaniedMinor":true,"residenceProvince":"083",\
        "employmentStatus":"UNEMPLOYED"}"""
        .formatted(code);
  }

  /**
   * pgbench on the stack's PostgreSQL: one INSERT of one row of a participant-sized table per
   * transaction, the same clients and duration; latencies from pgbench's per-transaction log.
   */
  private static Measured pgbench() throws Exception {
    String db = "bench_pgbench";
    PostgresServer.freshDatabase(db);
    try (Connection c =
            DriverManager.getConnection(
                PostgresServer.jdbcUrl(db), PostgresServer.USER, PostgresServer.PASSWORD);
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE registration_like (id UUID PRIMARY KEY, tax_code VARCHAR(16) NOT NULL,"
              + " given_name VARCHAR(100), family_name VARCHAR(100), birth_date DATE,"
              + " province_code CHAR(3), owner_org_id VARCHAR(100), registered_at TIMESTAMPTZ)");
      s.execute("CREATE UNIQUE INDEX registration_like_tax_code ON registration_like (tax_code)");
    }
    Path dir = Files.createTempDirectory("pgbench");
    Path script = dir.resolve("insert.sql");
    Files.writeString(
        script,
        "INSERT INTO registration_like VALUES (gen_random_uuid(),"
            + " substr(md5(random()::text), 1, 16), 'Bench', 'Mark', DATE '2005-03-14', '083',"
            + " 'ORG-PROMOTER-A', now());\n");
    ProcessBuilder pb =
        new ProcessBuilder(
            PGBENCH,
            "-h",
            "127.0.0.1",
            "-p",
            String.valueOf(PostgresServer.port()),
            "-U",
            PostgresServer.USER,
            "-n",
            "-c",
            String.valueOf(CONCURRENCY),
            "-j",
            String.valueOf(Math.min(CONCURRENCY, Runtime.getRuntime().availableProcessors())),
            "-T",
            String.valueOf(SECONDS),
            "-f",
            script.toString(),
            "-l",
            "--log-prefix=" + dir.resolve("txn"),
            db);
    pb.environment().put("PGPASSWORD", PostgresServer.PASSWORD);
    pb.directory(dir.toFile()).redirectErrorStream(true);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException("pgbench failed:\n" + out);
    }
    Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(out);
    Matcher failed = Pattern.compile("number of failed transactions: ([0-9]+)").matcher(out);
    long[] micros;
    try (Stream<Path> logs = Files.list(dir)) {
      micros =
          logs.filter(f -> f.getFileName().toString().startsWith("txn"))
              .flatMap(RegistrationBenchmark::lines)
              // client_id transaction_no time_us script_no time_epoch time_us_fraction
              .mapToLong(l -> Long.parseLong(l.split(" ")[2]))
              .toArray();
    }
    if (!tps.find()) {
      throw new IllegalStateException("no tps in pgbench's output:\n" + out);
    }
    return new Measured(
        micros,
        Double.parseDouble(tps.group(1)),
        failed.find() ? Long.parseLong(failed.group(1)) : 0,
        null);
  }

  private static Stream<String> lines(Path f) {
    try {
      return Files.readAllLines(f).stream().filter(l -> !l.isBlank());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
