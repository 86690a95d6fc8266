package it.percorsi.demo;

import it.percorsi.demo.Hosts.Host;
import it.percorsi.demo.Population.Person;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What happens in each case, decided from the seed before anything is sent: the programme, the
 * planned start, the host, the attendance of every month, an extension, an interruption, a hire and
 * the promoter's answers at follow-ups. Pure: the same seed, start date and people give the same
 * script.
 */
public final class Script {

  private Script() {}

  /** The national edition, modelled on Percorsi III (under 23, 5 months, no extension). */
  public static final String NATIONAL = "DEMO-PERCORSI-NAZIONALE";

  /** The southern edition, modelled on Percorsi 4 (under 24, 6 months, up to 6 more). */
  public static final String SOUTH = "DEMO-PERCORSI-SUD";

  /** Places per region in each programme (ISTAT region codes). */
  public static final Map<String, Map<String, Integer>> QUOTAS =
      Map.of(
          NATIONAL,
          Map.of("01", 18, "03", 60, "08", 22, "09", 14, "12", 38, "19", 50),
          SOUTH,
          Map.of("15", 36, "16", 28, "18", 20, "19", 62));

  public static int internshipMonths(String programme) {
    return NATIONAL.equals(programme) ? 5 : 6;
  }

  public static int clearanceDays(String programme) {
    return NATIONAL.equals(programme) ? 60 : 90;
  }

  /** A hire: UNILAV contract type, start, end (null when open-ended), employer. */
  public record Hire(
      String contractType, LocalDate start, LocalDate end, int weeklyHours, Host employer) {}

  /** The script of one person's case (used when the person gets a dote). */
  public record Case(
      Person person,
      String programme,
      LocalDate plannedStart,
      int weeklyHours,
      Host host,
      int extensionMonths,
      String interruption,
      LocalDate lastDay,
      Hire hire,
      double[] attendance,
      boolean[] employedAtFollowUp) {

    public int months() {
      return internshipMonths(programme);
    }

    /** This case with its hire and the employment found at each follow-up. */
    Case with(Hire hire, boolean[] employedAtFollowUp) {
      return new Case(
          person,
          programme,
          plannedStart,
          weeklyHours,
          host,
          extensionMonths,
          interruption,
          lastDay,
          hire,
          attendance,
          employedAtFollowUp);
    }

    /** The planned end with the extension: start plus the months, minus a day. */
    public LocalDate plannedEnd() {
      return plannedStart.plusMonths(months() + extensionMonths).minusDays(1);
    }

    /** The internship's last day: the interruption's or the planned end. */
    public LocalDate end() {
      return interruption != null ? lastDay : plannedEnd();
    }

    /** The calendar months the internship touches, in order. */
    public List<YearMonth> months(LocalDate last) {
      List<YearMonth> out = new ArrayList<>();
      for (YearMonth m = YearMonth.from(plannedStart);
          !m.isAfter(YearMonth.from(last));
          m = m.plusMonths(1)) {
        out.add(m);
      }
      return out;
    }

    /** The share of the planned hours attended in the {@code i}-th month. */
    public double attendance(int i) {
      return attendance[Math.min(i, attendance.length - 1)];
    }

    public boolean employedAt(int checkpoint) {
      return employedAtFollowUp[
          switch (checkpoint) {
            case 1 -> 0;
            case 3 -> 1;
            case 6 -> 2;
            default -> 3;
          }];
    }
  }

  /**
   * The programme a person applies to: the south's regions to SUD, Sicily split, others national.
   */
  public static String programmeOf(Person p) {
    String region = p.province().region();
    if (QUOTAS.get(SOUTH).containsKey(region) && !QUOTAS.get(NATIONAL).containsKey(region)) {
      return SOUTH;
    }
    if (QUOTAS.get(NATIONAL).containsKey(region) && QUOTAS.get(SOUTH).containsKey(region)) {
      return p.index() % 2 == 0 ? NATIONAL : SOUTH;
    }
    return NATIONAL;
  }

  /** The script of every person, in the order of {@code people}. */
  public static List<Case> cases(long seed, LocalDate t0, List<Person> people, List<Host> hosts) {
    Map<String, List<Host>> byProvince = new HashMap<>();
    hosts.forEach(h -> byProvince.computeIfAbsent(h.province(), k -> new ArrayList<>()).add(h));
    Map<Integer, Integer> used = new HashMap<>();
    List<Case> cases = new ArrayList<>();
    for (Person p : people) {
      Random r = new Random(mix(seed, p.index()));
      String programme = programmeOf(p);
      int spread = clearanceDays(programme) - 20;
      LocalDate start = Population.weekday(t0.plusDays(14 + r.nextInt(spread)));
      int weekly = new int[] {20, 25, 25, 30}[r.nextInt(4)];
      Host host = hostFor(byProvince.get(p.province().code()), used);
      int months = internshipMonths(programme);

      String interruption = null;
      LocalDate lastDay = null;
      int roll = r.nextInt(100);
      if (roll < 5) {
        interruption = "PARTICIPANT_WITHDREW";
      } else if (roll < 7) {
        interruption = "HOST_WITHDREW";
      } else if (roll < 12) {
        interruption = "HIRED_BY_HOST";
      } else if (roll < 14) {
        interruption = "OTHER";
      }
      int extension = 0;
      if (interruption != null) {
        lastDay = Population.weekday(start.plusDays(35 + r.nextInt(months * 30 - 70)));
      } else if (SOUTH.equals(programme) && r.nextInt(100) < 18) {
        extension = r.nextBoolean() ? 3 : 6;
      }
      double base = 0.80 + r.nextDouble() * 0.19;
      double[] attendance = new double[13];
      for (int i = 0; i < attendance.length; i++) {
        double a =
            r.nextInt(100) < 8 ? 0.35 + r.nextDouble() * 0.33 : base + r.nextGaussian() * 0.05;
        attendance[i] = Math.max(0, Math.min(1, a));
      }
      Case draft =
          new Case(
              p,
              programme,
              start,
              weekly,
              host,
              extension,
              interruption,
              lastDay,
              null,
              attendance,
              null);
      Hire hire = hire(r, draft, hosts);
      boolean[] employed = new boolean[4];
      for (int i = 0; i < 4; i++) {
        employed[i] = r.nextInt(100) < 10;
      }
      cases.add(draft.with(hire, employed));
    }
    return cases;
  }

  /**
   * A well-spread seed for one case: java.util.Random's first draws of neighbouring seeds are
   * correlated, so the seed and index go through a 64-bit finaliser (MurmurHash3's) first.
   */
  static long mix(long seed, int index) {
    long z = seed * 0x9E3779B97F4A7C15L + index;
    z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
    z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
    return z ^ (z >>> 33);
  }

  private static Host hostFor(List<Host> hosts, Map<Integer, Integer> used) {
    // The small hosts first, up to their limit; the rest at the largest one.
    for (Host h : hosts) {
      int n = used.getOrDefault(h.index(), 0);
      if (n < h.internLimit() && h.internLimit() < 10) {
        used.put(h.index(), n + 1);
        return h;
      }
    }
    Host best = null;
    for (Host h : hosts) {
      int left = h.internLimit() - used.getOrDefault(h.index(), 0);
      if (left > 0
          && (best == null || left > best.internLimit() - used.getOrDefault(best.index(), 0))) {
        best = h;
      }
    }
    if (best == null) {
      throw new IllegalStateException("no host capacity left in " + hosts.get(0).province());
    }
    used.merge(best.index(), 1, Integer::sum);
    return best;
  }

  private static Hire hire(Random r, Case c, List<Host> hosts) {
    int roll = r.nextInt(100);
    LocalDate end = c.end();
    if ("HIRED_BY_HOST".equals(c.interruption())) {
      LocalDate start = end.plusDays(1);
      String type = roll < 50 ? "A.03.09" : roll < 85 ? "A.02.00" : "A.01.00";
      return new Hire(
          type,
          start,
          "A.02.00".equals(type) ? start.plusYears(1).minusDays(1) : null,
          40,
          c.host());
    }
    boolean completed = c.interruption() == null;
    if (roll >= (completed ? 50 : 15)) {
      return null;
    }
    LocalDate start = Population.weekday(end.plusDays(1 + r.nextInt(150)));
    Host employer = r.nextInt(100) < 60 ? c.host() : hosts.get(r.nextInt(hosts.size()));
    int t = r.nextInt(100);
    String type;
    LocalDate until = null;
    if (t < 37) {
      type = "A.02.00";
      until = start.plusMonths(r.nextBoolean() ? 6 : 12).minusDays(1);
    } else if (t < 42) {
      type = "N.02.00";
      until = start.plusMonths(4).minusDays(1);
    } else if (t < 70) {
      type = "A.03.09";
    } else if (t < 87) {
      type = "A.01.00";
    } else if (t < 93) {
      type = "A.07.02";
    } else {
      type = "C.01.00";
      until = start.plusMonths(6).minusDays(1);
    }
    return new Hire(type, start, until, new int[] {20, 30, 36, 40}[r.nextInt(4)], employer);
  }
}
