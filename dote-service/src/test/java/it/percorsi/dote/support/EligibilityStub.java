package it.percorsi.dote.support;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stands in for participant-service's eligibility endpoint in dote-service's component tests (the
 * real call is covered by the system tests). Answers "eligible" unless the participant was marked
 * through {@link #markIneligible} or {@link #markSlow}; checks a bearer token is forwarded. State
 * lives in system properties so test classes and this resource share it.
 */
public class EligibilityStub implements QuarkusTestResourceLifecycleManager {

  private static final Pattern PATH =
      Pattern.compile("/participants/([0-9a-f-]{36})/eligibility-checks");
  private HttpServer server;

  public static void markIneligible(java.util.UUID participant) {
    System.setProperty("stub.eligibility." + participant, "ineligible");
  }

  public static void markErased(java.util.UUID participant) {
    System.setProperty("stub.eligibility." + participant, "erased");
  }

  public static void markSlow(java.util.UUID participant) {
    System.setProperty("stub.eligibility." + participant, "slow");
  }

  public static int calls() {
    return Integer.getInteger("stub.eligibility.calls", 0);
  }

  @Override
  public Map<String, String> start() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(32));
    server.createContext(
        "/participants/",
        exchange -> {
          synchronized (System.getProperties()) {
            System.setProperty("stub.eligibility.calls", String.valueOf(calls() + 1));
          }
          Matcher m = PATH.matcher(exchange.getRequestURI().getPath());
          String auth = exchange.getRequestHeaders().getFirst("Authorization");
          int status;
          String body;
          if (!m.matches() || auth == null || !auth.startsWith("Bearer ")) {
            status = auth == null ? 401 : 404;
            body = "{\"status\":" + status + "}";
          } else {
            String mode = System.getProperty("stub.eligibility." + m.group(1), "eligible");
            if (mode.equals("slow")) {
              sleep(5_000);
            }
            status = mode.equals("erased") ? 409 : 200;
            body =
                mode.equals("erased")
                    ? "{\"type\":\"https://percorsi.it/problems/participant-erased\",\"status\":409}"
                    : mode.equals("ineligible")
                        ? "{\"eligible\":false,\"criteria\":[{\"criterion\":\"maximumAge\",\"satisfied\":false,"
                            + "\"reason\":\"older than the maximum age at the date\"},"
                            + "{\"criterion\":\"consent\",\"satisfied\":true,\"reason\":\"consent in force\"}]}"
                        : "{\"eligible\":true,\"criteria\":[{\"criterion\":\"consent\",\"satisfied\":true,"
                            + "\"reason\":\"consent in force\"}]}";
          }
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(status, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
    return Map.of(
        "quarkus.rest-client.participant-service.url",
        "http://127.0.0.1:" + server.getAddress().getPort());
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void stop() {
    if (server != null) {
      server.stop(0);
    }
  }
}
