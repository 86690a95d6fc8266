package it.percorsi.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.percorsi.platform.caller.Caller;
import it.percorsi.platform.problem.Problem;
import it.percorsi.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} for POSTs that create something: a retry with the same key returns the
 * first result, the same key with a different request is a 422, and two concurrent requests with
 * the same key create once.
 *
 * <p>The key row is inserted ({@code INSERT ... ON CONFLICT}) in the transaction that creates the
 * resource and completed with the response before that transaction commits. A concurrent request
 * with the same key waits on the primary key, for {@code percorsi.idempotency.wait} at most, until
 * the first commits, then reads the stored answer; if the first rolls back (a refusal), the row
 * vanishes with it and the second runs; if the first is still running after the wait, the second is
 * answered {@code 409 idempotency-key-busy} with {@code Retry-After} (the IETF draft's answer to a
 * request whose twin is in flight), so retries never pile up on a held key. A committed row without
 * an answer can only be one a failed transaction left behind (a live one is invisible and locked):
 * it is taken over like an expired one, never answered "busy" until it expires. Keys are scoped to
 * the caller's organisation, so two organisations never see each other's answers.
 */
@ApplicationScoped
public class Idempotency {

  public static final String HEADER = "Idempotency-Key";
  public static final String REPLAYED_HEADER = "Idempotent-Replayed";
  private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

  /** Whether {@code key} is a well-formed Idempotency-Key: 1 to 255 visible ASCII characters. */
  public static boolean wellFormed(String key) {
    return key != null && KEY.matcher(key).matches();
  }

  private static final Duration PURGE_EVERY = Duration.ofMinutes(10);
  private static final String LOCK_NOT_AVAILABLE = "55P03";

  private final EntityManager em;
  private final ObjectMapper mapper;
  private final Clock clock;
  private final IdempotencyConfig config;
  private volatile Instant lastPurge = Instant.EPOCH;

  public Idempotency(EntityManager em, ObjectMapper mapper, Clock clock, IdempotencyConfig config) {
    this.em = em;
    this.mapper = mapper;
    this.clock = clock;
    this.config = config;
  }

  /**
   * Runs {@code create} once per caller organisation and {@code key}, in one transaction with the
   * key's row; without a key it just runs {@code create}.
   *
   * @param fingerprint what identifies the request ({@link #fingerprint}); a retry must match it
   * @return the fresh answer, or the stored one marked replayed
   * @throws ProblemException 400 for a malformed key, 422 when the key was used for another request
   */
  @Transactional
  public StoredResponse once(
      Caller caller, String key, String fingerprint, Supplier<StoredResponse> create) {
    if (key == null) {
      return create.get();
    }
    if (!KEY.matcher(key).matches()) {
      throw ProblemException.invalid(HEADER, "must be 1 to 255 visible ASCII characters");
    }
    purgeIfDue();
    String scope = scope(caller);
    int claimed = claim(scope, key, fingerprint);
    if (claimed == 0) {
      return stored(scope, key, fingerprint);
    }
    StoredResponse answer = create.get();
    em.createNativeQuery(
            "UPDATE idempotency_key SET response_status = ?1, response_body = ?2,"
                + " response_location = ?3, response_etag = ?4, resource_id = ?5"
                + " WHERE scope = ?6 AND idempotency_key = ?7")
        .setParameter(1, answer.status())
        .setParameter(2, answer.body())
        .setParameter(3, answer.location() == null ? null : answer.location().toString())
        .setParameter(4, answer.etag())
        .setParameter(5, answer.resourceId())
        .setParameter(6, scope)
        .setParameter(7, key)
        .executeUpdate();
    return answer;
  }

  /**
   * The stored answer of a completed request with this key, without running anything: for a
   * creation whose checks are costly (a call to another service), so that a retry answers at once.
   *
   * @return the stored answer marked replayed, or empty when there is no key or no completed answer
   * @throws ProblemException 400 for a malformed key, 422 when the key was used for another request
   */
  @Transactional
  public java.util.Optional<StoredResponse> replay(Caller caller, String key, String fingerprint) {
    if (key == null) {
      return java.util.Optional.empty();
    }
    if (!KEY.matcher(key).matches()) {
      throw ProblemException.invalid(HEADER, "must be 1 to 255 visible ASCII characters");
    }
    String scope = scope(caller);
    List<?> rows =
        em.createNativeQuery(
                "SELECT response_status FROM idempotency_key WHERE scope = ?1"
                    + " AND idempotency_key = ?2 AND response_status IS NOT NULL"
                    + " AND created_at >= ?3")
            .setParameter(1, scope)
            .setParameter(2, key)
            .setParameter(3, OffsetDateTime.now(clock).minus(config.retention()))
            .getResultList();
    if (rows.isEmpty()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(stored(scope, key, fingerprint));
  }

  /**
   * Inserts the key's row, or takes over a row that is expired or was left without an answer; waits
   * for a concurrent uncommitted twin at most {@code percorsi.idempotency.wait}.
   *
   * @return 1 when this request owns the key now, 0 when a completed answer is stored
   * @throws ProblemException 409 {@code idempotency-key-busy} when the twin is still running
   */
  private int claim(String scope, String key, String fingerprint) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    // Bounded for this statement only: the creation's own locks (a quota row) keep the default.
    em.createNativeQuery("SELECT set_config('lock_timeout', ?1, true)")
        .setParameter(1, config.waitFor().toMillis() + "ms")
        .getSingleResult();
    int claimed;
    try {
      claimed =
          em.createNativeQuery(
                  "INSERT INTO idempotency_key (scope, idempotency_key, request_hash, created_at)"
                      + " VALUES (?1, ?2, ?3, ?4)"
                      + " ON CONFLICT (scope, idempotency_key) DO UPDATE SET"
                      + " request_hash = EXCLUDED.request_hash, response_status = NULL,"
                      + " response_body = NULL, response_location = NULL, response_etag = NULL,"
                      + " resource_id = NULL, created_at = EXCLUDED.created_at"
                      + " WHERE idempotency_key.created_at < ?5"
                      + " OR idempotency_key.response_status IS NULL")
              .setParameter(1, scope)
              .setParameter(2, key)
              .setParameter(3, fingerprint)
              .setParameter(4, now)
              .setParameter(5, now.minus(config.retention()))
              .executeUpdate();
    } catch (PersistenceException e) {
      if (sqlState(e, LOCK_NOT_AVAILABLE)) {
        throw busy();
      }
      throw e;
    }
    em.createNativeQuery("SELECT set_config('lock_timeout', '0', true)").getSingleResult();
    return claimed;
  }

  private static ProblemException busy() {
    return ProblemException.conflict(
            "idempotency-key-busy",
            "Idempotency-Key in use",
            "A request with this Idempotency-Key is still being processed; retry after the"
                + " seconds in Retry-After to get its answer")
        .withHeader("Retry-After", "1");
  }

  private static boolean sqlState(Throwable e, String state) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && state.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  private StoredResponse stored(String scope, String key, String fingerprint) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT request_hash, response_status, response_body, response_location,"
                    + " response_etag, resource_id FROM idempotency_key"
                    + " WHERE scope = ?1 AND idempotency_key = ?2")
            .setParameter(1, scope)
            .setParameter(2, key)
            .getResultList();
    if (rows.isEmpty() || rows.get(0)[1] == null) {
      // Only a row purged or forgotten between the two statements gets here: a retry claims it.
      throw busy();
    }
    Object[] row = rows.get(0);
    if (!fingerprint.equals(row[0])) {
      throw new ProblemException(
          Problem.of(
                  "idempotency-key-reused",
                  "Idempotency-Key reused for a different request",
                  422,
                  "This Idempotency-Key was already used for a different request; send a new"
                      + " key with a new request")
              .with("header", HEADER));
    }
    return new StoredResponse(
        ((Number) row[1]).intValue(),
        (String) row[2],
        row[3] == null ? null : URI.create((String) row[3]),
        (String) row[4],
        (String) row[5],
        true);
  }

  /**
   * Forgets every stored answer about {@code resourceId}, for instance when its personal data are
   * erased; a retry of such a request then runs again.
   *
   * @return how many stored answers were forgotten
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public int forget(String resourceId) {
    return em.createNativeQuery("DELETE FROM idempotency_key WHERE resource_id = ?1")
        .setParameter(1, resourceId)
        .executeUpdate();
  }

  /** A fresh 201 answer to store: {@code view} as JSON, where it lives, its tag and its id. */
  public StoredResponse created(Object view, URI location, String etag, String resourceId) {
    try {
      return StoredResponse.created(mapper.writeValueAsString(view), location, etag, resourceId);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the response", e);
    }
  }

  /**
   * A digest of what makes two requests the same: method, path and body as the service read it
   * (serialised again, so spacing and key order of the wire text do not matter).
   */
  public String fingerprint(String method, String path, Object body) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(method.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) '\n');
      sha.update(path.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) '\n');
      sha.update(mapper.writeValueAsBytes(body));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException | JsonProcessingException e) {
      throw new IllegalStateException("cannot fingerprint the request", e);
    }
  }

  static String scope(Caller caller) {
    if (caller.orgId() != null) {
      return "org:" + caller.orgId();
    }
    return "sub:" + caller.subject();
  }

  private void purgeIfDue() {
    Instant now = clock.instant();
    if (Duration.between(lastPurge, now).compareTo(PURGE_EVERY) < 0) {
      return;
    }
    lastPurge = now;
    em.createNativeQuery("DELETE FROM idempotency_key WHERE created_at < ?1")
        .setParameter(1, OffsetDateTime.ofInstant(now.minus(config.retention()), ZoneOffset.UTC))
        .executeUpdate();
  }
}
