package it.percorsi.participant.participant;

import static it.percorsi.participant.participant.Api.PROBLEM;
import static it.percorsi.participant.participant.Api.PROBLEMS;
import static it.percorsi.participant.participant.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** {@code Idempotency-Key} on {@code POST /participants}. */
@QuarkusTest
@RealInfrastructure
class IdempotentRegistrationTest {

  @Inject EntityManager em;
  @Inject DataSource dataSource;

  private static Response post(String principal, String key, Map<String, Object> body) {
    return as(principal)
        .header("Idempotency-Key", key)
        .contentType("application/json")
        .body(body)
        .when()
        .post("/participants");
  }

  private long rows(String taxCode) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number)
                        em.createNativeQuery("SELECT count(*) FROM participant WHERE tax_code = ?1")
                            .setParameter(1, taxCode)
                            .getSingleResult())
                    .longValue());
  }

  @Test
  void retryWithTheSameKeyReturnsTheFirstResult() {
    String key = UUID.randomUUID().toString();
    Map<String, Object> body = Fixtures.body("083");
    Response first = post("promoter-a", key, body);

    Response retry = post("promoter-a", key, body);

    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(retry.statusCode()).isEqualTo(201);
    assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
    assertThat(retry.header("ETag")).isEqualTo(first.header("ETag"));
    assertThat(retry.asString()).isEqualTo(first.asString());
    assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(first.header("Idempotent-Replayed")).isNull();
  }

  @Test
  void aReplayAfterTheCaseMovedToAnotherOrganisationIsNotFound() {
    String key = UUID.randomUUID().toString();
    Map<String, Object> body = Fixtures.body("083");
    String id = post("promoter-a", key, body).then().statusCode(201).extract().path("id");
    as("agency-admin")
        .contentType("application/json")
        .body(Map.of("toOrgId", "ORG-PROMOTER-B"))
        .when()
        .post("/participants/" + id + "/ownership-transfers")
        .then()
        .statusCode(200);

    Response replay = post("promoter-a", key, body);

    assertThat(replay.statusCode()).isEqualTo(404);
    assertThat(replay.asString()).doesNotContain((String) body.get("taxCode"));
  }

  @Test
  void sameKeyWithAnotherBodyIsRefusedWith422() {
    String key = UUID.randomUUID().toString();
    post("promoter-a", key, Fixtures.body("083")).then().statusCode(201);

    post("promoter-a", key, Fixtures.body("083"))
        .then()
        .statusCode(422)
        .contentType(PROBLEM)
        .body("type", equalTo(PROBLEMS + "idempotency-key-reused"));
  }

  @Test
  void concurrentRequestsWithTheSameKeyCreateOneParticipant() throws Exception {
    String key = UUID.randomUUID().toString();
    Map<String, Object> body = Fixtures.body("083");
    int clients = 8;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<Response>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < clients; i++) {
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return post("promoter-a", key, body);
                }));
      }
      start.countDown();
      List<Response> responses = new ArrayList<>();
      for (Future<Response> f : answers) {
        responses.add(f.get(60, TimeUnit.SECONDS));
      }

      assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(201));
      assertThat(responses.stream().map(r -> r.<String>path("id")).distinct()).hasSize(1);
      assertThat(responses.stream().filter(r -> r.header("Idempotent-Replayed") == null))
          .hasSize(1);
      assertThat(rows((String) body.get("taxCode"))).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void keysOfAnotherOrganisationAreIndependent() {
    String key = UUID.randomUUID().toString();
    String a =
        post("promoter-a", key, Fixtures.body("083")).then().statusCode(201).extract().path("id");

    String b =
        post("promoter-b", key, Fixtures.body("083")).then().statusCode(201).extract().path("id");

    assertThat(b).isNotEqualTo(a);
  }

  @Test
  void refusedRequestLeavesTheKeyFreeForTheCorrectedOne() {
    String key = UUID.randomUUID().toString();
    Map<String, Object> body = Fixtures.body("083");
    body.put("sex", "Q");
    post("promoter-a", key, body).then().statusCode(400);
    body.put("sex", "F");

    post("promoter-a", key, body).then().statusCode(201);
  }

  /** The key scope of promoter-a's organisation, read from a row one of its requests stored. */
  private String scopeOfPromoterA() {
    String key = UUID.randomUUID().toString();
    post("promoter-a", key, Fixtures.body("083")).then().statusCode(201);
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                (String)
                    em.createNativeQuery(
                            "SELECT scope FROM idempotency_key WHERE idempotency_key = ?1")
                        .setParameter(1, key)
                        .getSingleResult());
  }

  private static void insertKeyRow(Connection c, String scope, String key) throws Exception {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO idempotency_key (scope, idempotency_key, request_hash, created_at)"
                + " VALUES (?, ?, 'another attempt', now())")) {
      insert.setString(1, scope);
      insert.setString(2, key);
      insert.executeUpdate();
    }
  }

  @Test
  void aKeyLeftWithoutAnAnswerByAFailedAttemptIsTakenOverNotBusyUntilItExpires() throws Exception {
    // What a transaction that lost its connection half-way can leave behind: the key's row
    // committed without an answer (seen under chaos, where it answered 409 busy for minutes).
    String scope = scopeOfPromoterA();
    String key = UUID.randomUUID().toString();
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(true);
      insertKeyRow(c, scope, key);
    }
    Map<String, Object> body = Fixtures.body("083");

    Response r = post("promoter-a", key, body);

    assertThat(r.statusCode()).isEqualTo(201);
    assertThat(r.header("Idempotent-Replayed")).isNull();
    assertThat(rows((String) body.get("taxCode"))).isEqualTo(1);
    Response retry = post("promoter-a", key, body);
    assertThat(retry.statusCode()).isEqualTo(201);
    assertThat(retry.<String>path("id")).isEqualTo(r.<String>path("id"));
    assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
  }

  @Test
  void aKeyHeldByARequestStillRunningAnswers409BusyWithRetryAfterAndWritesNothing()
      throws Exception {
    String scope = scopeOfPromoterA();
    String key = UUID.randomUUID().toString();
    Map<String, Object> body = Fixtures.body("083");
    try (Connection twin = dataSource.getConnection()) {
      twin.setAutoCommit(false);
      insertKeyRow(twin, scope, key); // the twin request's transaction, still open
      long started = System.nanoTime();

      Response r = post("promoter-a", key, body);

      long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      r.then()
          .statusCode(409)
          .contentType(PROBLEM)
          .body("type", equalTo(PROBLEMS + "idempotency-key-busy"))
          .header("Retry-After", "1");
      assertThat(waitedMillis).as("waited for the twin, boundedly").isBetween(1_500L, 30_000L);
      assertThat(rows((String) body.get("taxCode"))).isZero();
      twin.rollback(); // the twin was refused: the key is free again
    }

    post("promoter-a", key, body).then().statusCode(201);
    assertThat(rows((String) body.get("taxCode"))).isEqualTo(1);
  }

  @Test
  void malformedKeyIsAValidationProblem() {
    post("promoter-a", "two words", Fixtures.body("083"))
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("Idempotency-Key"));
  }
}
