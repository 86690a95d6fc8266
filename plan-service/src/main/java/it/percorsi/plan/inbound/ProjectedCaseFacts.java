package it.percorsi.plan.inbound;

import it.percorsi.plan.plan.CaseFacts;
import it.percorsi.plan.plan.DoteTerms;
import it.percorsi.platform.projection.dote.DoteProjection;
import it.percorsi.platform.projection.participant.ParticipantProjection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/** The case facts from the dote and participant projections this service keeps. */
@ApplicationScoped
public class ProjectedCaseFacts implements CaseFacts {

  @Override
  public Optional<DoteSnapshot> dote(UUID doteId) {
    return DoteProjection.<DoteProjection>findByIdOptional(doteId).map(ProjectedCaseFacts::of);
  }

  @Override
  public boolean minor(UUID participantId) {
    ParticipantProjection p = ParticipantProjection.findById(participantId);
    return p != null && p.minor;
  }

  /**
   * The dote's terms; a term an older dote.assigned did not carry counts as zero, so a plan is
   * never approved against a budget nobody announced.
   */
  static DoteSnapshot of(DoteProjection d) {
    return new DoteSnapshot(
        new DoteTerms(
            d.doteId,
            d.assignedOn,
            d.startDeadline,
            d.internshipMonths == null ? 0 : d.internshipMonths,
            d.extensionMonths,
            d.promoterServicesCents == null ? 0 : d.promoterServicesCents),
        d.state);
  }
}
