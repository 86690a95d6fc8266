package it.percorsi.dote.dote;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import it.percorsi.dote.support.DoteFixtures;
import it.percorsi.dote.support.RealInfrastructure;
import it.percorsi.testkit.Tokens;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** First come, first served under real concurrency: quotas and caps are never exceeded. */
@QuarkusTest
@RealInfrastructure
class QuotaConcurrencyTest {

  @TestHTTPResource("/dotes")
  URL dotes;

  private final ObjectMapper json = new ObjectMapper();

  /** Sends all applications at once (released together by a latch); returns outcome counts. */
  private Map<String, Integer> applyConcurrently(String programme, List<UUID> participants)
      throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    String token = Tokens.of("promoter-a");
    Map<String, Integer> outcomes = new ConcurrentHashMap<>();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(64);
    List<CompletableFuture<Void>> all = new ArrayList<>();
    for (UUID p : participants) {
      all.add(
          CompletableFuture.runAsync(
              () -> {
                try {
                  start.await();
                  HttpResponse<String> r =
                      http.send(
                          HttpRequest.newBuilder(URI.create(dotes.toString()))
                              .timeout(Duration.ofSeconds(60))
                              .header("Authorization", "Bearer " + token)
                              .header("Content-Type", "application/json")
                              .POST(
                                  HttpRequest.BodyPublishers.ofString(
                                      json.writeValueAsString(
                                          DoteFixtures.application(programme, p))))
                              .build(),
                          HttpResponse.BodyHandlers.ofString());
                  String key =
                      r.statusCode() == 201
                          ? "201:" + json.readTree(r.body()).get("regionCode").asText()
                          : r.statusCode() + ":" + json.readTree(r.body()).path("type").asText();
                  outcomes.merge(key, 1, Integer::sum);
                } catch (Exception e) {
                  outcomes.merge("error:" + e.getClass().getSimpleName(), 1, Integer::sum);
                }
              },
              pool));
    }
    start.countDown();
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
    pool.shutdown();
    return outcomes;
  }

  @Test
  void threeHundredSimultaneousApplicationsFillTwoRegionalQuotasExactly() throws Exception {
    String programme =
        DoteFixtures.published(DoteFixtures.programme(Map.of("19", 120, "15", 80), null));
    List<UUID> participants = new ArrayList<>();
    for (int i = 0; i < 180; i++) {
      participants.add(DoteFixtures.participant("19", "083", "ORG-PROMOTER-A"));
    }
    for (int i = 0; i < 120; i++) {
      participants.add(DoteFixtures.participant("15", "063", "ORG-PROMOTER-A"));
    }
    java.util.Collections.shuffle(participants);

    Map<String, Integer> outcomes = applyConcurrently(programme, participants);

    assertThat(outcomes)
        .containsEntry("201:19", 120)
        .containsEntry("201:15", 80)
        .containsEntry("409:https://percorsi.it/problems/quota-exhausted", 100)
        .hasSize(3);
    given()
        .auth()
        .oauth2(Tokens.of("agency-admin"))
        .when()
        .get("/programmes/" + programme + "/quotas")
        .then()
        .statusCode(200)
        .body("find { it.regionCode == '19' }.assigned", equalTo(120))
        .body("find { it.regionCode == '15' }.assigned", equalTo(80))
        .body("available.sum()", equalTo(0))
        // Both quotas ran out: each says on which day.
        .body("exhaustedOn", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.notNullValue()));
  }

  @Test
  void promoterCapHoldsUnderConcurrency() throws Exception {
    String programme = DoteFixtures.published(DoteFixtures.programme(Map.of("19", 50), 7));
    List<UUID> participants = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      participants.add(DoteFixtures.participant("19", "083", "ORG-PROMOTER-A"));
    }

    Map<String, Integer> outcomes = applyConcurrently(programme, participants);

    assertThat(outcomes)
        .containsEntry("201:19", 7)
        .containsEntry("409:https://percorsi.it/problems/promoter-cap-reached", 23)
        .hasSize(2);
  }
}
