package it.percorsi.placement.outcome;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * Outcome figures computed from the records, grouped by any of programme, region, province and
 * promoter. Pure: the service loads the rows, this class counts them, so a test can recompute the
 * same figures from the same rows.
 */
public final class OutcomeFigures {

  /** The dimensions a caller may group and filter by. */
  public enum Dimension {
    PROGRAMME("programme"),
    REGION("region"),
    PROVINCE("province"),
    PROMOTER("promoter");

    public final String param;

    Dimension(String param) {
      this.param = param;
    }

    public static Dimension of(String param) {
      for (Dimension d : values()) {
        if (d.param.equals(param)) {
          return d;
        }
      }
      return null;
    }
  }

  /** Where a record belongs: its programme, region, province and promoter. */
  public record Where(String programme, String region, String province, String promoter) {

    String get(Dimension d) {
      return switch (d) {
        case PROGRAMME -> programme;
        case REGION -> region;
        case PROVINCE -> province;
        case PROMOTER -> promoter;
      };
    }
  }

  /** A dote as counted. */
  public record DoteRow(UUID doteId, Where where, boolean activated) {}

  /** An internship as counted. */
  public record InternshipRow(
      UUID internshipId,
      UUID participantId,
      Where where,
      String state,
      LocalDate startDate,
      LocalDate endedOn) {}

  /** A confirmed attendance month as counted. */
  public record AttendanceRow(UUID internshipId, boolean meetsThreshold) {}

  /** A due follow-up checkpoint as counted (recorded or waiting). */
  public record FollowUpRow(UUID internshipId, int months, Boolean employed) {}

  /** A hire as counted. */
  public record HireRow(UUID participantId, String contractFamily, LocalDate startDate) {}

  /** The metrics, in the order of the CSV columns. Count metrics are people or records. */
  public static final List<String> COUNTS =
      List.of(
          "dotesAssigned",
          "dotesActivated",
          "internshipsStarted",
          "internshipsCompleted",
          "internshipsInterrupted",
          "attendanceMonthsMeetingThreshold",
          "followUpsDue1",
          "employedAt1",
          "followUpsDue3",
          "employedAt3",
          "followUpsDue6",
          "employedAt6",
          "followUpsDue12",
          "employedAt12",
          "hiredPermanent",
          "hiredFixedTerm",
          "hiredApprenticeship",
          "hiredOther",
          "peopleHiredAfterInternship");

  /** Rates and the median: derived from counts, suppressed when what they derive from is. */
  public static final List<String> DERIVED =
      List.of(
          "completionRatePercent",
          "employmentRatePercent1",
          "employmentRatePercent3",
          "employmentRatePercent6",
          "employmentRatePercent12",
          "medianDaysToFirstHire");

  private OutcomeFigures() {}

  /**
   * One row of raw figures per group (sorted by the group's values), each a map from metric to
   * number (null for a median or rate without data).
   */
  public static List<Map<String, Object>> compute(
      List<Dimension> groupBy,
      List<DoteRow> dotes,
      List<InternshipRow> internships,
      List<AttendanceRow> attendance,
      List<FollowUpRow> followUps,
      List<HireRow> hires) {
    Function<Where, List<String>> key = w -> groupBy.stream().map(w::get).toList();
    TreeMap<String, Group> groups = new TreeMap<>();
    Function<Where, Group> group =
        w ->
            groups.computeIfAbsent(
                String.join("\u0000", key.apply(w).stream().map(String::valueOf).toList()),
                k -> new Group(groupBy, w));
    for (DoteRow d : dotes) {
      Group g = group.apply(d.where());
      g.dotes.add(d.doteId());
      if (d.activated()) {
        g.activated.add(d.doteId());
      }
    }
    Map<UUID, InternshipRow> byId = new HashMap<>();
    Map<UUID, List<HireRow>> hiresOf = new HashMap<>();
    for (HireRow h : hires) {
      hiresOf.computeIfAbsent(h.participantId(), k -> new ArrayList<>()).add(h);
    }
    for (InternshipRow i : internships) {
      byId.put(i.internshipId(), i);
      Group g = group.apply(i.where());
      g.started.add(i.internshipId());
      if ("COMPLETED".equals(i.state())) {
        g.completed.add(i.internshipId());
      } else if ("INTERRUPTED".equals(i.state())) {
        g.interrupted.add(i.internshipId());
      }
      if (i.endedOn() != null) {
        // The first hire that starts once the internship has started (a host may hire before the
        // planned end); days from the internship's end, 0 when hired before it ended.
        hiresOf.getOrDefault(i.participantId(), List.of()).stream()
            .filter(h -> !"INTERNSHIP".equals(h.contractFamily()))
            .filter(h -> !h.startDate().isBefore(i.startDate()))
            .min(java.util.Comparator.comparing(HireRow::startDate))
            .ifPresent(
                h -> {
                  g.hiredAfter.add(i.participantId());
                  g.daysToHire.add(
                      Math.max(0, ChronoUnit.DAYS.between(i.endedOn(), h.startDate())));
                  g.families.putIfAbsent(i.participantId(), h.contractFamily());
                });
      }
    }
    for (AttendanceRow a : attendance) {
      InternshipRow i = byId.get(a.internshipId());
      if (i != null && a.meetsThreshold()) {
        group.apply(i.where()).monthsMet++;
      }
    }
    for (FollowUpRow f : followUps) {
      InternshipRow i = byId.get(f.internshipId());
      if (i == null) {
        continue;
      }
      Group g = group.apply(i.where());
      g.due.merge(f.months(), 1, Integer::sum);
      if (Boolean.TRUE.equals(f.employed())) {
        g.employed.merge(f.months(), 1, Integer::sum);
      }
    }
    return groups.values().stream().map(Group::row).toList();
  }

  /** Counts of one group. */
  private static final class Group {
    final Map<String, Object> keys = new LinkedHashMap<>();
    final Set<UUID> dotes = new HashSet<>();
    final Set<UUID> activated = new HashSet<>();
    final Set<UUID> started = new HashSet<>();
    final Set<UUID> completed = new HashSet<>();
    final Set<UUID> interrupted = new HashSet<>();
    final Set<UUID> hiredAfter = new HashSet<>();
    final Map<UUID, String> families = new HashMap<>();
    final List<Long> daysToHire = new ArrayList<>();
    final Map<Integer, Integer> due = new HashMap<>();
    final Map<Integer, Integer> employed = new HashMap<>();
    int monthsMet;

    Group(List<Dimension> groupBy, Where w) {
      groupBy.forEach(d -> keys.put(d.param, w.get(d)));
    }

    Map<String, Object> row() {
      Map<String, Object> r = new LinkedHashMap<>(keys);
      r.put("dotesAssigned", dotes.size());
      r.put("dotesActivated", activated.size());
      r.put("internshipsStarted", started.size());
      r.put("internshipsCompleted", completed.size());
      r.put("internshipsInterrupted", interrupted.size());
      r.put("attendanceMonthsMeetingThreshold", monthsMet);
      for (int m : List.of(1, 3, 6, 12)) {
        r.put("followUpsDue" + m, due.getOrDefault(m, 0));
        r.put("employedAt" + m, employed.getOrDefault(m, 0));
      }
      r.put("hiredPermanent", family("PERMANENT"));
      r.put("hiredFixedTerm", family("FIXED_TERM"));
      r.put("hiredApprenticeship", family("APPRENTICESHIP"));
      r.put("hiredOther", family("OTHER"));
      r.put("peopleHiredAfterInternship", hiredAfter.size());
      r.put("completionRatePercent", rate(completed.size(), completed.size() + interrupted.size()));
      for (int m : List.of(1, 3, 6, 12)) {
        r.put(
            "employmentRatePercent" + m, rate(employed.getOrDefault(m, 0), due.getOrDefault(m, 0)));
      }
      r.put("medianDaysToFirstHire", median(daysToHire));
      return r;
    }

    int family(String f) {
      return (int) families.values().stream().filter(f::equals).count();
    }
  }

  /** Per cent with one decimal, or null without a denominator. */
  static Double rate(int part, int whole) {
    return whole == 0 ? null : Math.round(part * 1000.0 / whole) / 10.0;
  }

  static Double median(List<Long> values) {
    if (values.isEmpty()) {
      return null;
    }
    List<Long> s = values.stream().sorted().toList();
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2).doubleValue() : (s.get(n / 2 - 1) + s.get(n / 2)) / 2.0;
  }

  /**
   * The figures as a caller who must not single anyone out sees them: every count under {@code
   * threshold} becomes {@code "suppressed"}, and so does a rate or median computed from a
   * suppressed count (it would give the small number back).
   */
  public static Map<String, Object> suppress(Map<String, Object> row, int threshold) {
    Map<String, Object> r = new LinkedHashMap<>(row);
    for (String c : COUNTS) {
      if (r.get(c) instanceof Integer n && n < threshold) {
        r.put(c, SUPPRESSED);
      }
    }
    if (hidden(r, "internshipsCompleted") || hidden(r, "internshipsInterrupted")) {
      r.put("completionRatePercent", SUPPRESSED);
    }
    for (int m : List.of(1, 3, 6, 12)) {
      if (hidden(r, "employedAt" + m) || hidden(r, "followUpsDue" + m)) {
        r.put("employmentRatePercent" + m, SUPPRESSED);
      }
    }
    if (hidden(r, "peopleHiredAfterInternship")) {
      r.put("medianDaysToFirstHire", SUPPRESSED);
    }
    return r;
  }

  public static final String SUPPRESSED = "suppressed";

  private static boolean hidden(Map<String, Object> r, String metric) {
    return SUPPRESSED.equals(r.get(metric));
  }
}
