package it.percorsi.plan.plan;

/** Why a plan takes no more changes. */
public enum ClosedReason {
  DOTE_EXPIRED,
  DOTE_REVOKED,
  DOTE_COMPLETED,
  /** An approval reached dote-service after the dote had ended. */
  ACTIVATION_REFUSED;

  /** What a refused writer is told. */
  public String explanation() {
    return switch (this) {
      case DOTE_EXPIRED -> "the dote expired before the plan was approved";
      case DOTE_REVOKED -> "the dote was revoked";
      case DOTE_COMPLETED -> "the dote is completed";
      case ACTIVATION_REFUSED -> "dote-service refused to activate the dote on this plan";
    };
  }
}
