package it.percorsi.placement.outcome;

import it.percorsi.placement.attendance.AttendanceMonth;
import it.percorsi.placement.followup.FollowUp;
import it.percorsi.placement.hire.Hire;
import it.percorsi.placement.internship.Internship;
import it.percorsi.placement.outcome.OutcomeFigures.Dimension;
import it.percorsi.platform.caller.Caller;
import it.percorsi.platform.projection.dote.DoteProjection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Outcome figures over every case that matches the filters. The agency and auditors see exact
 * figures; everyone else (promoters, CPI operators, integrators) sees any cell under {@link
 * #MIN_CELL} suppressed, so that no individual can be singled out.
 */
@ApplicationScoped
public class OutcomeService {

  public static final int MIN_CELL = 5;

  /** Filters: null means any. */
  public record Filter(String programme, String region, String province, String promoter) {}

  /** The figures, and whether small cells were suppressed for this caller. */
  public record Outcomes(
      List<String> groupBy, boolean suppressed, List<Map<String, Object>> rows) {}

  @Transactional
  public Outcomes outcomes(List<Dimension> groupBy, Filter filter, Caller caller) {
    String where = where(filter);
    Map<String, Object> params = params(filter);
    List<OutcomeFigures.DoteRow> dotes =
        DoteProjection.<DoteProjection>find(where, params).stream()
            .map(
                d ->
                    new OutcomeFigures.DoteRow(
                        d.doteId,
                        new OutcomeFigures.Where(
                            d.programmeCode, d.regionCode, d.provinceCode, d.promoterOrgId),
                        d.activatedOn != null))
            .toList();
    List<Internship> internships = Internship.<Internship>find(where, params).list();
    Map<UUID, Internship> byId = new HashMap<>();
    internships.forEach(i -> byId.put(i.id, i));
    List<OutcomeFigures.InternshipRow> rows =
        internships.stream()
            .map(
                i ->
                    new OutcomeFigures.InternshipRow(
                        i.id,
                        i.participantId,
                        new OutcomeFigures.Where(
                            i.programmeCode, i.regionCode, i.provinceCode, i.promoterOrgId),
                        i.state.name(),
                        i.startDate,
                        i.endedOn))
            .toList();
    List<OutcomeFigures.AttendanceRow> attendance = new ArrayList<>();
    for (AttendanceMonth a : AttendanceMonth.<AttendanceMonth>list("confirmedBy is not null")) {
      Internship i = byId.get(a.internshipId);
      if (i != null) {
        attendance.add(
            new OutcomeFigures.AttendanceRow(i.id, a.meets(i.attendanceThresholdPercent)));
      }
    }
    List<OutcomeFigures.FollowUpRow> followUps =
        FollowUp.<FollowUp>list("status <> ?1", FollowUp.Status.SCHEDULED).stream()
            .filter(f -> byId.containsKey(f.internshipId))
            .map(f -> new OutcomeFigures.FollowUpRow(f.internshipId, f.months, f.employed))
            .toList();
    List<OutcomeFigures.HireRow> hires =
        Hire.<Hire>listAll().stream()
            .map(h -> new OutcomeFigures.HireRow(h.participantId, h.contractFamily, h.startDate))
            .toList();
    List<Map<String, Object>> figures =
        OutcomeFigures.compute(groupBy, dotes, rows, attendance, followUps, hires);
    boolean exact = caller.readsEverything();
    return new Outcomes(
        groupBy.stream().map(d -> d.param).toList(),
        !exact,
        exact ? figures : figures.stream().map(r -> OutcomeFigures.suppress(r, MIN_CELL)).toList());
  }

  private static String where(Filter f) {
    List<String> w = new ArrayList<>(List.of("1 = 1"));
    if (f.programme() != null) {
      w.add("programmeCode = :programme");
    }
    if (f.region() != null) {
      w.add("regionCode = :region");
    }
    if (f.province() != null) {
      w.add("provinceCode = :province");
    }
    if (f.promoter() != null) {
      w.add("promoterOrgId = :promoter");
    }
    return String.join(" and ", w);
  }

  private static Map<String, Object> params(Filter f) {
    Map<String, Object> p = new HashMap<>();
    if (f.programme() != null) {
      p.put("programme", f.programme());
    }
    if (f.region() != null) {
      p.put("region", f.region());
    }
    if (f.province() != null) {
      p.put("province", f.province());
    }
    if (f.promoter() != null) {
      p.put("promoter", f.promoter());
    }
    return p;
  }
}
