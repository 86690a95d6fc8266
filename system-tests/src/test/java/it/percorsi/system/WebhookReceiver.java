package it.percorsi.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A partner's webhook receiver in the test: a real HTTP server on 127.0.0.1 (allowed in sandbox
 * mode). Every call is checked with the Standard Webhooks library against the secret of its path
 * and recorded with the outcome; the server answers 200 when the signature holds, else 401.
 */
final class WebhookReceiver implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One call as received: its webhook-id, the CloudEvent body, whether its signature held. */
  record Call(String path, String webhookId, JsonNode event, boolean verified, Instant at) {
    String type() {
      return event.path("type").asText();
    }

    String subject() {
      return event.path("subject").asText();
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(8);
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Map<String, String> secrets = new ConcurrentHashMap<>();
  private final Map<String, Long> delays = new ConcurrentHashMap<>();

  WebhookReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** The signing secret the endpoint at {@code path} got at registration. */
  void secret(String path, String secret) {
    secrets.put(path, secret);
  }

  /** Every call to {@code path} takes this long to answer. */
  void slow(String path, long millis) {
    delays.put(path, millis);
  }

  List<Call> calls(String path) {
    return calls.stream().filter(c -> c.path().equals(path)).toList();
  }

  /**
   * The calls to {@code path} about {@code subject} (an aggregate), the first of each webhook-id
   * only (a receiver de-duplicates on it), in the order they arrived.
   */
  List<Call> firstCallsAbout(String path, String subject) {
    Map<String, Call> first = new LinkedHashMap<>();
    for (Call c : calls(path)) {
      if (c.subject().equals(subject)) {
        first.putIfAbsent(c.webhookId(), c);
      }
    }
    return new ArrayList<>(first.values());
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
    boolean verified;
    try {
      String secret = secrets.get(path);
      if (secret == null) {
        throw new IllegalStateException("no secret for " + path);
      }
      new Webhook(secret).verify(body, headers);
      verified = true;
    } catch (Exception e) {
      verified = false;
    }
    List<String> id = headers.get("webhook-id");
    calls.add(
        new Call(
            path,
            id == null || id.isEmpty() ? null : id.get(0),
            JSON.readTree(body),
            verified,
            Instant.now()));
    byte[] out = (verified ? "ok" : "bad signature").getBytes(StandardCharsets.UTF_8);
    x.sendResponseHeaders(verified ? 200 : 401, out.length);
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
