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
 * Stands in for participant-service's eligibility endpoint, and for the bulk look-ups of payee
 * accounts of participant-service and placement-service, in dote-service's component tests (the
 * real calls are covered by the system tests). Answers "eligible" unless the participant was marked
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

  /**
   * Gives a payee (a participant, or the host of an internship) a bank account, as
   * participant-service or placement-service would answer the agency's bulk look-up.
   */
  public static void account(java.util.UUID id, String iban, String holder) {
    System.setProperty("stub.account." + id, iban + "|" + holder);
  }

  /** How many bulk look-ups of accounts were answered. */
  public static int lookups() {
    return Integer.getInteger("stub.account.lookups", 0);
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
    server.createContext("/participants/payment-accounts/lookups", EligibilityStub::accounts);
    server.createContext("/internships/host-payment-accounts/lookups", EligibilityStub::accounts);
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
    String url = "http://127.0.0.1:" + server.getAddress().getPort();
    return Map.of(
        "quarkus.rest-client.participant-service.url",
        url,
        "quarkus.rest-client.placement-service.url",
        url);
  }

  /** {"ids":[...]} to {"accounts":[{"id","iban","accountHolder"}]}; needs a bearer token. */
  private static void accounts(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
    synchronized (System.getProperties()) {
      System.setProperty("stub.account.lookups", String.valueOf(lookups() + 1));
    }
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    int status = 200;
    StringBuilder body = new StringBuilder("{\"accounts\":[");
    if (auth == null || !auth.startsWith("Bearer ")) {
      status = 401;
      body = new StringBuilder("{\"status\":401");
    } else {
      Matcher ids = Pattern.compile("[0-9a-f]{8}-[0-9a-f-]{27}").matcher(request);
      String sep = "";
      while (ids.find()) {
        String account = System.getProperty("stub.account." + ids.group());
        if (account != null) {
          String[] parts = account.split("\\|", 2);
          body.append(sep)
              .append("{\"id\":\"")
              .append(ids.group())
              .append("\",\"iban\":\"")
              .append(parts[0])
              .append("\",\"accountHolder\":\"")
              .append(parts[1])
              .append("\"}");
          sep = ",";
        }
      }
      body.append("]");
    }
    body.append("}");
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
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
