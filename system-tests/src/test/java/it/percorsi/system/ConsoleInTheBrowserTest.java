package it.percorsi.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import it.percorsi.testkit.Events;
import it.percorsi.testkit.Registrations;
import it.percorsi.testkit.Tokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web console in a real headless browser (Debian's chromium through chromedriver), reached
 * through the gateway at {@code /console}, with the real login at Keycloak (authorization code +
 * PKCE). One browser for the whole class; each test leaves a screenshot in {@code
 * target/console-screenshots}. The last test moves the business clock, so the class runs after the
 * tests that read the wall-clock date and before the other clock-moving ones.
 */
@Order(Integer.MAX_VALUE - 4)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleInTheBrowserTest {

  private static final String PROGRAMME = "EXAMPLE-PERCORSI-4-SUD";
  private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

  private static Stack stack;
  private static ChromeDriver browser;
  private static WebDriverWait wait;
  private static Path profile;

  @BeforeAll
  static void platformAndBrowser() throws IOException {
    stack = Stack.get();
    Files.createDirectories(SCREENSHOTS);
    profile = Files.createTempDirectory("console-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(System.getProperty("percorsi.chromium", "/usr/bin/chromium"));
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,1000",
        "--lang=en-US",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(
                Path.of(System.getProperty("percorsi.chromedriver", "/usr/bin/chromedriver"))
                    .toFile())
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
  }

  @AfterAll
  static void closeBrowser() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    if (profile != null) {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Test
  @Order(1)
  void cpiMessinaSeesOnlyMessinasCases() {
    LocalDate today = today();
    String messina = dote(participant("083", today), today);
    String palermo = dote(participant("082", today), today);

    String url = login("cpi-messina", "/console/cases");
    assertThat(url).as("no token or code left in the address").doesNotContain("token", "code=");
    assertThat(browser.executeScript("return window.localStorage.length + sessionStorage.length"))
        .as("nothing kept in the browser's storage")
        .isEqualTo(0L);
    Set<String> seen = new HashSet<>();
    int page = 0;
    while (true) {
      List<WebElement> rows = browser.findElements(By.cssSelector("#cases tbody tr"));
      assertThat(rows).isNotEmpty();
      for (WebElement row : rows) {
        assertThat(row.getAttribute("data-province")).isEqualTo("083");
        seen.add(row.getAttribute("data-dote"));
      }
      if (page++ == 0) {
        screenshot("1-cases-cpi-messina");
        again("1-cases-cpi-messina");
      }
      List<WebElement> next = browser.findElements(By.id("next-page"));
      if (seen.contains(messina) || next.isEmpty()) {
        break;
      }
      next.get(0).click();
      wait.until(d -> d.findElements(By.cssSelector("#cases tbody tr")).size() > 0);
    }
    assertThat(seen).contains(messina).doesNotContain(palermo);
  }

  @Test
  @Order(2)
  @SuppressWarnings("unchecked")
  void theProgrammeChartShowsTheQuotasOfTheApi() {
    login("agency-admin", "/console/programmes?code=" + PROGRAMME);
    wait.until(
        d ->
            browser
                .executeScript(
                    "return !!(window.Chart && Chart.getChart(document.getElementById('quota-chart')))")
                .equals(Boolean.TRUE));
    Map<String, Object> data =
        (Map<String, Object>)
            browser.executeScript(
                "var c = Chart.getChart(document.getElementById('quota-chart')).data;"
                    + " return {labels: c.labels, datasets: c.datasets.map(function (d) {"
                    + " return {key: d.key, data: d.data}; })};");
    screenshot("2-programme-chart");
    again("2-programme-chart");
    // Italian on request, remembered; then back to English for the other tests.
    browser.findElement(By.cssSelector("a[hreflang='it']")).click();
    wait.until(d -> "it".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
    assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Posti per regione");
    screenshot("2-programme-chart-it");
    browser.findElement(By.cssSelector("a[hreflang='en']")).click();
    wait.until(d -> "en".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
    List<Map<String, Object>> quotas =
        as("agency-admin")
            .get("/api/programmes/" + PROGRAMME + "/quotas")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("$");
    assertThat((List<Object>) data.get("labels"))
        .containsExactlyElementsOf(quotas.stream().map(q -> (Object) q.get("regionCode")).toList());
    Map<String, String> keys =
        Map.of("assigned", "assigned", "active", "active", "free", "available");
    List<Map<String, Object>> datasets = (List<Map<String, Object>>) data.get("datasets");
    for (Map.Entry<String, String> k : keys.entrySet()) {
      List<Object> shown =
          datasets.stream()
              .filter(d -> k.getKey().equals(d.get("key")))
              .findFirst()
              .map(d -> (List<Object>) d.get("data"))
              .orElseThrow();
      List<Long> expected =
          quotas.stream().map(q -> ((Number) q.get(k.getValue())).longValue()).toList();
      assertThat(shown.stream().map(n -> ((Number) n).longValue()).toList())
          .as("chart's %s against the API's %s", k.getKey(), k.getValue())
          .isEqualTo(expected);
    }
    assertThat(expectedSum(quotas, "assigned")).isPositive();
  }

  @Test
  @Order(3)
  void aPromoterSeesASuppressedCellWhereTheAgencySeesTheFigure() {
    // One dote in Caltanissetta, a province no other system test uses: a cell of 1.
    LocalDate today = today();
    dote(participant("085", today), today);
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                as("agency-admin")
                    .get("/api/outcomes?groupBy=province")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("rows.findAll { it.province == '085' }.dotesAssigned"),
            l -> !l.isEmpty() && ((Number) l.get(0)).intValue() >= 1);

    login("agency-admin", "/console/outcomes?by=province");
    WebElement agencyCell = cell("085", "dotesAssigned");
    assertThat(agencyCell.getAttribute("data-suppressed")).isEqualTo("false");
    int agencySees = Integer.parseInt(agencyCell.getText().trim());
    assertThat(agencySees).isBetween(1, 4);
    screenshot("4-outcomes-agency");

    login("promoter-a-staff", "/console/outcomes?by=province");
    WebElement promoterCell = cell("085", "dotesAssigned");
    assertThat(promoterCell.getAttribute("data-suppressed")).isEqualTo("true");
    assertThat(promoterCell.getText()).doesNotContain(String.valueOf(agencySees));
    screenshot("4-outcomes-promoter");
    assertThat(
            as("promoter-a")
                .get("/api/outcomes?groupBy=province")
                .then()
                .extract()
                .jsonPath()
                .getString("rows.find { it.province == '085' }.dotesAssigned"))
        .as("the console shows what the API answers the promoter")
        .isEqualTo("suppressed");
  }

  @Test
  @Order(4)
  void theTimelineOfACaseShowsItsMonthsAndPayments() {
    LocalDate today = today();
    String dote = dote(participant("083", today), today);
    String plan = UUID.randomUUID().toString();
    Events.publish(
        "percorsi.plans.v1",
        plan,
        Events.cloudEvent(UUID.randomUUID().toString(), "it.percorsi.plan.approved.v1", plan),
        "{\"planId\":\"%s\",\"doteId\":\"%s\",\"approvedOn\":\"%s\"}".formatted(plan, dote, today));
    String employer = Hosts.officinePeloritane(stack.gateway(), Registrations.provisionalTaxCode());
    Map<String, Object> start =
        Map.of(
            "doteId",
            dote,
            "employerId",
            employer,
            "startDate",
            today.plusDays(1).toString(),
            "weeklyHours",
            25,
            "companyTutor",
            Hosts.COMPANY_TUTOR,
            "promoterTutor",
            "Marco Neri",
            "tasks",
            "Assembly of mechanical parts under supervision");
    String internship =
        Awaitility.await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    as("promoter-a")
                        .contentType("application/json")
                        .body(start)
                        .post("/api/internships")
                        .then()
                        .extract(),
                r -> r.statusCode() == 201)
            .path("id");
    YearMonth first = YearMonth.from(today.plusDays(1)).plusMonths(1);
    List<YearMonth> months = List.of(first, first.plusMonths(1));
    as("agency-admin")
        .contentType("application/json")
        .body(Map.of("today", months.get(1).plusMonths(1).atDay(1).toString()))
        .put("/api/sandbox/clock")
        .then()
        .statusCode(200);
    int[] percent = {100, 60};
    for (int i = 0; i < months.size(); i++) {
      var draft =
          as("promoter-a")
              .contentType("application/json")
              .body(Map.of("attendedHours", 0))
              .put("/api/internships/" + internship + "/attendance/" + months.get(i));
      draft.then().statusCode(200);
      int planned = draft.jsonPath().getInt("plannedHours");
      as("promoter-a")
          .contentType("application/json")
          .header("If-Match", draft.header("ETag"))
          .body(Map.of("attendedHours", planned * percent[i] / 100))
          .put("/api/internships/" + internship + "/attendance/" + months.get(i))
          .then()
          .statusCode(200);
      as("host-acme")
          .post("/api/internships/" + internship + "/attendance/" + months.get(i) + "/confirmation")
          .then()
          .statusCode(200);
    }
    JsonPath paid =
        Awaitility.await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> as("agency-admin").get("/api/dotes/" + dote).then().extract().jsonPath(),
                d ->
                    d.getList("disbursements.findAll { it.line == 'PARTICIPANT_ALLOWANCE' }").size()
                        == 2);

    login("cpi-messina", "/console/cases/" + dote);
    List<WebElement> monthRows = browser.findElements(By.cssSelector("#months tbody tr"));
    screenshot("3-case-timeline");
    again("3-case-timeline");
    monthRows = browser.findElements(By.cssSelector("#months tbody tr"));
    assertThat(monthRows.stream().map(r -> r.getAttribute("data-month")).toList())
        .containsExactly(months.get(0).toString(), months.get(1).toString());
    assertThat(monthRows.stream().map(r -> r.getAttribute("data-threshold-met")).toList())
        .containsExactly("true", "false");
    assertThat(Integer.parseInt(monthRows.get(0).getAttribute("data-percent"))).isEqualTo(100);
    assertThat(Integer.parseInt(monthRows.get(1).getAttribute("data-percent"))).isBetween(59, 60);
    List<String> shown = new ArrayList<>();
    for (WebElement r : browser.findElements(By.cssSelector("#payments tbody tr"))) {
      shown.add(
          r.getAttribute("data-line")
              + " "
              + r.getAttribute("data-period")
              + " "
              + r.getAttribute("data-status"));
    }
    List<String> expected = new ArrayList<>();
    List<Map<String, Object>> disbursements = paid.getList("disbursements");
    for (Map<String, Object> d : disbursements) {
      expected.add(
          d.get("line")
              + " "
              + (d.get("period") == null ? "" : d.get("period"))
              + " "
              + d.get("status"));
    }
    assertThat(shown).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(shown)
        .contains(
            "PARTICIPANT_ALLOWANCE " + months.get(0) + " AUTHORISED",
            "PARTICIPANT_ALLOWANCE " + months.get(1) + " NOT_PAYABLE");
    assertThat(browser.findElement(By.id("timeline")).getText())
        .contains(today.plusDays(1).toString());

    // Another province's operator does not see the case at all.
    login("cpi-palermo", "/console/cases/" + dote);
    assertThat(browser.findElements(By.id("not-found"))).hasSize(1);
    assertThat(browser.findElements(By.id("months"))).isEmpty();

    // Signing out ends the session at Keycloak too: the next page asks for a login again.
    browser.findElement(By.linkText("Sign out")).click();
    wait.until(d -> d.getCurrentUrl().contains("/console/signed-out"));
    browser.get(stack.gateway() + "/console/cases");
    wait.until(d -> !d.findElements(By.id("username")).isEmpty());
  }

  // --- helpers

  private static long expectedSum(List<Map<String, Object>> quotas, String key) {
    return quotas.stream().mapToLong(q -> ((Number) q.get(key)).longValue()).sum();
  }

  private static WebElement cell(String group, String metric) {
    return browser.findElement(
        By.cssSelector(
            "#outcome-table tr[data-group='" + group + "'] td[data-metric='" + metric + "']"));
  }

  /** Signs {@code user} in at Keycloak from a fresh browser state; the page's final address. */
  private static String login(String user, String path) {
    browser.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    browser.get(stack.gateway() + path);
    wait.until(d -> !d.findElements(By.id("username")).isEmpty());
    assertThat(browser.getCurrentUrl())
        .as("the authorization request carries a PKCE challenge")
        .contains("code_challenge=", "code_challenge_method=S256", "client_id=percorsi-console");
    browser.findElement(By.id("username")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys(user + "-demo");
    browser.findElement(By.id("kc-login")).click();
    wait.until(
        d ->
            !d.findElements(By.id("signed-in")).isEmpty()
                && user.equals(d.findElement(By.id("signed-in")).getAttribute("data-user")));
    return browser.getCurrentUrl();
  }

  /** The same page once more, signed in: the time of a view without the login. */
  private static void again(String name) {
    browser.navigate().refresh();
    wait.until(d -> !d.findElements(By.id("signed-in")).isEmpty());
    Object ms =
        browser.executeScript(
            "var n = performance.getEntriesByType('navigation')[0];"
                + " return n ? Math.round(n.loadEventEnd - n.startTime) : -1;");
    System.out.printf("[console] %s: viewed again in %s ms%n", name, ms);
  }

  private static void screenshot(String name) {
    // How long the page took in the browser, request to load event (printed, never asserted).
    Object ms =
        browser.executeScript(
            "var n = performance.getEntriesByType('navigation')[0];"
                + " return n ? Math.round(n.loadEventEnd - n.startTime) : -1;");
    System.out.printf("[console] %s: page loaded in %s ms%n", name, ms);
    try {
      Files.copy(
          browser.getScreenshotAs(OutputType.FILE).toPath(),
          SCREENSHOTS.resolve(name + ".png"),
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static RequestSpecification as(String principal) {
    return given().baseUri(stack.gateway()).auth().oauth2(Tokens.of(principal));
  }

  private static LocalDate today() {
    return LocalDate.parse(
        as("agency-admin").get("/api/sandbox/clock").then().extract().path("today"));
  }

  private static String participant(String province, LocalDate today) {
    return as("promoter-a")
        .contentType("application/json")
        .body(Registrations.eligible(province, today))
        .post("/api/participants")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /** A dote of promoter A under the southern programme for the participant; its id. */
  private static String dote(String participant, LocalDate today) {
    Map<String, Object> application =
        Map.of(
            "programme", PROGRAMME,
            "participantId", participant,
            "plannedInternshipStart", today.plusDays(1).toString());
    return Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                as("promoter-a")
                    .contentType("application/json")
                    .body(application)
                    .post("/api/dotes")
                    .then()
                    .extract(),
            r -> r.statusCode() == 201)
        .path("id");
  }
}
