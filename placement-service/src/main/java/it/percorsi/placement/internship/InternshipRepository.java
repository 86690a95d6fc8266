package it.percorsi.placement.internship;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import it.percorsi.placement.attendance.AttendanceMonth;
import it.percorsi.platform.access.CaseScope;
import it.percorsi.platform.caller.Caller;
import it.percorsi.platform.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Queries on internships and their attendance. */
@ApplicationScoped
public class InternshipRepository implements PanacheRepositoryBase<Internship, UUID> {

  public Optional<Internship> findForUpdate(UUID id) {
    return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
  }

  public long runningAt(UUID employerId) {
    return count("employerId = ?1 and state = ?2", employerId, InternshipState.STARTED);
  }

  public Optional<UUID> runningOf(UUID participantId) {
    return find("participantId = ?1 and state = ?2", participantId, InternshipState.STARTED)
        .firstResultOptional()
        .map(i -> i.id);
  }

  /** Running internships of a dote, locked (a dote has at most one at a time). */
  public List<Internship> runningOfDote(UUID doteId) {
    return find("doteId = ?1 and state = ?2", doteId, InternshipState.STARTED)
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .list();
  }

  public Optional<AttendanceMonth> attendance(UUID internshipId, String month) {
    return AttendanceMonth.find("internshipId = ?1 and month = ?2", internshipId, month)
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .firstResultOptional();
  }

  public List<AttendanceMonth> attendance(UUID internshipId) {
    return AttendanceMonth.list("internshipId = ?1 order by month", internshipId);
  }

  /** Filters of the internship list; null means "any". */
  public record Filter(
      UUID doteId, UUID employerId, UUID participantId, InternshipState state, String province) {}

  /** One page of the internships {@code caller} may see, oldest first. */
  public List<Internship> page(Filter f, Caller caller, PageRequest page) {
    CaseScope.Where scope = InternshipAccess.where(caller);
    List<String> where = new ArrayList<>(List.of(scope.jpql()));
    Map<String, Object> params = new HashMap<>(scope.params());
    eq(where, params, "doteId", f.doteId());
    eq(where, params, "employerId", f.employerId());
    eq(where, params, "participantId", f.participantId());
    eq(where, params, "state", f.state());
    eq(where, params, "provinceCode", f.province());
    page.addAfter("startedAt", "id", where, params);
    return find(String.join(" and ", where) + " order by startedAt, id", params)
        .range(0, page.fetchSize() - 1)
        .list();
  }

  private static void eq(List<String> where, Map<String, Object> params, String field, Object v) {
    if (v != null) {
      where.add(field + " = :" + field);
      params.put(field, v);
    }
  }
}
