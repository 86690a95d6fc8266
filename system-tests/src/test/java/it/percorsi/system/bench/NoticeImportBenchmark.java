package it.percorsi.system.bench;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.path.json.JsonPath;
import it.percorsi.system.Stack;
import it.percorsi.testkit.Registrations;
import it.percorsi.testkit.Tokens;
import it.percorsi.testkit.UnilavNotices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The UNILAV import through the gateway on the packaged platform (not a test; it prints figures):
 * generated zips ({@link UnilavNotices#scenario}, deterministic seeds) of {@code bench.small} and
 * then {@code bench.notices} notices, about {@code bench.participants} registered participants,
 * each uploaded once; the time from the upload to the batch's COMPLETED, notices a minute, and
 * placement-service's resident memory and heap sampled every 100 ms during each import (peak), so
 * that the two sizes show whether memory grows with the upload.
 *
 * <p>Run: {@code ./mvnw -q -DskipTests install && ./mvnw -q -pl system-tests
 * exec:java@notice-import-benchmark} (knobs: {@code -Dbench.notices=10000 -Dbench.small=2000
 * -Dbench.participants=100}).
 */
public final class NoticeImportBenchmark {

  private static final int NOTICES = Integer.getInteger("bench.notices", 10_000);
  private static final int SMALL = Integer.getInteger("bench.small", 2_000);
  private static final int PARTICIPANTS = Integer.getInteger("bench.participants", 100);
  private static final Pattern HEAP =
      Pattern.compile("(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} ([0-9.E+]+)$");

  private NoticeImportBenchmark() {}

  public static void main(String[] args) throws Exception {
    System.setProperty(
        "percorsi.system.tracing", System.getProperty("percorsi.system.tracing", "false"));
    Stack stack = Stack.get();
    Stack.Service placement = stack.service("placement-service");
    LocalDate today = LocalDate.now();
    List<UnilavNotices.Participant> participants = new ArrayList<>();
    for (int i = 0; i < PARTICIPANTS; i++) {
      Map<String, Object> body = Registrations.eligible("083", today);
      given()
          .baseUri(stack.gateway())
          .auth()
          .oauth2(Tokens.of("promoter-a"))
          .contentType("application/json")
          .body(body)
          .post("/api/participants")
          .then()
          .statusCode(201);
      participants.add(UnilavNotices.Participant.of((String) body.get("taxCode")));
    }
    // placement-service learns of the participants from participant-service's events.
    Thread.sleep(5_000);
    System.out.printf(
        "%n== UNILAV import through the gateway, %d cores, %d participants ==%n",
        Runtime.getRuntime().availableProcessors(), PARTICIPANTS);
    System.out.printf(
        "  placement-service before: RSS %d MiB, heap %d MiB%n",
        rssKiB(placement.process().pid()) / 1024, heapBytes(placement.url()) / (1024 * 1024));
    run(stack, placement, 1, SMALL, today, participants.subList(0, PARTICIPANTS / 2));
    run(stack, placement, 2, NOTICES, today, participants.subList(PARTICIPANTS / 2, PARTICIPANTS));
    System.exit(0);
  }

  private static void run(
      Stack stack,
      Stack.Service placement,
      long seed,
      int notices,
      LocalDate today,
      List<UnilavNotices.Participant> participants)
      throws Exception {
    UnilavNotices.Scenario s = UnilavNotices.scenario(seed, notices, today, participants);
    Path zip = Files.createTempFile("unilav-bench-", ".zip");
    try (var out = Files.newOutputStream(zip)) {
      UnilavNotices.writeZip(s.files(), out);
    }
    long size = Files.size(zip);
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicLong peakRss = new AtomicLong();
    AtomicLong peakHeap = new AtomicLong();
    Thread sampler =
        new Thread(
            () -> {
              while (running.get()) {
                try {
                  peakRss.accumulateAndGet(rssKiB(placement.process().pid()), Math::max);
                  peakHeap.accumulateAndGet(heapBytes(placement.url()), Math::max);
                  Thread.sleep(100);
                } catch (Exception e) {
                  return;
                }
              }
            });
    sampler.start();
    long t0 = System.nanoTime();
    String location =
        given()
            .baseUri(stack.gateway())
            .auth()
            .oauth2(Tokens.of("agency-admin"))
            .config(
                RestAssured.config()
                    .encoderConfig(
                        EncoderConfig.encoderConfig()
                            .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
            .contentType("application/zip")
            .body(zip.toFile())
            .post("/api/hires/notices")
            .then()
            .statusCode(202)
            .extract()
            .header("Location");
    String path = location.substring(location.indexOf("/api/hires/notices/"));
    JsonPath batch;
    do {
      Thread.sleep(100);
      batch =
          given()
              .baseUri(stack.gateway())
              .auth()
              .oauth2(Tokens.of("agency-admin"))
              .get(path)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
    } while (!List.of("COMPLETED", "FAILED").contains(batch.getString("status")));
    double seconds = (System.nanoTime() - t0) / 1e9;
    running.set(false);
    sampler.join();
    Files.deleteIfExists(zip);
    System.out.printf(
        "  %,6d notices (zip %,d KiB, %d about participants): %s in %.1f s = %,.0f notices/minute;"
            + " applied %d, dropped %d, invalid %d; placement-service peak RSS %d MiB, peak heap"
            + " %d MiB%n",
        notices,
        size / 1024,
        s.aboutParticipants(),
        batch.getString("status"),
        seconds,
        notices / seconds * 60,
        batch.getInt("applied"),
        batch.getInt("droppedNonParticipants"),
        batch.getInt("invalid"),
        peakRss.get() / 1024,
        peakHeap.get() / (1024 * 1024));
  }

  private static long heapBytes(String serviceUrl) {
    try {
      String metrics = given().baseUri(serviceUrl).get("/q/metrics").asString();
      Matcher m = HEAP.matcher(metrics);
      double sum = 0;
      while (m.find()) {
        sum += Double.parseDouble(m.group(1));
      }
      return (long) sum;
    } catch (RuntimeException e) {
      return -1;
    }
  }

  private static long rssKiB(long pid) throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }
}
