package it.percorsi.plan.events;

import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code it.percorsi.plan.service-delivered.v1}: a delivery was validated; dote-service pays the
 * promoter {@code amountCents} once per {@code deliveryId}. The contract (deliveryId, doteId,
 * serviceType, hours, amountCents) stands; planId, activityId and deliveredOn are additive.
 *
 * @param serviceType the catalogue code of the service
 * @param amountCents hours (or outcomes) × the catalogue cost the approved plan holds
 */
public record ServiceDelivered(
    UUID deliveryId,
    UUID doteId,
    String serviceType,
    int hours,
    long amountCents,
    UUID planId,
    UUID activityId,
    LocalDate deliveredOn)
    implements PlanEvent {

  public static final String TYPE = "it.percorsi.plan.service-delivered.v1";

  @Override
  public String type() {
    return TYPE;
  }
}
