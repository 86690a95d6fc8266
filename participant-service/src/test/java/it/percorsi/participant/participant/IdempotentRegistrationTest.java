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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code Idempotency-Key} on {@code POST /participants}. */
@QuarkusTest
@RealInfrastructure
class IdempotentRegistrationTest {

  @Inject EntityManager em;

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

  @Test
  void malformedKeyIsAValidationProblem() {
    post("promoter-a", "two words", Fixtures.body("083"))
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("Idempotency-Key"));
  }
}
