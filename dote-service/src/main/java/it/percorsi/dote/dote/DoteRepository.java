package it.percorsi.dote.dote;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DoteRepository implements PanacheRepositoryBase<Dote, UUID> {

  /**
   * A live dote of the person, in any programme, or one of this programme in any non-failed state.
   */
  public List<Dote> blocking(UUID participantId, String programmeCode) {
    return list(
        "participantId = ?1 and (state in ?2 or (programmeCode = ?3 and state = ?4))",
        participantId,
        Dote.State.LIVE,
        programmeCode,
        Dote.State.COMPLETED);
  }

  public List<UUID> overdue(LocalDate today, int limit) {
    return find(
            "state = ?1 and startDeadline < ?2 order by startDeadline", Dote.State.ASSIGNED, today)
        .page(0, limit)
        .project(IdOnly.class)
        .list()
        .stream()
        .map(IdOnly::id)
        .toList();
  }

  /** Projection of the id only. */
  public record IdOnly(UUID id) {}
}
