package it.percorsi.plan.delivery;

/** A delivery is recorded by the promoter, then validated (paid) or rejected by a reviewer. */
public enum DeliveryState {
  RECORDED,
  VALIDATED,
  REJECTED
}
