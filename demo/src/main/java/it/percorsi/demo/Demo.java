package it.percorsi.demo;

import com.fasterxml.jackson.databind.JsonNode;
import it.percorsi.demo.Api.DemoException;
import it.percorsi.demo.Api.Resp;
import it.percorsi.demo.Hosts.Host;
import it.percorsi.demo.Population.Person;
import it.percorsi.demo.Script.Case;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * {@code ./percorsi demo}: seeds the running platform through its public API only, as a partner
 * would — two programmes, 400 young people, dotes up to the regional quotas, plans approved by the
 * CPI of the province (or the agency), internships at a few dozen hosts, a year and more of monthly
 * attendance, extensions, interruptions, hires of every contract family and follow-ups at 1, 3, 6
 * and 12 months, moving the sandbox clock forward month by month. Deterministic (a fixed seed) and
 * re-runnable: every step reads what is already there and does only what is missing; creating POSTs
 * carry an Idempotency-Key derived from the seed.
 */
public final class Demo {

  private final Api api;
  private final long seed;
  private final int parallel;
  private final ExecutorService pool;
  private final Progress progress = new Progress();

  private LocalDate t0;
  private LocalDate today;
  private List<Person> people;
  private List<Host> hosts;
  private List<Case> cases;
  private final Map<Integer, String> hostIds = new ConcurrentHashMap<>();
  private final Map<Integer, String> participantIds = new ConcurrentHashMap<>();
  private final Map<String, Integer> personOfParticipant = new ConcurrentHashMap<>();

  /** Dote by person index. */
  private final Map<Integer, JsonNode> dotes = new ConcurrentHashMap<>();

  /** Internship (id, state) by person index. */
  private final Map<Integer, String> internshipIds = new ConcurrentHashMap<>();

  private final Map<Integer, String> internshipStates = new ConcurrentHashMap<>();
  private final Map<Integer, Set<String>> confirmedMonths = new ConcurrentHashMap<>();
  private final Set<String> hiredParticipants = ConcurrentHashMap.newKeySet();
  private final Map<String, AtomicInteger> refusals = new ConcurrentHashMap<>();

  Demo(Api api, long seed, int parallel) {
    this.api = api;
    this.seed = seed;
    this.parallel = parallel;
    this.pool = Executors.newFixedThreadPool(parallel);
  }

  public static void main(String[] args) {
    String gateway = "http://127.0.0.1:8080";
    String keycloak = "http://127.0.0.1:8180";
    long seed = 2026;
    int parallel = 8;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--gateway" -> gateway = args[++i];
        case "--keycloak" -> keycloak = args[++i];
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--parallel" -> parallel = Integer.parseInt(args[++i]);
        case "-h", "--help" -> {
          System.out.println(
              "Usage: ./percorsi demo [--gateway URL] [--keycloak URL] [--seed N] [--parallel N]");
          return;
        }
        default -> {
          System.err.println("unknown option " + args[i] + " (see --help)");
          System.exit(2);
        }
      }
    }
    long started = System.nanoTime();
    Demo demo = new Demo(new Api(gateway, keycloak), seed, parallel);
    int rc = 0;
    try {
      System.out.printf(
          "Percorsi demo: seeding %s through the public API (seed %d, %d requests in parallel)%n",
          gateway, seed, parallel);
      demo.run();
    } catch (DemoException e) {
      System.out.println();
      System.err.println("demo: " + e.getMessage());
      rc = 1;
    } finally {
      demo.pool.shutdownNow();
    }
    System.out.printf(
        "Done in %.1f s (%d requests, %d writes).%n",
        (System.nanoTime() - started) / 1e9, demo.api.requests.get(), demo.api.writes.get());
    System.exit(rc);
  }

  void run() {
    today = clock();
    programmes();
    people = Population.generate(seed, t0);
    hosts = Hosts.generate(seed);
    cases = Script.cases(seed, t0, people, hosts);
    hostsPhase();
    participantsPhase();
    dotesPhase();
    plansPhase();
    timeline();
    new Summary(api, this).print(refusals);
  }

  // ------------------------------------------------------------------------------------------
  // clock and programmes

  private LocalDate clock() {
    Resp r = api.get("agency-admin", "/api/sandbox/clock");
    if (r.status() == 404) {
      throw new DemoException(
          "the platform is not in sandbox mode: the demo moves the business clock");
    }
    if (!r.ok()) {
      throw new DemoException("cannot read the sandbox clock: " + r);
    }
    return LocalDate.parse(r.body().path("today").asText());
  }

  private void moveClock(LocalDate to) {
    if (!to.isAfter(today)) {
      return;
    }
    Resp r = api.put("agency-admin", "/api/sandbox/clock", Map.of("today", to.toString()), null);
    if (r.status() == 409) {
      today = clock();
      return;
    }
    if (!r.ok()) {
      throw new DemoException("cannot move the clock to " + to + ": " + r);
    }
    today = to;
  }

  private void programmes() {
    Resp existing = api.get("agency-admin", "/api/programmes/" + Script.NATIONAL);
    if (existing.ok()) {
      t0 = LocalDate.parse(existing.body().path("applicationOpens").asText());
      System.out.printf(
          "  programmes        found, the demo started on %s; today is %s%n", t0, today);
    } else {
      t0 = today;
      System.out.printf("  programmes        new demo starting today, %s%n", t0);
    }
    for (String code : List.of(Script.NATIONAL, Script.SOUTH)) {
      Resp r = api.get("agency-admin", "/api/programmes/" + code);
      if (r.status() == 404) {
        r = api.post("agency-admin", "/api/programmes", programme(code), key("programme", code));
        if (!r.ok() && r.status() != 409) {
          throw new DemoException("cannot create programme " + code + ": " + r);
        }
        r = api.get("agency-admin", "/api/programmes/" + code);
      }
      if (!"PUBLISHED".equals(r.body().path("state").asText())) {
        Resp p = api.post("agency-admin", "/api/programmes/" + code + "/publication", null, null);
        if (!p.ok()) {
          throw new DemoException("cannot publish " + code + ": " + p);
        }
      }
    }
  }

  private Map<String, Object> programme(String code) {
    boolean national = Script.NATIONAL.equals(code);
    Map<String, Integer> quotas = Script.QUOTAS.get(code);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", code);
    m.put(
        "title",
        national
            ? "Percorsi demo — national edition (ex-minors under 23, 5-month internship)"
            : "Percorsi demo — southern regions (under 24, 6 months plus up to 6)");
    m.put("applicationOpens", t0.toString());
    m.put("applicationCloses", t0.plusYears(1).toString());
    m.put(
        "criteria",
        Map.of(
            "minAge", 16,
            "maxAgeExclusive", national ? 23 : 24,
            "enteredAsUnaccompaniedMinor", true,
            "unemployed", true,
            "validPermit", true,
            "didAndServiceAgreement", true,
            "consent", true));
    m.put("internshipMonths", Script.internshipMonths(code));
    m.put("maxExtensionMonths", national ? 0 : 6);
    m.put("monthlyAllowanceCents", 50_000);
    m.put("attendanceThresholdPercent", 70);
    m.put("hostContributionCents", national ? 50_000 : 60_000);
    m.put("hostContributionOnInterruption", national ? "NONE" : "PRO_RATA");
    m.put("promoterServicesCents", national ? 200_000 : 284_000);
    m.put("totalDotes", quotas.values().stream().mapToInt(Integer::intValue).sum());
    m.put(
        "quotas",
        new TreeMap<>(quotas)
            .entrySet().stream()
                .map(e -> Map.of("regionCode", e.getKey(), "places", e.getValue()))
                .toList());
    m.put("clearanceToStartDays", Script.clearanceDays(code));
    return m;
  }

  private String key(String kind, Object id) {
    return "demo-" + seed + "-" + kind + "-" + id;
  }

  // ------------------------------------------------------------------------------------------
  // hosts, participants, dotes, plans

  private void hostsPhase() {
    parallelEach(
        "hosts",
        hosts,
        h -> {
          Resp found = api.get("promoter-a", "/api/employers?taxCode=" + h.taxCode());
          JsonNode items = found.body().path("items");
          if (found.ok() && items.size() > 0) {
            hostIds.put(h.index(), items.get(0).path("id").asText());
            return;
          }
          Resp r =
              api.post("promoter-a", "/api/employers", h.registration(), key("host", h.index()));
          if (r.status() != 201 && r.status() != 200) {
            throw new DemoException("cannot register host " + h.name() + ": " + r);
          }
          hostIds.put(h.index(), r.body().path("id").asText());
        });
  }

  private void participantsPhase() {
    parallelEach(
        "participants",
        people,
        p -> {
          Resp found = api.get(p.promoter(), "/api/participants?taxCode=" + p.taxCode());
          JsonNode items = found.body().path("items");
          String id;
          if (found.ok() && items.size() > 0) {
            id = items.get(0).path("id").asText();
          } else {
            Resp r =
                api.post(
                    p.promoter(),
                    "/api/participants",
                    p.registration(),
                    key("participant", p.index()));
            if (r.status() != 201 && r.status() != 200) {
              throw new DemoException("cannot register participant #" + p.index() + ": " + r);
            }
            id = r.body().path("id").asText();
          }
          participantIds.put(p.index(), id);
          personOfParticipant.put(id, p.index());
        });
  }

  private void readDotes() {
    for (String programme : List.of(Script.NATIONAL, Script.SOUTH)) {
      for (JsonNode d : api.list("agency-admin", "/api/dotes?programme=" + programme)) {
        Integer person = personOfParticipant.get(d.path("participantId").asText());
        if (person != null) {
          dotes.put(person, d);
        }
      }
    }
  }

  private void dotesPhase() {
    readDotes();
    if (today.isAfter(t0)) {
      System.out.printf(
          "  dotes             %d found (applications were made on %s)%n", dotes.size(), t0);
      return;
    }
    // First come, first served: within a region in the people's order (one queue per region, so
    // the same people get the places on every run); regions in parallel.
    Map<String, List<Case>> queues = new TreeMap<>();
    for (Case c : cases) {
      queues
          .computeIfAbsent(
              c.programme() + "/" + c.person().province().region(), k -> new ArrayList<>())
          .add(c);
    }
    int total = cases.size();
    progress.start("dotes", total);
    parallelEachQuiet(
        new ArrayList<>(queues.values()),
        queue -> {
          for (Case c : queue) {
            if (!dotes.containsKey(c.person().index())) {
              apply(c);
            }
            progress.step();
          }
        });
    progress.done(dotes.size() + " assigned, refused: " + (refusals.isEmpty() ? "none" : refusals));
  }

  private void apply(Case c) {
    Map<String, Object> body =
        Map.of(
            "programme", c.programme(),
            "participantId", participantIds.get(c.person().index()),
            "plannedInternshipStart", c.plannedStart().toString());
    for (int attempt = 0; ; attempt++) {
      Resp r = api.post(c.person().promoter(), "/api/dotes", body, key("dote", c.person().index()));
      if (r.status() == 201 || r.status() == 200) {
        dotes.put(c.person().index(), r.body());
        return;
      }
      // dote-service learns of a new participant from its event: wait for it.
      if (r.status() == 404 && attempt < 60) {
        Api.sleep(500);
        continue;
      }
      if (r.status() == 422 || r.status() == 409) {
        refusals.computeIfAbsent(r.type(), k -> new AtomicInteger()).incrementAndGet();
        return;
      }
      throw new DemoException("dote application refused unexpectedly: " + r);
    }
  }

  private Case caseOf(int person) {
    return cases.get(person);
  }

  private String approver(Person p) {
    return switch (p.province().code()) {
      case "083" -> "cpi-messina";
      case "082" -> "cpi-palermo";
      default -> "agency-admin";
    };
  }

  private void plansPhase() {
    Map<String, JsonNode> plans = new ConcurrentHashMap<>();
    long deadline = System.currentTimeMillis() + 90_000;
    while (true) {
      for (String promoter : List.of("promoter-a", "promoter-b")) {
        for (JsonNode p : api.list(promoter, "/api/plans")) {
          plans.put(p.path("doteId").asText(), p);
        }
      }
      boolean all = dotes.values().stream().allMatch(d -> plans.containsKey(d.path("id").asText()));
      if (all || System.currentTimeMillis() > deadline) {
        break;
      }
      Api.sleep(1000);
    }
    List<Integer> holders = new ArrayList<>(dotes.keySet());
    holders.sort(Comparator.naturalOrder());
    parallelEach(
        "plans",
        holders,
        person -> {
          JsonNode dote = dotes.get(person);
          JsonNode plan = plans.get(dote.path("id").asText());
          if (plan == null) {
            throw new DemoException("no plan was opened for dote " + dote.path("id").asText());
          }
          Case c = caseOf(person);
          String id = plan.path("id").asText();
          String state = plan.path("state").asText();
          String promoter = c.person().promoter();
          if (state.equals("DRAFT") || state.equals("RETURNED")) {
            Resp read = api.get(promoter, "/api/plans/" + id);
            Resp w =
                api.put(promoter, "/api/plans/" + id, planContent(c, dote), read.header("ETag"));
            check(w, "write plan");
            check(
                api.post(promoter, "/api/plans/" + id + "/submission", null, null), "submit plan");
            state = "SUBMITTED";
          }
          if (state.equals("SUBMITTED")) {
            check(
                api.post(approver(c.person()), "/api/plans/" + id + "/approval", null, null),
                "approve plan");
          }
        });
  }

  private Map<String, Object> planContent(Case c, JsonNode dote) {
    LocalDate assigned = LocalDate.parse(dote.path("assignedOn").asText());
    String provider =
        "promoter-a".equals(c.person().promoter()) ? "ORG-PROMOTER-A" : "ORG-PROMOTER-B";
    LocalDate start = c.plannedStart();
    List<Map<String, Object>> activities =
        List.of(
            activity("INTAKE_PROFILING", provider, 1, assigned, assigned),
            activity("SPECIALIST_ORIENTATION", provider, 12, assigned, start.minusDays(1)),
            activity("INTERNSHIP_TUTORING", provider, 20, start, start.plusMonths(3)),
            activity("JOB_SEARCH_SUPPORT", provider, 10, start.plusMonths(2), start.plusMonths(4)));
    Map<String, Object> signatures = new LinkedHashMap<>();
    signatures.put("participantAcceptedOn", assigned.toString());
    if (c.person().minorOn(today)) {
      signatures.put("guardianSignedOn", assigned.toString());
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(
        "objectives",
        "Qualify for a job in "
            + c.host().name()
            + "'s sector and reach autonomy in "
            + c.person().province().name());
    m.put(
        "profile",
        Map.of(
            "yearsOfSchooling",
            c.person().yearsOfSchooling(),
            "italianLevel",
            c.person().italianLevel().equals("PRE_A1") ? "NONE" : c.person().italianLevel()));
    m.put("activities", activities);
    m.put(
        "internship",
        Map.of(
            "hostOrgId", Hosts.HOST_ORG,
            "plannedStart", start.toString(),
            "weeklyHours", c.weeklyHours()));
    m.put("signatures", signatures);
    return m;
  }

  private static Map<String, Object> activity(
      String code, String provider, int hours, LocalDate from, LocalDate to) {
    return Map.of(
        "serviceCode", code,
        "provider", provider,
        "plannedHours", hours,
        "from", from.toString(),
        "to", (to.isBefore(from) ? from : to).toString());
  }

  private static Resp check(Resp r, String what) {
    if (!r.ok()) {
      throw new DemoException("cannot " + what + ": " + r);
    }
    return r;
  }

  // ------------------------------------------------------------------------------------------
  // the timeline: internships, attendance, extensions, interruptions, completions, hires,
  // follow-ups, one month of the sandbox clock at a time

  private void timeline() {
    readDotes();
    for (JsonNode i : api.list("agency-admin", "/api/internships")) {
      Integer person = personOfParticipant.get(i.path("participantId").asText());
      if (person != null) {
        internshipIds.put(person, i.path("id").asText());
        internshipStates.put(person, i.path("state").asText());
      }
    }
    parallelEachQuiet(
        new ArrayList<>(internshipIds.keySet()),
        person -> {
          Set<String> months = ConcurrentHashMap.newKeySet();
          for (JsonNode a :
              api.get(
                      "agency-admin",
                      "/api/internships/" + internshipIds.get(person) + "/attendance")
                  .body()) {
            if (a.path("confirmed").asBoolean()) {
              months.add(a.path("month").asText());
            }
          }
          confirmedMonths.put(person, months);
        });
    for (JsonNode h : api.list("agency-admin", "/api/hires")) {
      hiredParticipants.add(h.path("participantId").asText());
    }

    List<Case> active = dotes.keySet().stream().sorted().map(this::caseOf).toList();
    LocalDate last = t0;
    for (Case c : active) {
      LocalDate end = c.end().plusMonths(12);
      if (c.hire() != null && c.hire().start().isAfter(end)) {
        end = c.hire().start();
      }
      if (end.isAfter(last)) {
        last = end;
      }
    }
    List<LocalDate> ticks = new ArrayList<>();
    ticks.add(t0);
    for (LocalDate d = YearMonth.from(t0).plusMonths(1).atDay(1);
        !d.isAfter(last.plusMonths(1));
        d = d.plusMonths(1)) {
      ticks.add(d);
    }
    progress.start("timeline", ticks.size());
    for (int k = 0; k < ticks.size(); k++) {
      LocalDate tick = ticks.get(k);
      LocalDate next = k + 1 < ticks.size() ? ticks.get(k + 1) : tick.plusMonths(1);
      moveClock(tick);
      progress.label("timeline " + tick);
      month(active, tick, next);
      progress.step();
    }
    progress.done(
        "clock at "
            + today
            + "; "
            + internshipIds.size()
            + " internships, "
            + hiredParticipants.size()
            + " people hired");
  }

  private void month(List<Case> active, LocalDate tick, LocalDate next) {
    parallelEachQuiet(
        active,
        c -> {
          int person = c.person().index();
          if (!internshipIds.containsKey(person) && c.plannedStart().isBefore(next)) {
            start(c);
          }
          if (!internshipIds.containsKey(person)) {
            return;
          }
          extension(c, tick);
          attendance(c, tick);
          end(c, tick);
          hire(c, tick);
        });
    followUps();
  }

  private void start(Case c) {
    int person = c.person().index();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("doteId", dotes.get(person).path("id").asText());
    body.put("employerId", hostIds.get(c.host().index()));
    body.put("startDate", c.plannedStart().toString());
    body.put("weeklyHours", c.weeklyHours());
    body.put("companyTutor", c.host().tutor());
    body.put(
        "promoterTutor",
        "promoter-a".equals(c.person().promoter()) ? "Marco Neri" : "Ilaria Fontana");
    body.put(
        "tasks", "On-the-job training at " + c.host().name() + " (ATECO " + c.host().ateco() + ")");
    for (int attempt = 0; ; attempt++) {
      Resp r = api.post(c.person().promoter(), "/api/internships", body, key("internship", person));
      if (r.status() == 201 || r.status() == 200) {
        internshipIds.put(person, r.body().path("id").asText());
        internshipStates.put(person, "STARTED");
        confirmedMonths.put(person, ConcurrentHashMap.newKeySet());
        return;
      }
      // placement-service learns that the dote is active from dote-service's event.
      if ((r.status() == 404 || "dote-not-active".equals(r.type())) && attempt < 60) {
        Api.sleep(1000);
        continue;
      }
      throw new DemoException("cannot start the internship of #" + person + ": " + r);
    }
  }

  private void extension(Case c, LocalDate tick) {
    int person = c.person().index();
    if (c.extensionMonths() == 0
        || c.plannedStart().plusMonths(3).isAfter(tick)
        || !"STARTED".equals(internshipStates.get(person))) {
      return;
    }
    String dote = dotes.get(person).path("id").asText();
    Resp d = api.get(c.person().promoter(), "/api/dotes/" + dote);
    if (d.body().path("extensionMonths").asInt() > 0) {
      return;
    }
    if (d.body().path("extensionRequestedMonths").isNull()
        || d.body().path("extensionRequestedMonths").isMissingNode()) {
      check(
          api.call(
              c.person().promoter(),
              "POST",
              "/api/dotes/" + dote + "/extension",
              Map.of("months", c.extensionMonths()),
              Map.of("If-Match", d.header("ETag"))),
          "request an extension");
    }
    Resp fresh = api.get("agency-admin", "/api/dotes/" + dote);
    check(
        api.call(
            "agency-admin",
            "POST",
            "/api/dotes/" + dote + "/extension/approval",
            null,
            Map.of("If-Match", fresh.header("ETag"))),
        "approve an extension");
  }

  private void attendance(Case c, LocalDate tick) {
    int person = c.person().index();
    String id = internshipIds.get(person);
    LocalDate end = c.end();
    List<YearMonth> months = c.months(end);
    Set<String> done = confirmedMonths.get(person);
    for (int i = 0; i < months.size(); i++) {
      YearMonth m = months.get(i);
      if (!m.plusMonths(1).atDay(1).isAfter(tick) && !done.contains(m.toString())) {
        int planned = Calendar.plannedHours(c.weeklyHours(), c.plannedStart(), end, m);
        int attended = (int) Math.floor(planned * c.attendance(i));
        String path = "/api/internships/" + id + "/attendance/" + m;
        Resp r = api.put(c.person().promoter(), path, Map.of("attendedHours", attended), null);
        if (r.status() == 428) {
          r = null; // entered by an interrupted run: only the confirmation is missing
        } else if (r.status() == 422
            && "attendedHours".equals(r.body().path("errors").path(0).path("field").asText())) {
          Resp zero = api.put(c.person().promoter(), path, Map.of("attendedHours", 0), null);
          int real = zero.body().path("plannedHours").asInt();
          r =
              api.put(
                  c.person().promoter(),
                  path,
                  Map.of("attendedHours", (int) Math.floor(real * c.attendance(i))),
                  zero.header("ETag"));
        }
        if (r != null) {
          check(r, "enter the attendance of " + m);
        }
        check(api.post("host-acme", path + "/confirmation", null, null), "confirm " + m);
        done.add(m.toString());
      }
    }
  }

  private void end(Case c, LocalDate tick) {
    int person = c.person().index();
    if (!"STARTED".equals(internshipStates.get(person)) || !c.end().isBefore(tick)) {
      return;
    }
    String id = internshipIds.get(person);
    Resp r;
    if (c.interruption() != null) {
      r =
          api.post(
              c.person().promoter(),
              "/api/internships/" + id + "/interruption",
              Map.of("reason", c.interruption(), "lastDay", c.lastDay().toString()),
              null);
    } else {
      r = api.post(c.person().promoter(), "/api/internships/" + id + "/completion", null, null);
      if ("internship-not-ended".equals(r.type())) {
        return; // the extension reached placement-service later: next month
      }
    }
    check(r, "end the internship of #" + person);
    internshipStates.put(person, r.body().path("state").asText());
  }

  private void hire(Case c, LocalDate tick) {
    Script.Hire h = c.hire();
    String participant = participantIds.get(c.person().index());
    if (h == null
        || h.start().isAfter(tick)
        || hiredParticipants.contains(participant)
        || "STARTED".equals(internshipStates.get(c.person().index()))) {
      return;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("participantId", participant);
    body.put("employerTaxCode", h.employer().taxCode());
    body.put("contractType", h.contractType());
    body.put("startDate", h.start().toString());
    if (h.end() != null) {
      body.put("endDate", h.end().toString());
    }
    body.put("weeklyHours", h.weeklyHours());
    body.put("atecoCode", h.employer().ateco());
    check(
        api.post(c.person().promoter(), "/api/hires", body, key("hire", c.person().index())),
        "record a hire");
    hiredParticipants.add(participant);
  }

  private void followUps() {
    for (String promoter : List.of("promoter-a", "promoter-b")) {
      Resp r = api.get(promoter, "/api/internships/follow-ups?status=WAITING&limit=500");
      List<JsonNode> waiting = new ArrayList<>();
      r.body().forEach(waiting::add);
      parallelEachQuiet(
          waiting,
          f -> {
            Integer person = personOfParticipant.get(f.path("participantId").asText());
            int months = f.path("months").asInt();
            boolean employed = person != null && caseOf(person).employedAt(months);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("employed", employed);
            if (employed) {
              body.put("contractType", "A.02.00");
            }
            api.put(
                promoter,
                "/api/internships/" + f.path("internshipId").asText() + "/follow-ups/" + months,
                body,
                null);
          });
    }
  }

  // ------------------------------------------------------------------------------------------

  <T> void parallelEach(String what, List<T> items, Consumer<T> action) {
    progress.start(what, items.size());
    parallelEachQuiet(
        items,
        t -> {
          action.accept(t);
          progress.step();
        });
    progress.done(items.size() + " done");
  }

  <T> void parallelEachQuiet(List<T> items, Consumer<T> action) {
    List<Future<?>> futures = new ArrayList<>();
    for (T t : items) {
      futures.add(pool.submit(() -> action.accept(t)));
    }
    for (Future<?> f : futures) {
      try {
        f.get();
      } catch (java.util.concurrent.ExecutionException e) {
        futures.forEach(x -> x.cancel(true));
        if (e.getCause() instanceof RuntimeException re) {
          throw re;
        }
        throw new DemoException(String.valueOf(e.getCause()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DemoException("interrupted");
      }
    }
  }
}
