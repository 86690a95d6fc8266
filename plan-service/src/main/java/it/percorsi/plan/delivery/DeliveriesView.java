package it.percorsi.plan.delivery;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The deliveries of a plan, with totals per activity of the version in force. */
public record DeliveriesView(List<DeliveryView> deliveries, List<ActivityTotals> totals) {

  /**
   * What was planned, delivered and validated for one activity.
   *
   * @param deliveredHours recorded or validated (rejected ones do not count)
   * @param paidCents validated amounts, sent to dote-service for payment once each
   */
  public record ActivityTotals(
      UUID activityId,
      @Schema(examples = "SPECIALIST_ORIENTATION") String serviceCode,
      @Schema(examples = "12") int plannedHours,
      @Schema(examples = "8") int deliveredHours,
      @Schema(examples = "4") int validatedHours,
      @Schema(examples = "42000") long plannedCents,
      @Schema(examples = "14000") long paidCents) {}
}
