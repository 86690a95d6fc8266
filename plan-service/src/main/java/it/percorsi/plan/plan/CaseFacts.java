package it.percorsi.plan.plan;

import java.util.Optional;
import java.util.UUID;

/**
 * What plan-service knows of a plan's case from other services' events: the dote's terms and
 * whether it ended, and whether the participant is a minor today.
 */
public interface CaseFacts {

  /** The dote as projected; empty when its events have not arrived. */
  Optional<DoteSnapshot> dote(UUID doteId);

  /** Whether the participant is a minor today, as the participant projection knows it. */
  boolean minor(UUID participantId);

  /**
   * A dote as projected.
   *
   * @param state the dote's state (ASSIGNED, ACTIVE, EXTENDED, EXPIRED, REVOKED, COMPLETED)
   */
  record DoteSnapshot(DoteTerms terms, String state) {

    /** Expired, revoked or completed: nothing more may be approved or paid on it. */
    public Optional<ClosedReason> ended() {
      return switch (state) {
        case "EXPIRED" -> Optional.of(ClosedReason.DOTE_EXPIRED);
        case "REVOKED" -> Optional.of(ClosedReason.DOTE_REVOKED);
        case "COMPLETED" -> Optional.of(ClosedReason.DOTE_COMPLETED);
        default -> Optional.empty();
      };
    }
  }
}
