package it.percorsi.webhook.endpoint;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.query.NativeQuery;

/** The endpoints and their secrets in the database (plain SQL: the delivery claims need it). */
@ApplicationScoped
public class Endpoints {

  private static final String COLUMNS =
      "id, owner_org_id, owner_roles, owner_provinces, url, description, event_types, state,"
          + " disabled_reason, disabled_at, failing_since, created_at, version";

  private final EntityManager em;
  private final SecretCipher cipher;

  public Endpoints(EntityManager em, SecretCipher cipher) {
    this.em = em;
    this.cipher = cipher;
  }

  public void insert(Endpoint e) {
    em.createNativeQuery(
            "INSERT INTO webhook_endpoint ("
                + COLUMNS
                + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, NULL, NULL, NULL, ?9, 0)")
        .setParameter(1, e.id())
        .setParameter(2, e.ownerOrgId())
        .setParameter(3, join(e.ownerRoles()))
        .setParameter(4, join(e.ownerProvinces()))
        .setParameter(5, e.url())
        .setParameter(6, e.description())
        .setParameter(7, join(e.eventTypes()))
        .setParameter(8, e.state())
        .setParameter(9, at(e.createdAt()))
        .executeUpdate();
  }

  public Optional<Endpoint> find(UUID id) {
    return em
        .createNativeQuery("SELECT " + COLUMNS + " FROM webhook_endpoint WHERE id = ?1")
        .setParameter(1, id)
        .getResultList()
        .stream()
        .findFirst()
        .map(r -> read((Object[]) r));
  }

  /** The endpoint, locked for the rest of the transaction. */
  public Optional<Endpoint> lock(UUID id) {
    return em
        .createNativeQuery("SELECT " + COLUMNS + " FROM webhook_endpoint WHERE id = ?1 FOR UPDATE")
        .setParameter(1, id)
        .getResultList()
        .stream()
        .findFirst()
        .map(r -> read((Object[]) r));
  }

  @SuppressWarnings("unchecked")
  public List<Endpoint> ofOrganisation(String orgId) {
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT "
                    + COLUMNS
                    + " FROM webhook_endpoint WHERE owner_org_id = ?1 ORDER BY created_at, id")
            .setParameter(1, orgId)
            .getResultList();
    return rows.stream().map(Endpoints::read).toList();
  }

  /** Endpoints that take new deliveries: active and paused ones (a paused one sends later). */
  @SuppressWarnings("unchecked")
  public List<Endpoint> receiving(String eventType) {
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT "
                    + COLUMNS
                    + " FROM webhook_endpoint WHERE state <> 'DISABLED'"
                    + " AND position(?1 in event_types) > 0 ORDER BY id")
            .setParameter(1, eventType)
            .getResultList();
    return rows.stream().map(Endpoints::read).filter(e -> e.wants(eventType)).toList();
  }

  public void setState(UUID id, String state, String reason, Instant at) {
    em.createNativeQuery(
            "UPDATE webhook_endpoint SET state = ?2, disabled_reason = ?3, disabled_at = ?4,"
                + " failing_since = CASE WHEN ?2 = 'ACTIVE' THEN NULL ELSE failing_since END,"
                + " version = version + 1 WHERE id = ?1")
        .unwrap(NativeQuery.class)
        .setParameter(1, id)
        .setParameter(2, state)
        .setParameter(3, reason)
        .setParameter(4, at == null ? null : at(at), OffsetDateTime.class)
        .executeUpdate();
  }

  public void delete(UUID id) {
    em.createNativeQuery("DELETE FROM webhook_endpoint WHERE id = ?1")
        .setParameter(1, id)
        .executeUpdate();
  }

  // --- secrets

  public void addSecret(UUID endpoint, String secret, Instant at) {
    em.createNativeQuery(
            "INSERT INTO webhook_secret (id, endpoint_id, secret, created_at, expires_at)"
                + " VALUES (?1, ?2, ?3, ?4, NULL)")
        .setParameter(1, UUID.randomUUID())
        .setParameter(2, endpoint)
        .setParameter(3, cipher.seal(endpoint.toString(), secret))
        .setParameter(4, at(at))
        .executeUpdate();
  }

  /** Ends every secret of the endpoint still open at {@code until}. */
  public void expireSecrets(UUID endpoint, Instant until) {
    em.createNativeQuery(
            "UPDATE webhook_secret SET expires_at = ?2 WHERE endpoint_id = ?1"
                + " AND (expires_at IS NULL OR expires_at > ?2)")
        .setParameter(1, endpoint)
        .setParameter(2, at(until))
        .executeUpdate();
  }

  /** The secrets valid at {@code now}, newest first. */
  @SuppressWarnings("unchecked")
  public List<String> secrets(UUID endpoint, Instant now) {
    List<String> stored =
        em.createNativeQuery(
                "SELECT secret FROM webhook_secret WHERE endpoint_id = ?1"
                    + " AND (expires_at IS NULL OR expires_at > ?2) ORDER BY created_at DESC")
            .setParameter(1, endpoint)
            .setParameter(2, at(now))
            .getResultList();
    return stored.stream().map(s -> cipher.open(endpoint.toString(), s)).toList();
  }

  /** When the previous secret stops being valid, if one still is. */
  public Optional<Instant> previousSecretExpiry(UUID endpoint, Instant now) {
    Object v =
        em.createNativeQuery(
                "SELECT max(expires_at) FROM webhook_secret WHERE endpoint_id = ?1"
                    + " AND expires_at > ?2")
            .setParameter(1, endpoint)
            .setParameter(2, at(now))
            .getSingleResult();
    return Optional.ofNullable(instant(v));
  }

  static Endpoint read(Object[] r) {
    return new Endpoint(
        (UUID) r[0],
        (String) r[1],
        split((String) r[2]),
        split((String) r[3]),
        (String) r[4],
        (String) r[5],
        List.copyOf(split((String) r[6])),
        (String) r[7],
        (String) r[8],
        instant(r[9]),
        instant(r[10]),
        instant(r[11]),
        ((Number) r[12]).longValue());
  }

  static OffsetDateTime at(Instant i) {
    return i.atOffset(ZoneOffset.UTC);
  }

  public static Instant instant(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof Instant i) {
      return i;
    }
    if (v instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    if (v instanceof Timestamp t) {
      return t.toInstant();
    }
    throw new IllegalStateException("not a timestamp: " + v.getClass());
  }

  private static String join(java.util.Collection<String> values) {
    return values.stream().sorted().collect(Collectors.joining(","));
  }

  private static Set<String> split(String s) {
    if (s == null || s.isBlank()) {
      return Set.of();
    }
    return new LinkedHashSet<>(Arrays.asList(s.split(",")));
  }
}
