package it.percorsi.webhook.endpoint;

import it.percorsi.platform.caller.Caller;
import it.percorsi.platform.problem.Problem;
import it.percorsi.platform.problem.ProblemException;
import it.percorsi.webhook.delivery.Deliveries;
import it.percorsi.webhook.delivery.DeliveryConfig;
import it.percorsi.webhook.delivery.DeliveryWorker;
import it.percorsi.webhook.fanout.Audience;
import it.percorsi.webhook.fanout.EventTypes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.query.NativeQuery;

/**
 * The endpoints of the caller's organisation: another organisation's endpoint is a 404. Each method
 * is one transaction.
 */
@ApplicationScoped
public class EndpointService {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Endpoints endpoints;
  private final Deliveries deliveries;
  private final UrlPolicy policy;
  private final DeliveryConfig config;
  private final DeliveryWorker worker;
  private final EntityManager em;

  public EndpointService(
      Endpoints endpoints,
      Deliveries deliveries,
      UrlPolicy policy,
      DeliveryConfig config,
      DeliveryWorker worker,
      EntityManager em) {
    this.endpoints = endpoints;
    this.deliveries = deliveries;
    this.policy = policy;
    this.config = config;
    this.worker = worker;
    this.em = em;
  }

  @Transactional
  public EndpointView register(EndpointData data, Caller c) {
    if (c.orgId() == null) {
      throw new ProblemException(Problem.forbidden());
    }
    List<String> types = new ArrayList<>(new LinkedHashSet<>(data.eventTypes()));
    for (int i = 0; i < types.size(); i++) {
      if (!EventTypes.ALL.contains(types.get(i))) {
        throw ProblemException.invalid("eventTypes[" + i + "]", "is not an event type");
      }
    }
    refuseUrl(data.url());
    Instant now = Instant.now();
    Endpoint e =
        new Endpoint(
            UUID.randomUUID(),
            c.orgId(),
            c.roles(),
            c.provinces(),
            data.url(),
            data.description(),
            List.copyOf(types),
            Endpoint.ACTIVE,
            null,
            null,
            null,
            now,
            0);
    endpoints.insert(e);
    String secret = newSecret();
    endpoints.addSecret(e.id(), secret, now);
    return EndpointView.of(e, null, secret);
  }

  @Transactional
  public List<EndpointView> list(Caller c) {
    Instant now = Instant.now();
    return c.orgId() == null
        ? List.of()
        : endpoints.ofOrganisation(c.orgId()).stream().map(e -> view(e, now)).toList();
  }

  @Transactional
  public EndpointView get(UUID id, Caller c) {
    return view(owned(id, c, false), Instant.now());
  }

  /** A new secret; the previous ones keep signing for the grace period. */
  @Transactional
  public EndpointView rotate(UUID id, Caller c) {
    Endpoint e = owned(id, c, true);
    Instant now = Instant.now();
    endpoints.expireSecrets(e.id(), now.plus(config.rotationGrace()));
    String secret = newSecret();
    endpoints.addSecret(e.id(), secret, now);
    return EndpointView.of(e, endpoints.previousSecretExpiry(e.id(), now).orElse(null), secret);
  }

  @Transactional
  public EndpointView pause(UUID id, Caller c) {
    Endpoint e = owned(id, c, true);
    if (!Endpoint.ACTIVE.equals(e.state()) && !Endpoint.PAUSED.equals(e.state())) {
      throw ProblemException.conflict(
          "endpoint-state",
          "Not possible in the endpoint's state",
          "the endpoint is " + e.state() + "; resume it first");
    }
    endpoints.setState(e.id(), Endpoint.PAUSED, null, null);
    return get(id, c);
  }

  /** Resumes a paused endpoint, or one the platform disabled: what waited is sent again. */
  @Transactional
  public EndpointView resume(UUID id, Caller c) {
    Endpoint e = owned(id, c, true);
    String problem = policy.refusal(e.url()).orElse(null);
    if (problem != null) {
      throw urlNotAllowed(problem);
    }
    endpoints.setState(e.id(), Endpoint.ACTIVE, null, null);
    worker.wake();
    return get(id, c);
  }

  @Transactional
  public void delete(UUID id, Caller c) {
    endpoints.delete(owned(id, c, true).id());
  }

  @Transactional
  public List<Deliveries.Attempt> attempts(UUID id, Caller c, String eventId, int limit) {
    return deliveries.attempts(owned(id, c, false).id(), eventId, limit);
  }

  /**
   * Delivers again one event, or every event of {@code [from, to)} the endpoint may receive (its
   * types, its owner's access), in their order; events are kept 30 days.
   *
   * @return how many deliveries were added
   */
  @Transactional
  public int replay(UUID id, Caller c, String eventId, Instant from, Instant to) {
    Endpoint e = owned(id, c, true);
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT event_id, event_type, aggregate_key, scope, owner_org_id, province_code"
                    + " FROM webhook_event WHERE (CAST(?1 AS VARCHAR) IS NULL OR event_id = ?1)"
                    + " AND (CAST(?2 AS TIMESTAMPTZ) IS NULL OR event_time >= ?2)"
                    + " AND (CAST(?3 AS TIMESTAMPTZ) IS NULL OR event_time < ?3)"
                    + " ORDER BY event_time, received_at, event_id")
            .unwrap(NativeQuery.class)
            .setParameter(1, eventId, String.class)
            .setParameter(
                2, from == null ? null : from.atOffset(ZoneOffset.UTC), OffsetDateTime.class)
            .setParameter(3, to == null ? null : to.atOffset(ZoneOffset.UTC), OffsetDateTime.class)
            .getResultList();
    Instant now = Instant.now();
    int n = 0;
    for (Object[] r : rows) {
      Audience audience = new Audience((String) r[3], (String) r[4], (String) r[5]);
      if (e.wants((String) r[1]) && audience.admits(e.owner())) {
        deliveries.enqueue(e.id(), (String) r[0], (String) r[2], true, now);
        n++;
      }
    }
    if (eventId != null && n == 0) {
      throw ProblemException.notFound("Event", eventId);
    }
    worker.wake();
    return n;
  }

  private Endpoint owned(UUID id, Caller c, boolean lock) {
    Optional<Endpoint> e = lock ? endpoints.lock(id) : endpoints.find(id);
    if (e.isEmpty() || !c.belongsTo(e.get().ownerOrgId())) {
      throw ProblemException.notFound("Webhook endpoint", id);
    }
    return e.get();
  }

  private EndpointView view(Endpoint e, Instant now) {
    return EndpointView.of(e, endpoints.previousSecretExpiry(e.id(), now).orElse(null), null);
  }

  private void refuseUrl(String url) {
    policy
        .refusal(url)
        .ifPresent(
            reason -> {
              throw urlNotAllowed(reason);
            });
  }

  private static ProblemException urlNotAllowed(String reason) {
    return new ProblemException(
        Problem.of(
            "webhook-url-not-allowed", "The endpoint URL is not allowed", 422, "url " + reason));
  }

  static String newSecret() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return "whsec_" + Base64.getEncoder().encodeToString(key);
  }
}
