package it.percorsi.webhook.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;
import it.percorsi.webhook.endpoint.UrlPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * Makes one attempt: checks the address again, then POSTs the event as a CloudEvent in structured
 * mode ({@code application/cloudevents+json}) signed by the Standard Webhooks rules (the library's
 * {@code sign}: {@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature} with one
 * {@code v1,} signature per valid secret, so a receiver verifies with either during a rotation).
 * Redirects are not followed, the answer is read up to a small limit, one timeout covers it all.
 */
@ApplicationScoped
public class Sender {

  public static final String CONTENT_TYPE = "application/cloudevents+json; charset=utf-8";

  private final UrlPolicy policy;
  private final ObjectMapper mapper;
  private final DeliveryConfig config;
  private final HttpClient client;

  public Sender(UrlPolicy policy, ObjectMapper mapper, DeliveryConfig config) {
    this.policy = policy;
    this.mapper = mapper;
    this.config = config;
    this.client =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(config.timeout())
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  /** The body sent for an event: the CloudEvent with the payload as it was on the bus. */
  public String body(Deliveries.Due d) throws IOException {
    ObjectNode ce = mapper.createObjectNode();
    ce.put("specversion", "1.0");
    ce.put("id", d.eventId());
    ce.put("type", d.eventType());
    ce.put("source", d.source() == null ? "/percorsi" : d.source());
    if (d.subject() != null) {
      ce.put("subject", d.subject());
    }
    ce.put("time", d.eventTime().toString());
    ce.put("datacontenttype", "application/json");
    ce.set("data", mapper.readTree(d.payload()));
    return mapper.writeValueAsString(ce);
  }

  /** Signs {@code body} with every secret: {@code v1,<sig> v1,<sig>}. */
  public static String signature(List<String> secrets, String id, long timestamp, String body) {
    StringBuilder s = new StringBuilder();
    for (String secret : secrets) {
      try {
        s.append(s.isEmpty() ? "" : " ").append(new Webhook(secret).sign(id, timestamp, body));
      } catch (WebhookSigningException e) {
        throw new IllegalStateException("cannot sign", e);
      }
    }
    return s.toString();
  }

  public AttemptResult send(String url, List<String> secrets, Deliveries.Due d) {
    long start = System.nanoTime();
    Optional<String> refusal = policy.refusal(url);
    if (refusal.isPresent()) {
      return new AttemptResult(
          AttemptResult.BLOCKED, null, millis(start), truncate(refusal.get()), null);
    }
    try {
      String body = body(d);
      long timestamp = Instant.now().getEpochSecond();
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(config.timeout())
              .header("Content-Type", CONTENT_TYPE)
              .header("User-Agent", "Percorsi-Webhooks/1")
              .header("webhook-id", d.eventId())
              .header("webhook-timestamp", Long.toString(timestamp))
              .header("webhook-signature", signature(secrets, d.eventId(), timestamp, body))
              .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
              .build();
      HttpResponse<InputStream> response =
          client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = response.body()) {
        // Read a little of the answer at most, then drop the connection's rest.
        in.readNBytes(config.maxResponseBytes());
      }
      int status = response.statusCode();
      boolean ok = status >= 200 && status < 300;
      return new AttemptResult(
          ok ? AttemptResult.SUCCEEDED : AttemptResult.FAILED,
          status,
          millis(start),
          ok ? null : "HTTP " + status,
          status == 429 || status == 503
              ? retryAfter(response.headers().firstValue("Retry-After").orElse(null))
              : null);
    } catch (HttpTimeoutException e) {
      return new AttemptResult(AttemptResult.FAILED, null, millis(start), "timeout", null);
    } catch (IOException e) {
      return new AttemptResult(
          AttemptResult.FAILED,
          null,
          millis(start),
          truncate(e.getClass().getSimpleName() + ": " + e.getMessage()),
          null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new AttemptResult(AttemptResult.FAILED, null, millis(start), "interrupted", null);
    } catch (IllegalArgumentException e) {
      return new AttemptResult(
          AttemptResult.BLOCKED, null, millis(start), truncate("invalid URL"), null);
    }
  }

  /** Retry-After as seconds or an HTTP date; null when absent or unreadable. */
  static Duration retryAfter(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.trim();
    try {
      long seconds = Long.parseLong(v);
      return seconds < 0 ? null : Duration.ofSeconds(seconds);
    } catch (NumberFormatException e) {
      try {
        Duration d =
            Duration.between(
                Instant.now(),
                ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        return d.isNegative() ? Duration.ZERO : d;
      } catch (RuntimeException x) {
        return null;
      }
    }
  }

  private static long millis(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static String truncate(String s) {
    return s == null || s.length() <= 300 ? s : s.substring(0, 300);
  }
}
