package it.percorsi.plan.delivery;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import it.percorsi.plan.events.ServiceDelivered;
import it.percorsi.plan.plan.PlanContent;
import it.percorsi.plan.plan.PlanRefused;
import it.percorsi.plan.plan.PlanRefused.Reason;
import it.percorsi.platform.http.Preconditions;
import it.percorsi.platform.problem.Problem.FieldError;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Hours of one activity of an approved plan that the promoter says it delivered. A reviewer
 * validates it (then dote-service pays the promoter once) or rejects it (nothing is paid and its
 * hours count no more against the activity).
 */
@Entity
@Table(name = "service_delivery")
public class ServiceDelivery extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "plan_id", nullable = false)
  public UUID planId;

  @Column(name = "dote_id", nullable = false)
  public UUID doteId;

  @Column(name = "activity_id", nullable = false)
  public UUID activityId;

  @Column(name = "service_code", nullable = false, length = 40)
  public String serviceCode;

  /** The approved version the activity was taken from. */
  @Column(name = "plan_version", nullable = false)
  public int planVersion;

  @Column(name = "delivered_on", nullable = false)
  public LocalDate deliveredOn;

  @Column(nullable = false)
  public int hours;

  @Column(length = 2000)
  public String note;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  public DeliveryState state;

  /** Hours × the unit cost the approved version holds. */
  @Column(name = "amount_cents", nullable = false)
  public long amountCents;

  @Column(name = "recorded_at", nullable = false)
  public Instant recordedAt;

  @Column(name = "decided_at")
  public Instant decidedAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "rejection_reason", length = 40)
  public RejectionReason rejectionReason;

  @Version
  @Column(nullable = false)
  public long version;

  protected ServiceDelivery() {}

  /** A delivery as the promoter reports it. */
  public record Report(UUID activityId, LocalDate deliveredOn, int hours, String note) {}

  /**
   * Records a delivery of {@code activity} of the approved version {@code planVersion}: refused
   * (naming the field) when the date is in the future or outside the activity's period, or when the
   * hours would pass the activity's planned hours with what is already recorded or validated.
   *
   * @param alreadyDelivered hours of the activity recorded or validated so far
   */
  public static ServiceDelivery record(
      UUID planId,
      UUID doteId,
      int planVersion,
      PlanContent.Activity activity,
      Report report,
      int alreadyDelivered,
      LocalDate today,
      Instant now) {
    List<FieldError> errors = new ArrayList<>();
    if (report.deliveredOn().isAfter(today)) {
      errors.add(new FieldError("deliveredOn", "must not be in the future"));
    } else if (report.deliveredOn().isBefore(activity.from())
        || report.deliveredOn().isAfter(activity.to())) {
      errors.add(
          new FieldError(
              "deliveredOn",
              "must be within the activity's period, " + activity.from() + " to " + activity.to()));
    }
    int planned = activity.plannedHours();
    if (alreadyDelivered + report.hours() > planned) {
      errors.add(
          new FieldError(
              "hours",
              "would bring the activity to "
                  + (alreadyDelivered + report.hours())
                  + " of the "
                  + planned
                  + " planned ("
                  + alreadyDelivered
                  + " already delivered)"));
    }
    if (!errors.isEmpty()) {
      throw new PlanRefused(
          Reason.DELIVERY_NOT_ALLOWED, "the delivery does not fit the approved plan", errors);
    }
    ServiceDelivery d = new ServiceDelivery();
    d.id = UUID.randomUUID();
    d.planId = planId;
    d.doteId = doteId;
    d.activityId = activity.activityId();
    d.serviceCode = activity.serviceCode();
    d.planVersion = planVersion;
    d.deliveredOn = report.deliveredOn();
    d.hours = report.hours();
    d.note = report.note();
    d.state = DeliveryState.RECORDED;
    d.amountCents = Math.multiplyExact(activity.unitCostCents(), (long) report.hours());
    d.recordedAt = now;
    return d;
  }

  /** Validates the delivery; emits {@code plan.service-delivered}, which dote-service pays once. */
  public ServiceDelivered validate(Instant now) {
    requireRecorded();
    state = DeliveryState.VALIDATED;
    decidedAt = now;
    return new ServiceDelivered(
        id, doteId, serviceCode, hours, amountCents, planId, activityId, deliveredOn);
  }

  /** Rejects the delivery: nothing is paid and its hours no longer count. No event. */
  public void reject(RejectionReason reason, Instant now) {
    requireRecorded();
    state = DeliveryState.REJECTED;
    rejectionReason = reason;
    decidedAt = now;
  }

  public String etag() {
    return Preconditions.etag(version);
  }

  private void requireRecorded() {
    if (state != DeliveryState.RECORDED) {
      throw new PlanRefused(
          Reason.DELIVERY_DECIDED, "delivery " + id + " is already " + state.name().toLowerCase());
    }
  }
}
