package it.percorsi.webhook.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A partner's webhook receiver: a real HTTP server on 127.0.0.1 (allowed in sandbox mode) that
 * records every call and answers what a test scripted for the path (else 200).
 */
public final class Receiver implements AutoCloseable {

  /** One call as received; header names are case-insensitive. */
  public record Call(String path, Map<String, List<String>> headers, String body, Instant at) {
    public String header(String name) {
      List<String> v = headers.get(name);
      return v == null || v.isEmpty() ? null : v.get(0);
    }
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Map<String, Deque<int[]>> scripted = new ConcurrentHashMap<>();
  private final Map<String, Long> delays = new ConcurrentHashMap<>();

  public Receiver() {
    this(8);
  }

  /** A receiver answering {@code threads} calls at once. */
  public Receiver(int threads) {
    executor = Executors.newFixedThreadPool(threads);
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** The next calls to {@code path} answer these statuses, in order; then 200. */
  public void answer(String path, int... statuses) {
    Deque<int[]> q = scripted.computeIfAbsent(path, p -> new ArrayDeque<>());
    synchronized (q) {
      for (int s : statuses) {
        q.add(new int[] {s, -1});
      }
    }
  }

  /** The next call to {@code path} answers {@code status} with Retry-After: seconds. */
  public void answerRetryAfter(String path, int status, int seconds) {
    Deque<int[]> q = scripted.computeIfAbsent(path, p -> new ArrayDeque<>());
    synchronized (q) {
      q.add(new int[] {status, seconds});
    }
  }

  /** Every call to {@code path} takes this long to answer. */
  public void slow(String path, long millis) {
    delays.put(path, millis);
  }

  public List<Call> calls(String path) {
    return calls.stream().filter(c -> c.path().equals(path)).toList();
  }

  private void handle(HttpExchange x) throws IOException {
    String path = x.getRequestURI().getPath();
    String body;
    try (InputStream in = x.getRequestBody()) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    x.getRequestHeaders().forEach((k, v) -> headers.put(k, List.copyOf(v)));
    Long delay = delays.get(path);
    if (delay != null) {
      try {
        Thread.sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    int[] answer = {200, -1};
    Deque<int[]> q = scripted.get(path);
    if (q != null) {
      synchronized (q) {
        if (!q.isEmpty()) {
          answer = q.poll();
        }
      }
    }
    calls.add(new Call(path, headers, body, Instant.now()));
    if (answer[1] >= 0) {
      x.getResponseHeaders().add("Retry-After", Integer.toString(answer[1]));
    }
    byte[] out = "ok".getBytes(StandardCharsets.UTF_8);
    x.sendResponseHeaders(answer[0], out.length);
    try (OutputStream o = x.getResponseBody()) {
      o.write(out);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
