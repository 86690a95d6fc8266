package it.percorsi.plan.plan;

/** A version's life: written, submitted, then returned (and written again) or approved. */
public enum VersionState {
  DRAFT,
  SUBMITTED,
  RETURNED,
  APPROVED,
  /** Was approved and in force until a later version was approved. */
  SUPERSEDED,
  /** A draft or submitted version left when the plan closed. */
  ABANDONED;

  /** The promoter may still write this version. */
  public boolean writable() {
    return this == DRAFT || this == RETURNED;
  }
}
