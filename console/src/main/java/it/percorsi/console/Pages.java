package it.percorsi.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.oidc.IdToken;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The console's pages: programmes, outcomes, cases and one case's timeline. */
@Path("/")
@Authenticated
@Blocking
@Produces(MediaType.TEXT_HTML)
public class Pages {

  static final List<String> ROLES =
      List.of("agency-admin", "auditor", "cpi-operator", "promoter", "host", "integrator");
  static final List<String> METRICS =
      List.of(
          "dotesAssigned",
          "internshipsStarted",
          "internshipsCompleted",
          "internshipsInterrupted",
          "employedAt1",
          "employedAt3",
          "employedAt6",
          "employedAt12");
  static final List<String> STATES =
      List.of("ASSIGNED", "ACTIVE", "EXTENDED", "COMPLETED", "REVOKED", "EXPIRED");

  @Inject Api api;
  @Inject SecurityIdentity identity;
  @Inject @IdToken JsonWebToken idToken;
  @Inject ObjectMapper json;

  @ConfigProperty(name = "percorsi.console.page-size")
  int pageSize;

  @Location("programmes.html")
  Template programmes;

  @Location("outcomes.html")
  Template outcomes;

  @Location("cases.html")
  Template cases;

  @Location("timeline.html")
  Template timeline;

  @Context HttpHeaders headers;
  @Context UriInfo uri;

  /** What every page shows around its content. */
  @TemplateData
  public record Frame(
      String lang, String user, String role, String active, String switchIt, String switchEn) {}

  @TemplateData
  public record QuotaRow(
      String region,
      int total,
      int assigned,
      long active,
      Long completed,
      boolean completedSuppressed,
      int free,
      String ranOut) {}

  @TemplateData
  public record Cell(String metric, String text, boolean suppressed) {}

  @TemplateData
  public record OutcomeRow(String group, List<Cell> cells) {}

  @TemplateData
  public record CaseRow(
      String id,
      String shortId,
      String programme,
      String province,
      String promoter,
      String state,
      String assignedOn,
      String deadlineDate,
      String deadline) {}

  @TemplateData
  public record Event(String date, String what, String details) {}

  @TemplateData
  public record MonthRow(
      String month, int percent, int threshold, boolean met, boolean confirmed, int hours) {}

  @TemplateData
  public record Payment(String line, String period, String status, String amount, String paidAt) {}

  @GET
  public Response home(@QueryParam("lang") String lang, @QueryParam("code") String code) {
    return programmes(lang, code);
  }

  @GET
  @Path("programmes")
  public Response programmes(
      @QueryParam("lang") String langParam, @QueryParam("code") String code) {
    Lang lang = Lang.of(langParam, headers);
    List<Map<String, Object>> all = Api.join(api.array("/api/programmes"));
    List<String> codes = all.stream().map(p -> p.get("code").toString()).toList();
    String selected =
        code != null && codes.contains(code)
            ? code
            : all.stream()
                .filter(p -> "PUBLISHED".equals(p.get("state")))
                .map(p -> p.get("code").toString())
                .findFirst()
                .orElse(codes.isEmpty() ? null : codes.get(0));
    List<QuotaRow> rows = new ArrayList<>();
    if (selected != null) {
      var quotas = api.array("/api/programmes/" + Api.seg(selected) + "/quotas");
      var byRegion =
          api.objectOrNull(
              Api.query("/api/outcomes", Api.params("groupBy", "region", "programme", selected)));
      // Completed internships per region come from the outcomes, suppressed as the API says.
      Map<String, Object> completed = new LinkedHashMap<>();
      Map<String, Object> outcome = Api.join(byRegion);
      if (outcome != null) {
        for (Map<String, Object> r : rows(outcome)) {
          completed.put(String.valueOf(r.get("region")), r.get("internshipsCompleted"));
        }
      }
      for (Map<String, Object> q : Api.join(quotas)) {
        String region = q.get("regionCode").toString();
        rows.add(
            new QuotaRow(
                region,
                num(q.get("total")),
                num(q.get("assigned")),
                num(q.get("active")),
                completed.get(region) instanceof Number n ? n.longValue() : null,
                "suppressed".equals(completed.get(region)),
                num(q.get("available")),
                q.get("exhaustedOn") == null ? "" : q.get("exhaustedOn").toString()));
      }
    }
    Map<String, Object> chart = new LinkedHashMap<>();
    chart.put("labels", rows.stream().map(QuotaRow::region).toList());
    Msg m = lang.msg();
    chart.put(
        "datasets",
        List.of(
            dataset(
                m.assigned(), "assigned", rows.stream().map(r -> (Object) r.assigned()).toList()),
            dataset(m.active(), "active", rows.stream().map(r -> (Object) r.active()).toList()),
            dataset(
                m.completed(),
                "completed",
                rows.stream()
                    .map(
                        r ->
                            r.completedSuppressed()
                                ? null
                                : (Object) (r.completed() == null ? 0L : r.completed()))
                    .toList()),
            dataset(m.free(), "free", rows.stream().map(r -> (Object) r.free()).toList())));
    TemplateInstance page =
        programmes
            .data("frame", frame(lang, "programmes"))
            .data("programmes", codes)
            .data("selected", selected)
            .data("rows", rows)
            .data("chart", write(chart));
    return render(page, lang);
  }

  @GET
  @Path("outcomes")
  public Response outcomes(
      @QueryParam("lang") String langParam,
      @QueryParam("by") String by,
      @QueryParam("programme") String programme) {
    Lang lang = Lang.of(langParam, headers);
    String group = "promoter".equals(by) ? "promoter" : "province";
    var programmesCall = api.array("/api/programmes");
    Map<String, Object> outcome =
        Api.join(
            api.object(
                Api.query("/api/outcomes", Api.params("groupBy", group, "programme", programme))));
    Msg m = lang.msg();
    List<OutcomeRow> rows = new ArrayList<>();
    List<Map<String, Object>> sorted = new ArrayList<>(rows(outcome));
    sorted.sort(Comparator.comparing(r -> String.valueOf(r.get(group))));
    for (Map<String, Object> r : sorted) {
      List<Cell> cells = new ArrayList<>();
      for (String metric : METRICS) {
        Object v = r.get(metric);
        boolean suppressed = "suppressed".equals(v);
        cells.add(
            new Cell(
                metric, suppressed ? m.suppressed() : v == null ? "0" : v.toString(), suppressed));
      }
      rows.add(new OutcomeRow(String.valueOf(r.get(group)), cells));
    }
    Map<String, Object> chart = new LinkedHashMap<>();
    chart.put("labels", rows.stream().map(OutcomeRow::group).toList());
    List<Object> datasets = new ArrayList<>();
    for (String metric : List.of("internshipsStarted", "internshipsCompleted", "employedAt6")) {
      int i = METRICS.indexOf(metric);
      datasets.add(
          dataset(
              label(m, metric),
              metric,
              rows.stream()
                  .map(r -> r.cells().get(i))
                  .map(c -> c.suppressed() ? null : (Object) Long.parseLong(c.text()))
                  .toList()));
    }
    chart.put("datasets", datasets);
    List<String> headings = METRICS.stream().map(k -> label(m, k)).toList();
    List<String> codes =
        Api.join(programmesCall).stream().map(p -> p.get("code").toString()).toList();
    TemplateInstance page =
        outcomes
            .data("frame", frame(lang, "outcomes"))
            .data("by", group)
            .data("byLabel", "promoter".equals(group) ? m.by_promoter() : m.by_province())
            .data("programmes", codes)
            .data("programme", programme == null ? "" : programme)
            .data("headings", headings)
            .data("rows", rows)
            .data("csv", Api.query("outcomes.csv", Api.params("by", group, "programme", programme)))
            .data("chart", write(chart));
    return render(page, lang);
  }

  @GET
  @Path("outcomes.csv")
  @Produces("text/csv")
  public Response outcomesCsv(
      @QueryParam("by") String by, @QueryParam("programme") String programme) {
    String group = "promoter".equals(by) ? "promoter" : "province";
    String csv =
        api.csv(Api.query("/api/outcomes", Api.params("groupBy", group, "programme", programme)));
    return Response.ok(csv, "text/csv; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"outcomes-by-" + group + ".csv\"")
        .header("Cache-Control", "no-store")
        .build();
  }

  @GET
  @Path("cases")
  public Response cases(
      @QueryParam("lang") String langParam,
      @QueryParam("state") String state,
      @QueryParam("province") String province,
      @QueryParam("programme") String programme,
      @QueryParam("cursor") String cursor) {
    Lang lang = Lang.of(langParam, headers);
    String st = state != null && STATES.contains(state) ? state : "";
    String prov = province != null && province.matches("[0-9]{3}") ? province : "";
    String prog = programme != null && programme.matches("[A-Za-z0-9_.-]{1,64}") ? programme : "";
    var clock = api.object("/api/sandbox/clock");
    Map<String, Object> page =
        Api.join(
            api.object(
                Api.query(
                    "/api/dotes",
                    Api.params(
                        "state",
                        st,
                        "province",
                        prov,
                        "programme",
                        prog,
                        "limit",
                        String.valueOf(pageSize),
                        "cursor",
                        cursor))));
    LocalDate today = LocalDate.parse(Api.join(clock).get("today").toString());
    Msg m = lang.msg();
    List<CaseRow> rows = new ArrayList<>();
    for (Map<String, Object> d : items(page)) {
      Deadlines.Deadline dl = Deadlines.next(d, today, m);
      String id = d.get("id").toString();
      rows.add(
          new CaseRow(
              id,
              id.substring(0, 8),
              Deadlines.str(d.get("programme")),
              Deadlines.str(d.get("provinceCode")),
              Deadlines.str(d.get("promoterOrgId")),
              Deadlines.str(d.get("state")),
              Deadlines.str(d.get("assignedOn")),
              dl == null ? "" : dl.date().toString(),
              dl == null ? m.dl_none() : dl.text()));
    }
    Object next = page.get("next");
    String nextUrl =
        next == null
            ? null
            : Api.query(
                "cases",
                Api.params(
                    "state", st, "province", prov, "programme", prog, "cursor", next.toString()));
    TemplateInstance view =
        cases
            .data("frame", frame(lang, "cases"))
            .data("today", today.toString())
            .data("rows", rows)
            .data("states", STATES)
            .data("state", st)
            .data("province", prov)
            .data("programme", prog)
            .data("paged", cursor != null && !cursor.isBlank())
            .data(
                "first",
                Api.query("cases", Api.params("state", st, "province", prov, "programme", prog)))
            .data("next", nextUrl);
    return render(view, lang);
  }

  @GET
  @Path("cases/{id}")
  public Response caseTimeline(@QueryParam("lang") String langParam, @PathParam("id") String id) {
    Lang lang = Lang.of(langParam, headers);
    Msg m = lang.msg();
    UUID doteId;
    try {
      doteId = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      return notFound(lang);
    }
    var doteCall = api.objectOrNull("/api/dotes/" + doteId);
    var plansCall = api.objectOrNull("/api/plans?doteId=" + doteId);
    var clock = api.object("/api/sandbox/clock");
    Map<String, Object> dote = Api.join(doteCall);
    if (dote == null) {
      return notFound(lang);
    }
    Map<String, Object> plans = Api.join(plansCall);
    List<CompletableFuture<List<Map<String, Object>>>> versionCalls = new ArrayList<>();
    for (Map<String, Object> p : plans == null ? List.<Map<String, Object>>of() : items(plans)) {
      versionCalls.add(api.arrayOrEmpty("/api/plans/" + p.get("id") + "/versions"));
    }
    Object internshipId = dote.get("internshipId");
    CompletableFuture<List<Map<String, Object>>> attendanceCall =
        internshipId == null
            ? CompletableFuture.completedFuture(List.of())
            : api.arrayOrEmpty("/api/internships/" + internshipId + "/attendance");
    CompletableFuture<List<Map<String, Object>>> followUpsCall =
        internshipId == null
            ? CompletableFuture.completedFuture(List.of())
            : api.arrayOrEmpty("/api/internships/" + internshipId + "/follow-ups");
    CompletableFuture<Map<String, Object>> hiresCall =
        api.objectOrNull("/api/hires?participantId=" + dote.get("participantId"));

    List<Event> events = new ArrayList<>();
    events.add(
        new Event(
            Deadlines.str(dote.get("assignedOn")),
            m.ev_assigned(),
            dote.get("programme")
                + " · "
                + dote.get("provinceCode")
                + " · "
                + dote.get("promoterOrgId")));
    for (var call : versionCalls) {
      for (Map<String, Object> v : Api.join(call)) {
        String when =
            v.get("decidedOn") != null
                ? v.get("decidedOn").toString()
                : day(v.get("submittedAt") != null ? v.get("submittedAt") : v.get("createdAt"));
        String by = v.get("decidedByOrgId") == null ? "" : v.get("decidedByOrgId").toString();
        events.add(new Event(when, m.ev_plan(num(v.get("number")), str(v.get("state"))), by));
      }
    }
    if (dote.get("activatedOn") != null) {
      events.add(new Event(dote.get("activatedOn").toString(), m.ev_activated(), ""));
    }
    if (dote.get("internshipStart") != null) {
      events.add(
          new Event(
              dote.get("internshipStart").toString(),
              m.ev_internship(),
              "→ " + Deadlines.str(dote.get("internshipPlannedEnd"))));
    }
    if (dote.get("internshipEndedOn") != null) {
      events.add(new Event(dote.get("internshipEndedOn").toString(), m.ev_internship_end(), ""));
    }
    Map<String, Object> hires = Api.join(hiresCall);
    for (Map<String, Object> h : hires == null ? List.<Map<String, Object>>of() : items(hires)) {
      if (doteId.toString().equals(String.valueOf(h.get("doteId")))) {
        events.add(
            new Event(
                str(h.get("startDate")),
                m.ev_hire(),
                str(h.get("contractType")) + " · " + str(h.get("contractFamily"))));
      }
    }
    for (Map<String, Object> f : Api.join(followUpsCall)) {
      String details =
          str(f.get("status"))
              + (f.get("employed") == null
                  ? ""
                  : " · " + (Boolean.TRUE.equals(f.get("employed")) ? m.yes() : m.no()));
      events.add(new Event(str(f.get("dueOn")), m.ev_follow_up(num(f.get("months"))), details));
    }
    if (dote.get("closedOn") != null) {
      events.add(
          new Event(
              dote.get("closedOn").toString(), m.ev_closed(), str(dote.get("closeReasonCode"))));
    }
    events.sort(Comparator.comparing(Event::date));
    List<MonthRow> months = new ArrayList<>();
    for (Map<String, Object> a : Api.join(attendanceCall)) {
      months.add(
          new MonthRow(
              str(a.get("month")),
              num(a.get("percent")),
              num(a.get("thresholdPercent")),
              Boolean.TRUE.equals(a.get("thresholdMet")),
              Boolean.TRUE.equals(a.get("confirmed")),
              num(a.get("attendedHours"))));
    }
    List<Payment> payments = new ArrayList<>();
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> disbursements =
        (List<Map<String, Object>>) dote.getOrDefault("disbursements", List.of());
    for (Map<String, Object> p : disbursements) {
      payments.add(
          new Payment(
              str(p.get("line")),
              str(p.get("period")),
              str(p.get("status")),
              euro(((Number) p.getOrDefault("amountCents", 0)).longValue(), lang),
              day(p.get("paidAt"))));
    }
    LocalDate today = LocalDate.parse(Api.join(clock).get("today").toString());
    Deadlines.Deadline next = Deadlines.next(dote, today, m);
    TemplateInstance view =
        timeline
            .data("frame", frame(lang, "cases"))
            .data("dote", dote)
            .data("state", str(dote.get("state")))
            .data("events", events)
            .data("months", months)
            .data("payments", payments)
            .data("next", next == null ? m.dl_none() : next.text());
    return render(view, lang);
  }

  private Response notFound(Lang lang) {
    TemplateInstance view =
        timeline
            .data("frame", frame(lang, "cases"))
            .data("dote", null)
            .data("state", "")
            .data("events", List.of())
            .data("months", List.of())
            .data("payments", List.of())
            .data("next", "");
    view.setAttribute("locale", lang.locale());
    return Response.status(404).entity(view).type(MediaType.TEXT_HTML_TYPE).build();
  }

  private Response render(TemplateInstance page, Lang lang) {
    page.setAttribute("locale", lang.locale());
    Response.ResponseBuilder r =
        Response.ok(page, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
            .header("Cache-Control", "no-store");
    if (lang.chosen()) {
      r.cookie(lang.cookie());
    }
    return r.build();
  }

  private Frame frame(Lang lang, String active) {
    String user = idToken.getClaim("preferred_username");
    Set<String> roles = identity.getRoles();
    String role = ROLES.stream().filter(roles::contains).findFirst().orElse("");
    return new Frame(
        lang.code(), user == null ? "" : user, role, active, withLang("it"), withLang("en"));
  }

  private String withLang(String code) {
    StringBuilder sb = new StringBuilder("?");
    uri.getQueryParameters()
        .forEach(
            (k, vs) -> {
              if (!k.equals("lang")) {
                for (String v : vs) {
                  sb.append(k)
                      .append('=')
                      .append(
                          java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8))
                      .append('&');
                }
              }
            });
    return sb.append("lang=").append(code).toString();
  }

  private static String label(Msg m, String metric) {
    return switch (metric) {
      case "dotesAssigned" -> m.m_dotesAssigned();
      case "internshipsStarted" -> m.m_internshipsStarted();
      case "internshipsCompleted" -> m.m_internshipsCompleted();
      case "internshipsInterrupted" -> m.m_internshipsInterrupted();
      case "employedAt1" -> m.m_employedAt1();
      case "employedAt3" -> m.m_employedAt3();
      case "employedAt6" -> m.m_employedAt6();
      default -> m.m_employedAt12();
    };
  }

  private static Map<String, Object> dataset(String label, String key, List<Object> data) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("label", label);
    d.put("key", key);
    d.put("data", data);
    return d;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> rows(Map<String, Object> outcome) {
    return (List<Map<String, Object>>) outcome.getOrDefault("rows", List.of());
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> items(Map<String, Object> page) {
    return (List<Map<String, Object>>) page.getOrDefault("items", List.of());
  }

  private String write(Object o) {
    try {
      return json.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int num(Object o) {
    return o instanceof Number n ? n.intValue() : 0;
  }

  private static String str(Object o) {
    return o == null ? "" : o.toString();
  }

  private static String day(Object instant) {
    return instant == null
        ? ""
        : instant.toString().substring(0, Math.min(10, instant.toString().length()));
  }

  private static String euro(long cents, Lang lang) {
    return java.text.NumberFormat.getCurrencyInstance(
            java.util.Locale.forLanguageTag(lang.code() + "-IT"))
        .format(cents / 100.0);
  }
}
