package it.percorsi.dote.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import it.percorsi.dote.support.DoteFixtures;
import it.percorsi.dote.support.RealInfrastructure;
import it.percorsi.testkit.Tokens;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test (its name keeps it out of the default test run): applications per second
 * and latency when 2,000 applications race for 1,500 places, beside the same run with places for
 * everyone. Prints figures; checks only that the quota was never exceeded.
 *
 * <p>Run: {@code ./mvnw -pl dote-service test -Dtest=QuotaContentionBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false} (after {@code ./mvnw -DskipTests install}).
 */
@QuarkusTest
@RealInfrastructure
class QuotaContentionBenchmark {

  private static final int APPLICATIONS = Integer.getInteger("bench.applications", 2000);
  private static final int PLACES = Integer.getInteger("bench.places", 1500);
  private static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 32);

  @TestHTTPResource("/dotes")
  URL dotes;

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void applicationsUnderAndWithoutContention() throws Exception {
    run("warm-up (not reported)", 200, 200);
    String contended =
        run("contention: " + APPLICATIONS + " for " + PLACES + " places", APPLICATIONS, PLACES);
    String free =
        run(
            "no contention: " + APPLICATIONS + " for " + APPLICATIONS + " places",
            APPLICATIONS,
            APPLICATIONS);
    System.out.println();
    System.out.println("== dote applications, concurrency " + CONCURRENCY + " ==");
    System.out.println(contended);
    System.out.println(free);
  }

  private String run(String label, int applications, int places) throws Exception {
    String programme = DoteFixtures.published(DoteFixtures.programme(Map.of("19", places), null));
    List<UUID> participants = new ArrayList<>();
    for (int i = 0; i < applications; i++) {
      participants.add(DoteFixtures.participant("19", "083", "ORG-PROMOTER-A"));
    }
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    String token = Tokens.of("promoter-a");
    ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
    long t0 = System.nanoTime();
    for (UUID p : participants) {
      pool.submit(
          () -> {
            long s = System.nanoTime();
            try {
              HttpResponse<Void> r =
                  http.send(
                      HttpRequest.newBuilder(URI.create(dotes.toString()))
                          .header("Authorization", "Bearer " + token)
                          .header("Content-Type", "application/json")
                          .POST(
                              HttpRequest.BodyPublishers.ofString(
                                  json.writeValueAsString(DoteFixtures.application(programme, p))))
                          .build(),
                      HttpResponse.BodyHandlers.discarding());
              statuses.merge(r.statusCode(), 1, Integer::sum);
            } catch (Exception e) {
              statuses.merge(-1, 1, Integer::sum);
            }
            latencies.add(System.nanoTime() - s);
          });
    }
    pool.shutdown();
    pool.awaitTermination(10, TimeUnit.MINUTES);
    double seconds = (System.nanoTime() - t0) / 1e9;
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    int assigned = statuses.getOrDefault(201, 0);
    if (assigned > places) {
      throw new AssertionError("quota exceeded: " + assigned + " > " + places);
    }
    return String.format(
        "  %-40s %6.0f applications/s  p50 %6.1f ms  p99 %6.1f ms  (201: %d, 409: %d, other: %d)",
        label,
        applications / seconds,
        pct(sorted, 50) / 1e6,
        pct(sorted, 99) / 1e6,
        assigned,
        statuses.getOrDefault(409, 0),
        applications - assigned - statuses.getOrDefault(409, 0));
  }

  private static long pct(List<Long> sorted, int p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
  }
}
