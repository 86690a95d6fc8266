package it.percorsi.plan.delivery;

import it.percorsi.plan.events.PlanEvent;
import it.percorsi.plan.events.ServiceDelivered;
import it.percorsi.plan.plan.Plan;
import it.percorsi.plan.plan.PlanAccess;
import it.percorsi.plan.plan.PlanContent;
import it.percorsi.plan.plan.PlanHistory;
import it.percorsi.plan.plan.PlanRefused;
import it.percorsi.plan.plan.PlanRepository;
import it.percorsi.plan.plan.PlanVersion;
import it.percorsi.platform.caller.Caller;
import it.percorsi.platform.http.Preconditions;
import it.percorsi.platform.outbox.Outbox;
import it.percorsi.platform.problem.Problem;
import it.percorsi.platform.problem.Problem.FieldError;
import it.percorsi.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Service deliveries of approved plans: the owning promoter records them, the agency or a CPI
 * operator of the province validates (emitting {@code plan.service-delivered}) or rejects them.
 * Every change is in the plan's history.
 */
@ApplicationScoped
public class DeliveryService {

  private final PlanRepository plans;
  private final PlanHistory history;
  private final Outbox outbox;
  private final Clock clock;

  public DeliveryService(PlanRepository plans, PlanHistory history, Outbox outbox, Clock clock) {
    this.plans = plans;
    this.history = history;
    this.outbox = outbox;
    this.clock = clock;
  }

  /**
   * Records a delivery of an activity of the version in force. The plan is locked, so two
   * deliveries of the same activity never pass its planned hours together.
   *
   * @throws ProblemException 404 when the plan is not visible, 403 for anyone but its promoter
   * @throws PlanRefused when the plan is closed or has no approved version, or the delivery does
   *     not fit it (future date, outside the activity's period, too many hours, unknown activity)
   */
  @Transactional
  public ServiceDelivery record(UUID planId, ServiceDelivery.Report report, Caller caller) {
    Plan p = visible(plans.findForUpdate(planId).orElse(null), planId, caller);
    if (!PlanAccess.canWrite(caller, p)) {
      throw new ProblemException(Problem.forbidden());
    }
    p.requireOpen();
    PlanVersion inForce =
        p.inForce()
            .orElseThrow(
                () ->
                    new PlanRefused(
                        PlanRefused.Reason.WRONG_STATE,
                        "the plan has no approved version yet; deliveries follow approval"));
    PlanContent.Activity activity =
        inForce.content().activities().stream()
            .filter(a -> a.activityId().equals(report.activityId()))
            .findFirst()
            .orElseThrow(
                () ->
                    new PlanRefused(
                        PlanRefused.Reason.DELIVERY_NOT_ALLOWED,
                        "the delivery does not fit the approved plan",
                        List.of(
                            new FieldError(
                                "activityId",
                                "is not an activity of the version in force ("
                                    + inForce.number
                                    + ")"))));
    Instant now = now();
    ServiceDelivery d =
        ServiceDelivery.record(
            p.id,
            p.doteId,
            inForce.number,
            activity,
            report,
            deliveredHours(p.id, activity.activityId()),
            LocalDate.now(clock),
            now);
    d.persist();
    history(p, PlanHistory.DELIVERY_RECORDED, d, caller);
    ServiceDelivery.getEntityManager().flush();
    return d;
  }

  /** The deliveries of a plan the caller may see, with totals per activity. */
  @Transactional
  public DeliveriesView list(UUID planId, Caller caller) {
    Plan p = visible(plans.findByIdOptional(planId).orElse(null), planId, caller);
    List<ServiceDelivery> all = ServiceDelivery.list("planId = ?1 order by recordedAt, id", p.id);
    Map<UUID, int[]> hours = new LinkedHashMap<>();
    Map<UUID, Long> paid = new LinkedHashMap<>();
    for (ServiceDelivery d : all) {
      int[] h = hours.computeIfAbsent(d.activityId, k -> new int[2]);
      if (d.state != DeliveryState.REJECTED) {
        h[0] += d.hours;
      }
      if (d.state == DeliveryState.VALIDATED) {
        h[1] += d.hours;
        paid.merge(d.activityId, d.amountCents, Long::sum);
      }
    }
    List<DeliveriesView.ActivityTotals> totals = new ArrayList<>();
    p.inForce()
        .ifPresent(
            v -> {
              for (PlanContent.Activity a : v.content().activities()) {
                int[] h = hours.getOrDefault(a.activityId(), new int[2]);
                totals.add(
                    new DeliveriesView.ActivityTotals(
                        a.activityId(),
                        a.serviceCode(),
                        a.plannedHours(),
                        h[0],
                        h[1],
                        a.costCents() == null ? 0 : a.costCents(),
                        paid.getOrDefault(a.activityId(), 0L)));
              }
            });
    return new DeliveriesView(all.stream().map(DeliveryView::of).toList(), totals);
  }

  /** One delivery of a plan the caller may see. */
  @Transactional
  public ServiceDelivery get(UUID planId, UUID deliveryId, Caller caller) {
    Plan p = visible(plans.findByIdOptional(planId).orElse(null), planId, caller);
    return delivery(p, deliveryId, LockModeType.NONE);
  }

  /**
   * The agency or a CPI operator of the province validates a recorded delivery; emits {@code
   * plan.service-delivered} with the amount from the approved catalogue cost.
   */
  @Transactional
  public ServiceDelivery validate(UUID planId, UUID deliveryId, String ifMatch, Caller caller) {
    Plan p = decidable(planId, caller);
    ServiceDelivery d = delivery(p, deliveryId, LockModeType.PESSIMISTIC_WRITE);
    Preconditions.optional(ifMatch, d.etag());
    Instant now = now();
    ServiceDelivered event = d.validate(now);
    outbox.append(PlanEvent.TOPIC, event);
    history(p, PlanHistory.DELIVERY_VALIDATED, d, caller);
    ServiceDelivery.getEntityManager().flush();
    return d;
  }

  /** The agency or a CPI operator of the province rejects a recorded delivery; nothing is paid. */
  @Transactional
  public ServiceDelivery reject(
      UUID planId, UUID deliveryId, RejectionReason reason, String ifMatch, Caller caller) {
    Plan p = decidable(planId, caller);
    ServiceDelivery d = delivery(p, deliveryId, LockModeType.PESSIMISTIC_WRITE);
    Preconditions.optional(ifMatch, d.etag());
    Instant now = now();
    d.reject(reason, now);
    history(p, PlanHistory.DELIVERY_REJECTED, d, caller);
    ServiceDelivery.getEntityManager().flush();
    return d;
  }

  private Plan decidable(UUID planId, Caller caller) {
    Plan p = visible(plans.findByIdOptional(planId).orElse(null), planId, caller);
    if (!PlanAccess.canDecide(caller, p)) {
      throw new ProblemException(Problem.forbidden());
    }
    return p;
  }

  private static ServiceDelivery delivery(Plan p, UUID deliveryId, LockModeType lock) {
    ServiceDelivery d = ServiceDelivery.findById(deliveryId, lock);
    if (d == null || !d.planId.equals(p.id)) {
      throw ProblemException.notFound("delivery", deliveryId);
    }
    return d;
  }

  private static int deliveredHours(UUID planId, UUID activityId) {
    Number sum =
        ServiceDelivery.getEntityManager()
            .createQuery(
                "select coalesce(sum(d.hours), 0) from ServiceDelivery d where d.planId = :plan"
                    + " and d.activityId = :activity and d.state <> :rejected",
                Number.class)
            .setParameter("plan", planId)
            .setParameter("activity", activityId)
            .setParameter("rejected", DeliveryState.REJECTED)
            .getSingleResult();
    return sum.intValue();
  }

  private static Plan visible(Plan p, UUID id, Caller caller) {
    if (p == null || !PlanAccess.canRead(caller, p)) {
      throw ProblemException.notFound("plan", id);
    }
    return p;
  }

  private void history(Plan p, String action, ServiceDelivery d, Caller caller) {
    history.record(p.id, action, d.planVersion, List.of(d.id.toString()), caller);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
