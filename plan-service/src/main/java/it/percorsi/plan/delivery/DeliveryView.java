package it.percorsi.plan.delivery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A service delivery as returned. */
public record DeliveryView(
    UUID id,
    UUID planId,
    UUID activityId,
    @Schema(examples = "SPECIALIST_ORIENTATION") String serviceCode,
    @Schema(examples = "1") int planVersion,
    @Schema(examples = "2026-12-15") LocalDate deliveredOn,
    @Schema(examples = "4") int hours,
    String note,
    @Schema(examples = "RECORDED") DeliveryState state,
    @Schema(examples = "14000", description = "hours × unit cost, euro cents") long amountCents,
    RejectionReason rejectionReason,
    Instant recordedAt,
    Instant decidedAt) {

  public static DeliveryView of(ServiceDelivery d) {
    return new DeliveryView(
        d.id,
        d.planId,
        d.activityId,
        d.serviceCode,
        d.planVersion,
        d.deliveredOn,
        d.hours,
        d.note,
        d.state,
        d.amountCents,
        d.rejectionReason,
        d.recordedAt,
        d.decidedAt);
  }
}
