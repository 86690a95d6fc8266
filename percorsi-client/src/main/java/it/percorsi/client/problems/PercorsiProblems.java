package it.percorsi.client.problems;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.percorsi.client.ApiClient;
import it.percorsi.client.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Problems as typed exceptions for the generated client. {@link #install(ApiClient)} makes every
 * call of the client's APIs throw a {@link ProblemException} subclass for an error answer: the
 * class of its problem {@code type} ({@link QuotaExhaustedException}, ...), else the class of its
 * status ({@link ConflictException} for any other 409, ...).
 *
 * <pre>{@code
 * ApiClient client = new ApiClient();
 * client.updateBaseUri("https://api.dev.percorsi.example");
 * client.setRequestInterceptor(r -> r.header("Authorization", "Bearer " + token));
 * PercorsiProblems.install(client);
 * try {
 *   new DotesApi(client).applyForDote(key, application);
 * } catch (QuotaExhaustedException e) {
 *   // e.regionCode()
 * }
 * }</pre>
 */
public final class PercorsiProblems {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Problem types with a class of their own, by kind (the type's last segment). */
  private static final Map<String, Function<Problem, ProblemException>> BY_KIND = byKind();

  private PercorsiProblems() {}

  /** Every problem kind with an exception class of its own. */
  public static java.util.Set<String> typedKinds() {
    return BY_KIND.keySet();
  }

  /** Makes the client's calls throw typed problems; returns the client. */
  public static ApiClient install(ApiClient client) {
    Consumer<HttpResponse<InputStream>> previous = client.getResponseInterceptor();
    client.setResponseInterceptor(
        response -> {
          if (previous != null) {
            previous.accept(response);
          }
          if (response.statusCode() >= 400) {
            throw from(response.statusCode(), response.headers(), read(response.body()));
          }
        });
    return client;
  }

  /** The typed problem of an {@link ApiException} of a client without {@link #install}. */
  public static ProblemException from(ApiException e) {
    return from(e.getCode(), e.getResponseHeaders(), e.getResponseBody());
  }

  /** The typed problem of an error answer (a body that is no problem gives one by its status). */
  public static ProblemException from(int status, HttpHeaders headers, String body) {
    Map<String, Object> members = new LinkedHashMap<>();
    if (body != null && !body.isBlank()) {
      try {
        members.putAll(JSON.readValue(body, new TypeReference<Map<String, Object>>() {}));
      } catch (IOException e) {
        members.put("detail", body.length() > 200 ? body.substring(0, 200) : body);
      }
    }
    Object type = members.getOrDefault("type", "about:blank");
    Object title = members.getOrDefault("title", "HTTP " + status);
    Object detail = members.get("detail");
    Optional<Long> retryAfter =
        headers == null
            ? Optional.empty()
            : headers
                .firstValue("Retry-After")
                .flatMap(
                    v -> {
                      try {
                        return Optional.of(Long.parseLong(v.trim()));
                      } catch (NumberFormatException e) {
                        return Optional.empty();
                      }
                    });
    Problem problem =
        new Problem(
            status,
            URI.create(type.toString()),
            title.toString(),
            detail == null ? null : detail.toString(),
            members,
            retryAfter);
    String t = type.toString();
    if (t.startsWith(ProblemException.BASE)) {
      Function<Problem, ProblemException> typed =
          BY_KIND.get(t.substring(ProblemException.BASE.length()));
      if (typed != null) {
        return typed.apply(problem);
      }
    }
    return byStatus(problem);
  }

  private static ProblemException byStatus(Problem p) {
    return switch (p.status()) {
      case 400 -> new BadRequestException(p);
      case 401 -> new UnauthorizedException(p);
      case 403 -> new ForbiddenException(p);
      case 404 -> new NotFoundException(p);
      case 409 -> new ConflictException(p);
      case 412 -> new PreconditionFailedException(p);
      case 413 -> new PayloadTooLargeException(p);
      case 422 -> new UnprocessableException(p);
      case 428 -> new PreconditionRequiredException(p);
      case 429 -> new RateLimitedException(p);
      default -> p.status() >= 500 ? new ServiceUnavailableException(p) : new ProblemException(p);
    };
  }

  private static Map<String, Function<Problem, ProblemException>> byKind() {
    Map<String, Function<Problem, ProblemException>> m = new LinkedHashMap<>();
    m.put("quota-exhausted", QuotaExhaustedException::new);
    m.put("promoter-cap-reached", PromoterCapReachedException::new);
    m.put("already-has-dote", AlreadyHasDoteException::new);
    m.put("programme-closed", ProgrammeClosedException::new);
    m.put("duplicate-participant", DuplicateParticipantException::new);
    m.put("invalid-transition", InvalidTransitionException::new);
    m.put("not-eligible", NotEligibleException::new);
    m.put("region-not-in-programme", RegionNotInProgrammeException::new);
    m.put("idempotency-key-reused", IdempotencyKeyReusedException::new);
    m.put("idempotency-key-busy", IdempotencyKeyBusyException::new);
    m.put("eligibility-unavailable", EligibilityUnavailableException::new);
    m.put("stale-write", PreconditionFailedException::new);
    m.put("precondition-required", PreconditionRequiredException::new);
    m.put("payload-too-large", PayloadTooLargeException::new);
    return Map.copyOf(m);
  }

  private static String read(InputStream body) {
    if (body == null) {
      return null;
    }
    try (body) {
      return new String(body.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
