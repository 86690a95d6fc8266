package it.percorsi.plan.plan;

/** Where a plan stands: the state of its latest version, or closed with its dote. */
public enum PlanState {
  DRAFT,
  SUBMITTED,
  RETURNED,
  APPROVED,
  CLOSED
}
