package it.percorsi.plan.delivery;

/** Why a reviewer rejects a delivery. */
public enum RejectionReason {
  NOT_DELIVERED,
  NOT_DOCUMENTED,
  NOT_IN_PLAN,
  DUPLICATE,
  OTHER
}
