package it.percorsi.dote.ledger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import it.percorsi.dote.dote.DoteFunding;
import it.percorsi.dote.support.ActiveDotes;
import it.percorsi.dote.support.DoteFixtures;
import it.percorsi.dote.support.RealInfrastructure;
import it.percorsi.platform.inbox.IncomingEvent;
import it.percorsi.testkit.Tokens;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The ledger: authorised from events, once each, never below zero. */
@QuarkusTest
@RealInfrastructure
class LedgerTest {

  private static final String PLACEMENTS = "percorsi.placements.v1";
  private static final String ATTENDANCE = "it.percorsi.placement.attendance-recorded.v1";

  @Inject DoteFunding funding;

  private static final LocalDate JAN_2027 = LocalDate.of(2027, 1, 1);
  private static final LocalDate DEC_2027 = LocalDate.of(2027, 12, 31);

  private final ObjectMapper json = new ObjectMapper();

  private static String programme() {
    return DoteFixtures.published(DoteFixtures.programme(Map.of("19", 50), null));
  }

  private static JsonPath dote(UUID id) {
    return ActiveDotes.read(id).statusCode(200).extract().jsonPath();
  }

  @Test
  void planApprovalActivatesTheDoteAndCommitsItsBudget() {
    UUID dote = ActiveDotes.active(programme());

    JsonPath d = dote(dote);
    assertThat(d.getInt("budget.find { it.kind == 'PARTICIPANT_ALLOWANCE' }.committedCents"))
        .isEqualTo(6 * 50000);
    assertThat(d.getInt("budget.find { it.kind == 'HOST_CONTRIBUTION' }.remainingCents"))
        .isEqualTo(60000);
    assertThat(d.getInt("budget.find { it.kind == 'PROMOTER_SERVICES' }.remainingCents"))
        .isEqualTo(284000);
  }

  @Test
  void sameAttendanceEventDeliveredTwicePaysOnce() {
    UUID dote = ActiveDotes.interning(programme(), JAN_2027, DEC_2027);
    String eventId = UUID.randomUUID().toString();
    String payload = ActiveDotes.attendance(dote, "2027-02", 100, 90);
    ActiveDotes.publish(PLACEMENTS, dote.toString(), eventId, ATTENDANCE, payload);
    ActiveDotes.publish(PLACEMENTS, dote.toString(), eventId, ATTENDANCE, payload);
    // A different event for the same month must not pay it again either.
    ActiveDotes.publish(
        PLACEMENTS, dote.toString(), UUID.randomUUID().toString(), ATTENDANCE, payload);
    ActiveDotes.publish(
        PLACEMENTS,
        dote.toString(),
        UUID.randomUUID().toString(),
        ATTENDANCE,
        ActiveDotes.attendance(dote, "2027-03", 100, 95));

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> ActiveDotes.read(dote).body("disbursements", hasSize(2)));
    JsonPath d = dote(dote);
    assertThat(d.getList("disbursements.findAll { it.period == '2027-02' }")).hasSize(1);
    assertThat(d.getInt("budget.find { it.kind == 'PARTICIPANT_ALLOWANCE' }.remainingCents"))
        .isEqualTo(6 * 50000 - 2 * 50000);
  }

  @Test
  void attendanceBelowTheThresholdRecordsANonPayableEntryWithTheReason() {
    UUID dote = ActiveDotes.interning(programme(), JAN_2027, DEC_2027);
    ActiveDotes.publish(
        PLACEMENTS,
        dote.toString(),
        UUID.randomUUID().toString(),
        ATTENDANCE,
        ActiveDotes.attendance(dote, "2027-04", 100, 69));

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                ActiveDotes.read(dote)
                    .body("disbursements", hasSize(1))
                    .body("disbursements[0].status", equalTo("NOT_PAYABLE"))
                    .body("disbursements[0].amountCents", equalTo(0))
                    .body("disbursements[0].reason", org.hamcrest.Matchers.containsString("70%")));
  }

  @Test
  void fiftyConcurrentDistinctAttendanceEventsNeverOverdrawTheAllowance() throws Exception {
    UUID dote = ActiveDotes.interning(programme(), JAN_2027, LocalDate.of(2031, 12, 31));
    ExecutorService pool = Executors.newFixedThreadPool(16);
    CountDownLatch start = new CountDownLatch(1);
    List<CompletableFuture<Void>> all = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      String month = "%04d-%02d".formatted(2027 + i / 12, i % 12 + 1);
      IncomingEvent e =
          new IncomingEvent(
              UUID.randomUUID().toString(),
              ATTENDANCE,
              "/test",
              dote.toString(),
              Instant.now(),
              PLACEMENTS,
              0,
              i,
              dote.toString(),
              json.readTree(ActiveDotes.attendance(dote, month, 100, 100)));
      all.add(
          CompletableFuture.runAsync(
              () -> {
                try {
                  start.await();
                } catch (InterruptedException ex) {
                  Thread.currentThread().interrupt();
                }
                QuarkusTransaction.requiringNew().run(() -> funding.handle(e));
              },
              pool));
    }
    start.countDown();
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
    pool.shutdown();

    JsonPath d = dote(dote);
    assertThat(d.getList("disbursements.findAll { it.status == 'AUTHORISED' }")).hasSize(6);
    assertThat(d.getList("disbursements.findAll { it.status == 'NOT_PAYABLE' }")).hasSize(44);
    assertThat(d.getInt("budget.find { it.kind == 'PARTICIPANT_ALLOWANCE' }.remainingCents"))
        .isZero();
  }

  @Test
  void concurrentServiceDeliveriesArePaidUpToTheLineExactly() throws Exception {
    UUID dote = ActiveDotes.active(programme());
    ExecutorService pool = Executors.newFixedThreadPool(16);
    List<CompletableFuture<Void>> all = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      IncomingEvent e =
          new IncomingEvent(
              UUID.randomUUID().toString(),
              DoteFunding.SERVICE_DELIVERED,
              "/test",
              dote.toString(),
              Instant.now(),
              "percorsi.plans.v1",
              0,
              i,
              dote.toString(),
              json.readTree(
                  "{\"deliveryId\":\"%s\",\"doteId\":\"%s\",\"serviceType\":\"TUTORING\",\"hours\":4,\"amountCents\":10000}"
                      .formatted(UUID.randomUUID(), dote)));
      all.add(
          CompletableFuture.runAsync(
              () -> QuarkusTransaction.requiringNew().run(() -> funding.handle(e)), pool));
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
    pool.shutdown();

    JsonPath d = dote(dote);
    int paid =
        d
            .<Integer>getList(
                "disbursements.findAll { it.line == 'PROMOTER_SERVICES' }.amountCents")
            .stream()
            .mapToInt(Integer::intValue)
            .sum();
    assertThat(paid).isEqualTo(284000);
    assertThat(d.getInt("budget.find { it.kind == 'PROMOTER_SERVICES' }.remainingCents")).isZero();
  }

  @Test
  void completedInternshipCompletesTheDoteAndAuthorisesTheHostContribution() {
    UUID dote = ActiveDotes.active(programme());
    ActiveDotes.publish(
        PLACEMENTS,
        dote.toString(),
        UUID.randomUUID().toString(),
        "it.percorsi.placement.internship-completed.v1",
        "{\"internshipId\":\"%s\",\"doteId\":\"%s\",\"completedOn\":\"2027-08-31\"}"
            .formatted(UUID.randomUUID(), dote));

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                ActiveDotes.read(dote)
                    .body("state", equalTo("COMPLETED"))
                    .body(
                        "disbursements.find { it.line == 'HOST_CONTRIBUTION' }.amountCents",
                        equalTo(60000)));
  }

  @Test
  void agencyConfirmsPaymentOnceAndOthersCannot() {
    UUID dote = ActiveDotes.interning(programme(), JAN_2027, DEC_2027);
    ActiveDotes.publish(
        PLACEMENTS,
        dote.toString(),
        UUID.randomUUID().toString(),
        ATTENDANCE,
        ActiveDotes.attendance(dote, "2027-05", 80, 80));
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> ActiveDotes.read(dote).body("disbursements", hasSize(1)));
    String disbursement = dote(dote).getString("disbursements[0].id");

    given()
        .auth()
        .oauth2(Tokens.of("promoter-a"))
        .contentType("application/json")
        .body(Map.of("paymentReference", "CRO-1"))
        .when()
        .post("/disbursements/" + disbursement + "/payment")
        .then()
        .statusCode(403);
    given()
        .auth()
        .oauth2(Tokens.of("agency-admin"))
        .contentType("application/json")
        .body(Map.of("paymentReference", "CRO-1"))
        .when()
        .post("/disbursements/" + disbursement + "/payment")
        .then()
        .statusCode(200)
        .body("status", equalTo("PAID"))
        .body("paymentReference", equalTo("CRO-1"));
    given()
        .auth()
        .oauth2(Tokens.of("agency-admin"))
        .contentType("application/json")
        .body(Map.of("paymentReference", "CRO-2"))
        .when()
        .post("/disbursements/" + disbursement + "/payment")
        .then()
        .statusCode(409)
        .body("type", equalTo("https://percorsi.it/problems/invalid-transition"));
  }

  @Test
  void aLineCannotGoBelowZeroEvenWhenCodeTriesTo() {
    UUID dote = ActiveDotes.active(programme());
    org.junit.jupiter.api.Assertions.assertThrows(
        Exception.class,
        () ->
            QuarkusTransaction.requiringNew()
                .run(
                    () -> {
                      BudgetLine l =
                          BudgetLine.findById(
                              new BudgetLine.Key(dote, BudgetLine.Kind.HOST_CONTRIBUTION));
                      l.remainingCents = -1;
                      BudgetLine.getEntityManager().flush();
                    }));
  }
}
