package it.percorsi.system.bench;

import it.percorsi.system.Participants;
import it.percorsi.system.Stack;
import it.percorsi.testkit.Tokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Soak: holds a steady load of registrations through the gateway (half the measured peak by
 * default) for a bounded time and prints, every interval, per service its RSS, heap in use and GC
 * pause time, the p99 of the interval, the outbox backlog of every service and the consumer lag of
 * every consumer group — lines that should stay flat. Prints; never fails.
 *
 * <p>Run: {@code ./mvnw -q -DskipTests install && ./mvnw -q -pl system-tests
 * exec:java@soak-benchmark -Dsoak.rate=40 -Dsoak.minutes=10}
 */
public final class SoakBenchmark {

  private static final int RATE = Integer.getInteger("soak.rate", 40);
  private static final int MINUTES = Integer.getInteger("soak.minutes", 10);
  private static final int EVERY = Integer.getInteger("soak.every", 30);
  private static final Pattern METRIC =
      Pattern.compile("^([a-z_]+)(\\{[^}]*})? ([0-9.eE+-]+)$", Pattern.MULTILINE);

  public static void main(String[] args) throws Exception {
    Stack stack = Stack.get();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    ExecutorService workers = Executors.newFixedThreadPool(16);
    ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    AtomicLong errors = new AtomicLong();
    Map<String, double[]> gcBefore = new HashMap<>();
    System.out.printf(
        "== soak: %d registrations/s through the gateway for %d min, a line every %d s ==%n",
        RATE, MINUTES, EVERY);
    System.out.printf(
        "%6s %7s %8s %6s  %-70s %-40s %s%n",
        "t(s)",
        "req/s",
        "p99(ms)",
        "errors",
        "RSS MiB / heap MiB / GC ms per service",
        "outbox backlog",
        "consumer lag");
    long start = System.nanoTime();
    long end = start + TimeUnit.MINUTES.toNanos(MINUTES);
    long nextSample = start + TimeUnit.SECONDS.toNanos(EVERY);
    long interval = 1_000_000_000L / RATE;
    long next = start;
    long sent = 0;
    String body = null;
    while (System.nanoTime() < end) {
      body =
          new com.fasterxml.jackson.databind.ObjectMapper()
              .writeValueAsString(Participants.body("083"));
      String payload = body;
      workers.submit(
          () -> {
            long t0 = System.nanoTime();
            try {
              HttpResponse<Void> r =
                  http.send(
                      HttpRequest.newBuilder(URI.create(stack.gateway() + "/api/participants"))
                          .header("Authorization", "Bearer " + Tokens.of("promoter-a"))
                          .header("Content-Type", "application/json")
                          .POST(HttpRequest.BodyPublishers.ofString(payload))
                          .build(),
                      HttpResponse.BodyHandlers.discarding());
              if (r.statusCode() != 201) {
                errors.incrementAndGet();
              }
            } catch (Exception e) {
              errors.incrementAndGet();
            }
            latencies.add(System.nanoTime() - t0);
          });
      sent++;
      next += interval;
      long wait = next - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      if (System.nanoTime() >= nextSample) {
        List<Long> window = new ArrayList<>();
        Long l;
        while ((l = latencies.poll()) != null) {
          window.add(l);
        }
        Collections.sort(window);
        long p99 = window.isEmpty() ? 0 : window.get((int) (window.size() * 0.99)) / 1_000_000;
        System.out.printf(
            "%6d %7.1f %8d %6d  %-70s %-40s %s%n",
            TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start),
            window.size() / (double) EVERY,
            p99,
            errors.getAndSet(0),
            services(stack, http, gcBefore),
            backlog(stack),
            lag(stack));
        nextSample += TimeUnit.SECONDS.toNanos(EVERY);
      }
    }
    workers.shutdown();
    workers.awaitTermination(60, TimeUnit.SECONDS);
    System.out.printf("== %d registrations sent ==%n", sent);
    System.exit(0);
  }

  /** "name rss/heap/gc" for every service. */
  private static String services(Stack stack, HttpClient http, Map<String, double[]> gcBefore) {
    StringBuilder out = new StringBuilder();
    for (Stack.Service s : stack.services()) {
      long rss = rssKib(s.process().pid()) / 1024;
      String metricsUrl =
          s.name().equals("gateway")
              ? stack.gatewayManagement() + "/q/metrics"
              : s.url() + "/q/metrics";
      double heap = 0;
      double gcSeconds = 0;
      try {
        String text =
            http.send(
                    HttpRequest.newBuilder(URI.create(metricsUrl)).build(),
                    HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher m = METRIC.matcher(text);
        while (m.find()) {
          String labels = m.group(2) == null ? "" : m.group(2);
          if (m.group(1).equals("jvm_memory_used_bytes") && labels.contains("area=\"heap\"")) {
            heap += Double.parseDouble(m.group(3));
          } else if (m.group(1).equals("jvm_gc_pause_seconds_sum")) {
            gcSeconds += Double.parseDouble(m.group(3));
          }
        }
      } catch (Exception e) {
        // a service without metrics: RSS only
      }
      double[] before = gcBefore.getOrDefault(s.name(), new double[] {gcSeconds});
      gcBefore.put(s.name(), new double[] {gcSeconds});
      out.append(
          String.format(
              "%s %d/%d/%d ",
              s.name().replace("-service", ""),
              rss,
              (long) (heap / (1 << 20)),
              (long) ((gcSeconds - before[0]) * 1000)));
    }
    return out.toString().trim();
  }

  private static long rssKib(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (Exception e) {
      // gone
    }
    return -1;
  }

  private static String backlog(Stack stack) {
    Map<String, Long> rows = new LinkedHashMap<>();
    for (Stack.Service s : stack.services()) {
      if (s.database() == null) {
        continue;
      }
      try (Connection c = stack.connect(s.database());
          Statement st = c.createStatement();
          ResultSet rs =
              st.executeQuery("SELECT count(*) FROM outbox_event WHERE published_at IS NULL")) {
        rs.next();
        rows.put(s.name().replace("-service", ""), rs.getLong(1));
      } catch (Exception e) {
        rows.put(s.name(), -1L);
      }
    }
    return rows.toString();
  }

  private static String lag(Stack stack) {
    Map<String, Long> lags = new LinkedHashMap<>();
    try {
      Admin admin = stack.kafka().admin();
      for (String group : List.of("dote-service", "plan-service", "placement-service")) {
        Map<TopicPartition, OffsetAndMetadata> committed =
            admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        long lag = 0;
        for (var e : admin.listOffsets(latest).all().get().entrySet()) {
          OffsetAndMetadata c = committed.get(e.getKey());
          lag += e.getValue().offset() - (c == null ? 0 : c.offset());
        }
        lags.put(group.replace("-service", ""), lag);
      }
    } catch (Exception e) {
      lags.put("error", -1L);
    }
    return lags.toString();
  }
}
