package it.percorsi.demo;

import com.fasterxml.jackson.databind.JsonNode;
import it.percorsi.demo.Api.DemoException;
import it.percorsi.demo.Api.Resp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The demo's summary: dotes per region, completion rate and employment at 6 months, counted from
 * the records themselves (dotes, internships, follow-up checkpoints, read one by one through the
 * API) and compared cell by cell with {@code GET /api/outcomes?groupBy=programme,region}, which the
 * summary then prints.
 */
final class Summary {

  private static final List<String> COMPARED =
      List.of(
          "dotesAssigned",
          "internshipsStarted",
          "internshipsCompleted",
          "internshipsInterrupted",
          "followUpsDue6",
          "employedAt6");

  private static final Map<String, String> REGIONS =
      Map.of(
          "01", "Piemonte",
          "03", "Lombardia",
          "08", "Emilia-Romagna",
          "09", "Toscana",
          "12", "Lazio",
          "15", "Campania",
          "16", "Puglia",
          "18", "Calabria",
          "19", "Sicilia");

  private final Api api;
  private final Demo demo;

  Summary(Api api, Demo demo) {
    this.api = api;
    this.demo = demo;
  }

  void print(Map<String, AtomicInteger> refusals) {
    // What the records say, counted here.
    Map<String, Map<String, Integer>> counted = new TreeMap<>();
    Map<String, String> cellOfDote = new ConcurrentHashMap<>();
    for (String programme : List.of(Script.NATIONAL, Script.SOUTH)) {
      for (JsonNode d : api.list("agency-admin", "/api/dotes?programme=" + programme)) {
        String cell = programme + "|" + d.path("regionCode").asText();
        cellOfDote.put(d.path("id").asText(), cell);
        add(counted, cell, "dotesAssigned", 1);
      }
    }
    List<JsonNode> ended = new ArrayList<>();
    for (JsonNode i : api.list("agency-admin", "/api/internships")) {
      String cell = cellOfDote.get(i.path("doteId").asText());
      if (cell == null) {
        continue;
      }
      add(counted, cell, "internshipsStarted", 1);
      String state = i.path("state").asText();
      if ("COMPLETED".equals(state)) {
        add(counted, cell, "internshipsCompleted", 1);
      } else if ("INTERRUPTED".equals(state)) {
        add(counted, cell, "internshipsInterrupted", 1);
      }
      if (!"STARTED".equals(state)) {
        ended.add(i);
      }
    }
    demo.parallelEachQuiet(
        ended,
        i -> {
          String cell = cellOfDote.get(i.path("doteId").asText());
          Resp r =
              api.get("agency-admin", "/api/internships/" + i.path("id").asText() + "/follow-ups");
          for (JsonNode f : r.body()) {
            if (f.path("months").asInt() == 6 && !"SCHEDULED".equals(f.path("status").asText())) {
              add(counted, cell, "followUpsDue6", 1);
              if (f.path("employed").asBoolean(false)) {
                add(counted, cell, "employedAt6", 1);
              }
            }
          }
        });

    // What the platform's outcome report says.
    Resp o = api.get("agency-admin", "/api/outcomes?groupBy=programme,region");
    if (!o.ok()) {
      throw new DemoException("cannot read the outcomes: " + o);
    }
    Map<String, JsonNode> reported = new TreeMap<>();
    for (JsonNode row : o.body().path("rows")) {
      String programme = row.path("programme").asText();
      if (Script.NATIONAL.equals(programme) || Script.SOUTH.equals(programme)) {
        reported.put(programme + "|" + row.path("region").asText(), row);
      }
    }
    List<String> differences = new ArrayList<>();
    for (String cell : union(counted.keySet(), reported.keySet())) {
      Map<String, Integer> mine = counted.getOrDefault(cell, Map.of());
      JsonNode theirs = reported.get(cell);
      for (String metric : COMPARED) {
        int a = mine.getOrDefault(metric, 0);
        int b = theirs == null ? 0 : theirs.path(metric).asInt();
        if (a != b) {
          differences.add(cell + " " + metric + ": records " + a + ", outcomes " + b);
        }
      }
    }

    System.out.println();
    System.out.println("Summary (GET /api/outcomes?groupBy=programme,region, as agency-admin)");
    String format = "  %-24s %-15s %6s %8s %10s %12s %11s %16s%n";
    System.out.printf(
        format,
        "programme",
        "region",
        "dotes",
        "started",
        "completed",
        "interrupted",
        "completion",
        "employed at 6 m");
    int[] tot = new int[6];
    for (Map.Entry<String, JsonNode> e : reported.entrySet()) {
      JsonNode r = e.getValue();
      int[] v = {
        r.path("dotesAssigned").asInt(),
        r.path("internshipsStarted").asInt(),
        r.path("internshipsCompleted").asInt(),
        r.path("internshipsInterrupted").asInt(),
        r.path("employedAt6").asInt(),
        r.path("followUpsDue6").asInt()
      };
      for (int k = 0; k < v.length; k++) {
        tot[k] += v[k];
      }
      System.out.printf(
          format,
          r.path("programme").asText(),
          REGIONS.getOrDefault(r.path("region").asText(), r.path("region").asText()),
          v[0],
          v[1],
          v[2],
          v[3],
          percent(r.path("completionRatePercent")),
          v[4] + "/" + v[5] + " " + percent(r.path("employmentRatePercent6")));
    }
    System.out.printf(
        format,
        "all",
        "",
        tot[0],
        tot[1],
        tot[2],
        tot[3],
        rate(tot[2], tot[2] + tot[3]),
        tot[4] + "/" + tot[5] + " " + rate(tot[4], tot[5]));
    if (!refusals.isEmpty()) {
      System.out.println("  applications refused this run: " + refusals);
    }
    if (differences.isEmpty()) {
      System.out.println(
          "  = the records, counted one by one (dotes, internships, 6-month checkpoints):"
              + " every cell matches /api/outcomes");
    } else {
      System.out.println("  ! the records and /api/outcomes differ:");
      differences.forEach(d -> System.out.println("    " + d));
      throw new DemoException("the summary does not match /api/outcomes");
    }
  }

  private static List<String> union(java.util.Set<String> a, java.util.Set<String> b) {
    java.util.TreeSet<String> all = new java.util.TreeSet<>(a);
    all.addAll(b);
    return new ArrayList<>(all);
  }

  private static synchronized void add(
      Map<String, Map<String, Integer>> m, String cell, String metric, int n) {
    m.computeIfAbsent(cell, k -> new TreeMap<>()).merge(metric, n, Integer::sum);
  }

  private static String percent(JsonNode n) {
    return n.isNumber() ? String.format("%.1f %%", n.asDouble()) : "-";
  }

  static String rate(int part, int whole) {
    return whole == 0 ? "-" : String.format("%.1f %%", Math.round(part * 1000.0 / whole) / 10.0);
  }
}
