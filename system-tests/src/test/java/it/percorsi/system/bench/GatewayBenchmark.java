package it.percorsi.system.bench;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import it.percorsi.system.GatewayMetrics;
import it.percorsi.system.Participants;
import it.percorsi.system.Stack;
import it.percorsi.testkit.Ports;
import it.percorsi.testkit.ProjectPaths;
import it.percorsi.testkit.Tokens;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The gateway's cost, measured side by side in one run on this machine (not a test; it prints
 * figures and never fails on speed): a database-backed read ({@code GET /participants/{id}}) and
 * the participant registration ({@code POST /participants}), each straight to participant-service,
 * through the gateway with token checks on, through the same gateway with token checks off, and
 * through nginx (Debian's package) as a plain reverse proxy to the same service. First at full load
 * (fixed concurrency, closed loop), then at half of the direct throughput (paced) for the latency
 * the gateway adds. Also the requests each gateway sent to Keycloak during the run.
 *
 * <p>Every server runs on 127.0.0.1; the load generator is a Vert.x client with a fixed number of
 * requests in flight, bounded in time. Services and gateways run with full JIT, unlike in the
 * tests; the load generator shares the same two cores: compare the rows, not the absolutes.
 *
 * <p>Run: {@code ./mvnw -q -DskipTests install && ./mvnw -q -pl system-tests
 * exec:java@gateway-benchmark} (knobs: {@code -Dbench.concurrency=16 -Dbench.seconds=12
 * -Dbench.rounds=3 -Dbench.warmup=5 -Dpercorsi.system.jvm="-Xmx512m -XX:+UseParallelGC"}).
 */
public final class GatewayBenchmark {

  private static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 16);
  private static final Duration MEASURE =
      Duration.ofSeconds(Integer.getInteger("bench.seconds", 12));
  private static final Duration WARMUP = Duration.ofSeconds(Integer.getInteger("bench.warmup", 5));
  private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
  private static final long MAX_REQUESTS = 2_000_000;

  /** One place requests go to: its base (the service's own paths follow it). */
  record Target(String name, String base, String management) {}

  /** What one measurement saw. */
  record Result(long ok, long errors, double seconds, long[] latencies, String firstError) {

    double perSecond() {
      return ok / seconds;
    }

    Result plus(Result other) {
      long[] all = Arrays.copyOf(latencies, latencies.length + other.latencies.length);
      System.arraycopy(other.latencies, 0, all, latencies.length, other.latencies.length);
      Arrays.sort(all);
      return new Result(
          ok + other.ok,
          errors + other.errors,
          seconds + other.seconds,
          all,
          firstError != null ? firstError : other.firstError);
    }

    double percentileMillis(double p) {
      if (latencies.length == 0) {
        return Double.NaN;
      }
      int i = (int) Math.ceil(p / 100.0 * latencies.length) - 1;
      return latencies[Math.max(0, Math.min(latencies.length - 1, i))] / 1e6;
    }
  }

  /** The operation measured: builds each request's path and body. */
  interface Operation {
    String name();

    HttpMethod method();

    String path();

    Buffer body();
  }

  public static void main(String[] args) throws Exception {
    // The services and gateways as they run in production (full JIT), not as in tests.
    System.setProperty(
        "percorsi.system.jvm",
        System.getProperty("percorsi.system.jvm", "-Xmx512m -XX:+UseParallelGC"));
    // Figures comparable with earlier runs: no spans unless -Dpercorsi.system.tracing=true.
    System.setProperty(
        "percorsi.system.tracing", System.getProperty("percorsi.system.tracing", "false"));
    Stack stack = Stack.get();
    Map<String, String> unlimited =
        Map.of("RATE_LIMIT_BURST", "100000000", "RATE_LIMIT_PER_SECOND", "100000000");
    int onManagement = Ports.free();
    int offManagement = Ports.free();
    Stack.Service checked = stack.startGateway("gateway-bench-checks-on", unlimited, onManagement);
    Map<String, String> off = new LinkedHashMap<>(unlimited);
    off.put("GATEWAY_TOKEN_CHECKS", "false");
    Stack.Service unchecked = stack.startGateway("gateway-bench-checks-off", off, offManagement);
    String service = stack.service("participant-service").url();
    Nginx nginx = Nginx.start(URI.create(service));
    Vertx vertx = Vertx.vertx();
    try {
      List<Target> targets = new ArrayList<>();
      targets.add(new Target("direct to the service", service, null));
      targets.add(
          new Target(
              "gateway, token checks on",
              checked.url() + "/api",
              "http://127.0.0.1:" + onManagement));
      targets.add(
          new Target(
              "gateway, token checks off",
              unchecked.url() + "/api",
              "http://127.0.0.1:" + offManagement));
      if (nginx != null) {
        targets.add(new Target("nginx reverse proxy", nginx.url() + "/api", null));
      }
      Map<Target, Long> keycloakBefore = new LinkedHashMap<>();
      for (Target t : targets) {
        if (t.management() != null) {
          keycloakBefore.put(t, GatewayMetrics.keycloakCalls(t.management()));
        }
      }
      List<String> ids = register(vertx, service, 500);
      List<Operation> operations = List.of(read(ids), register());
      System.out.printf(
          "%n== gateway benchmark: concurrency %d, %d s per row in %d rounds, after %d s warm-up"
              + " ==%n",
          CONCURRENCY, MEASURE.toSeconds(), ROUNDS, WARMUP.toSeconds());
      for (Operation op : operations) {
        // Warm every path (and the service's JIT) before measuring any of them.
        for (Target t : targets) {
          run(vertx, t, op, 0, WARMUP);
        }
        Map<Target, Result> full = rounds(vertx, targets, op, 0);
        double direct = full.get(targets.get(0)).perSecond();
        System.out.printf("%n%s — full load%n", op.name());
        System.out.printf(
            "  %-28s %9s %8s %8s %7s %10s%n",
            "", "req/s", "p50 ms", "p99 ms", "errors", "vs direct");
        full.forEach(
            (t, r) ->
                System.out.printf(
                    "  %-28s %9.0f %8.2f %8.2f %7d %9.2fx%s%n",
                    t.name(),
                    r.perSecond(),
                    r.percentileMillis(50),
                    r.percentileMillis(99),
                    r.errors(),
                    r.perSecond() / direct,
                    r.firstError() == null ? "" : "  first error: " + r.firstError()));
        System.out.printf(
            "  gateway with checks / without: %.2fx%n",
            full.get(targets.get(1)).perSecond() / full.get(targets.get(2)).perSecond());

        double half = direct / 2;
        System.out.printf("%s — half load (%.0f req/s, paced)%n", op.name(), half);
        System.out.printf(
            "  %-28s %9s %8s %8s %14s%n", "", "req/s", "p50 ms", "p99 ms", "added p99 ms");
        Map<Target, Result> paced = rounds(vertx, targets, op, half);
        Result base = paced.get(targets.get(0));
        for (Target t : targets) {
          Result r = paced.get(t);
          System.out.printf(
              "  %-28s %9.0f %8.2f %8.2f %14.2f%n",
              t.name(),
              r.perSecond(),
              r.percentileMillis(50),
              r.percentileMillis(99),
              r.percentileMillis(99) - base.percentileMillis(99));
        }
      }
      System.out.printf("%nRequests the gateways sent to Keycloak%n");
      keycloakBefore.forEach(
          (t, before) -> {
            long after = GatewayMetrics.keycloakCalls(t.management());
            System.out.printf(
                "  %-28s during the run: %d   since start: %d%n", t.name(), after - before, after);
          });
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      if (nginx != null) {
        nginx.stop();
      }
      stop(checked);
      stop(unchecked);
    }
    System.exit(0);
  }

  /**
   * Measures every target in {@link #ROUNDS} alternating rounds and merges each target's rounds, so
   * that drift during the run (JIT, background work of the services) spreads over all rows.
   */
  private static Map<Target, Result> rounds(
      Vertx vertx, List<Target> targets, Operation op, double perSecond) throws Exception {
    Map<Target, Result> merged = new LinkedHashMap<>();
    Duration each = MEASURE.dividedBy(ROUNDS);
    for (int round = 0; round < ROUNDS; round++) {
      for (Target t : targets) {
        Result r = run(vertx, t, op, perSecond, each);
        merged.merge(t, r, Result::plus);
      }
    }
    return merged;
  }

  private static Operation read(List<String> ids) {
    return new Operation() {
      public String name() {
        return "GET /participants/{id} (database read)";
      }

      public HttpMethod method() {
        return HttpMethod.GET;
      }

      public String path() {
        return "/participants/" + ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
      }

      public Buffer body() {
        return null;
      }
    };
  }

  private static Operation register() {
    return new Operation() {
      public String name() {
        return "POST /participants (registration)";
      }

      public HttpMethod method() {
        return HttpMethod.POST;
      }

      public String path() {
        return "/participants";
      }

      public Buffer body() {
        return Buffer.buffer(new JsonObject(Participants.body("083")).encode());
      }
    };
  }

  /** Registers {@code count} participants straight at the service, for the reads. */
  private static List<String> register(Vertx vertx, String service, int count) throws Exception {
    List<String> ids = new ArrayList<>();
    HttpClient client = vertx.createHttpClient();
    String token = Tokens.of("promoter-a");
    URI base = URI.create(service);
    for (int i = 0; i < count; i++) {
      Buffer body = Buffer.buffer(new JsonObject(Participants.body("083")).encode());
      Buffer answer =
          client
              .request(options(base, HttpMethod.POST, "/participants", token))
              .compose(req -> req.send(body))
              .compose(res -> res.body())
              .toCompletionStage()
              .toCompletableFuture()
              .get(10, TimeUnit.SECONDS);
      ids.add(answer.toJsonObject().getString("id"));
    }
    client.close();
    return ids;
  }

  /**
   * Runs {@code op} against {@code target} for {@code duration} with {@link #CONCURRENCY} requests
   * in flight; with {@code perSecond > 0} each in-flight slot is paced so the total stays at that
   * rate.
   */
  private static Result run(Vertx vertx, Target target, Operation op, double perSecond, Duration d)
      throws Exception {
    String token = Tokens.of("promoter-a");
    URI base = URI.create(target.base());
    HttpClient client =
        vertx.createHttpClient(
            new HttpClientOptions().setKeepAlive(true).setConnectTimeout(2_000),
            new PoolOptions().setHttp1MaxSize(CONCURRENCY));
    long start = System.nanoTime();
    long end = start + d.toNanos();
    long intervalNanos = perSecond > 0 ? (long) (CONCURRENCY * 1e9 / perSecond) : 0;
    List<Slot> slots = new ArrayList<>();
    AtomicLong ok = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    String[] firstError = new String[1];
    List<CompletableFuture<Void>> finished = new ArrayList<>();
    for (int s = 0; s < CONCURRENCY; s++) {
      CompletableFuture<Void> done = new CompletableFuture<>();
      finished.add(done);
      Slot slot =
          new Slot(
              vertx, client, base, token, op, end, intervalNanos, ok, errors, firstError, done);
      slots.add(slot);
      long offset = intervalNanos * s / CONCURRENCY;
      vertx.runOnContext(v -> slot.next(start + offset));
    }
    CompletableFuture.allOf(finished.toArray(CompletableFuture[]::new))
        .get(d.toSeconds() + 30, TimeUnit.SECONDS);
    double seconds = (System.nanoTime() - start) / 1e9;
    client.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    long[] all = slots.stream().flatMapToLong(slot -> Arrays.stream(slot.latencies)).toArray();
    Arrays.sort(all);
    return new Result(ok.get(), errors.get(), seconds, all, firstError[0]);
  }

  /** One request in flight at a time, again and again until the end. */
  private static final class Slot {
    private final Vertx vertx;
    private final HttpClient client;
    private final URI base;
    private final String token;
    private final Operation op;
    private final long end;
    private final long interval;
    private final AtomicLong ok;
    private final AtomicLong errors;
    private final String[] firstError;
    private final CompletableFuture<Void> done;
    private long[] latencies = new long[1024];
    private int count;

    Slot(
        Vertx vertx,
        HttpClient client,
        URI base,
        String token,
        Operation op,
        long end,
        long interval,
        AtomicLong ok,
        AtomicLong errors,
        String[] firstError,
        CompletableFuture<Void> done) {
      this.vertx = vertx;
      this.client = client;
      this.base = base;
      this.token = token;
      this.op = op;
      this.end = end;
      this.interval = interval;
      this.ok = ok;
      this.errors = errors;
      this.firstError = firstError;
      this.done = done;
    }

    void next(long due) {
      long now = System.nanoTime();
      if (now >= end || ok.get() + errors.get() >= MAX_REQUESTS) {
        latencies = Arrays.copyOf(latencies, count);
        done.complete(null);
        return;
      }
      long wait = due - now;
      if (wait > 1_000_000) {
        vertx.setTimer(wait / 1_000_000, id -> send(due));
      } else {
        send(due);
      }
    }

    private void send(long due) {
      long sent = System.nanoTime();
      Buffer body = op.body();
      client
          .request(options(base, op.method(), op.path(), token))
          .compose(req -> body == null ? req.send() : req.send(body))
          .compose(
              res ->
                  res.body().map(b -> res.statusCode() < 300 ? null : res.statusCode() + " " + b))
          .onComplete(
              ar -> {
                long took = System.nanoTime() - sent;
                if (ar.succeeded() && ar.result() == null) {
                  ok.incrementAndGet();
                  if (count == latencies.length) {
                    latencies = Arrays.copyOf(latencies, count * 2);
                  }
                  latencies[count++] = took;
                } else {
                  errors.incrementAndGet();
                  synchronized (firstError) {
                    if (firstError[0] == null) {
                      firstError[0] =
                          ar.succeeded() ? ar.result() : String.valueOf(ar.cause().getMessage());
                    }
                  }
                }
                next(interval > 0 ? Math.max(due + interval, System.nanoTime() - interval) : 0);
              });
    }
  }

  private static RequestOptions options(URI base, HttpMethod method, String path, String token) {
    RequestOptions o =
        new RequestOptions()
            .setMethod(method)
            .setHost(base.getHost())
            .setPort(base.getPort())
            .setURI((base.getPath() == null ? "" : base.getPath()) + path)
            .setIdleTimeout(10_000)
            .putHeader("Authorization", "Bearer " + token);
    if (method == HttpMethod.POST) {
      o.putHeader("Content-Type", "application/json");
    }
    return o;
  }

  private static void stop(Stack.Service s) {
    s.process().destroy();
    try {
      if (!s.process().waitFor(10, TimeUnit.SECONDS)) {
        s.process().destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** nginx from Debian's package as a plain reverse proxy, configured and run under .run/. */
  private static final class Nginx {
    private final Process process;
    private final int port;

    private Nginx(Process process, int port) {
      this.process = process;
      this.port = port;
    }

    String url() {
      return "http://127.0.0.1:" + port;
    }

    static Nginx start(URI upstream) throws IOException, InterruptedException {
      Path binary = Path.of("/usr/sbin/nginx");
      if (!Files.isExecutable(binary)) {
        System.out.println("[bench] nginx missing: apt-get install -y nginx-light");
        new ProcessBuilder("apt-get", "install", "-y", "-q", "nginx-light")
            .inheritIO()
            .start()
            .waitFor(300, TimeUnit.SECONDS);
      }
      if (!Files.isExecutable(binary)) {
        System.out.println("[bench] no nginx: its rows are left out");
        return null;
      }
      Path dir = Files.createDirectories(ProjectPaths.root().resolve(".run/bench-nginx"));
      Files.createDirectories(dir.resolve("logs"));
      int port = Ports.free();
      String conf =
          """
          # Generated by GatewayBenchmark: a plain reverse proxy, loopback only.
          worker_processes auto;
          user root;
          daemon off;
          pid %1$s/nginx.pid;
          error_log %1$s/logs/error.log warn;
          events { worker_connections 1024; }
          http {
            access_log off;
            client_body_temp_path %1$s/body;
            proxy_temp_path %1$s/proxy;
            fastcgi_temp_path %1$s/fastcgi;
            uwsgi_temp_path %1$s/uwsgi;
            scgi_temp_path %1$s/scgi;
            upstream service { server %2$s:%3$d; keepalive 64; }
            server {
              listen 127.0.0.1:%4$d;
              client_max_body_size 1m;
              location /api/ {
                proxy_pass http://service/;
                proxy_http_version 1.1;
                proxy_set_header Connection "";
              }
            }
          }
          """
              .formatted(dir, upstream.getHost(), upstream.getPort(), port);
      Path file = dir.resolve("nginx.conf");
      Files.writeString(file, conf);
      Process p =
          new ProcessBuilder(binary.toString(), "-p", dir.toString(), "-c", file.toString())
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("logs/stdout.log").toFile())
              .start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!Ports.inUse(port) && System.nanoTime() < deadline && p.isAlive()) {
        Thread.sleep(100);
      }
      if (!p.isAlive()) {
        System.out.println("[bench] nginx did not start; see " + dir.resolve("logs"));
        return null;
      }
      return new Nginx(p, port);
    }

    void stop() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}
