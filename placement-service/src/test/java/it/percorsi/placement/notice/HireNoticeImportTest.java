package it.percorsi.placement.notice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import it.percorsi.placement.Api;
import it.percorsi.placement.Dotes;
import it.percorsi.placement.Fixtures;
import it.percorsi.placement.RealInfrastructure;
import it.percorsi.placement.ResolutionStub;
import it.percorsi.placement.followup.FollowUpService;
import it.percorsi.testkit.EventSchemas;
import it.percorsi.testkit.Events;
import it.percorsi.testkit.Registrations;
import it.percorsi.testkit.TestClock;
import it.percorsi.testkit.UnilavNotices;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * UNILAV notices uploaded to placement-service: hires, extensions, transformations, corrections,
 * cancellations, ends and internship confirmations, once; invalid notices reported with their
 * position while the others apply; follow-ups worked out from notified hires.
 */
@QuarkusTest
@RealInfrastructure
class HireNoticeImportTest {

  private static final LocalDate LAST_DAY = LocalDate.of(2027, 2, 12);

  @Inject TestClock clock;
  @Inject FollowUpService followUps;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  /** A participant of promoter A with an internship that ended on 12 February 2027. */
  record Case(UUID participantId, String internshipId, String taxCode) {}

  private Case caseWithEndedInternship(String employer) {
    Dotes.Dote dote = Dotes.active();
    String internship = Fixtures.startInternship(dote.doteId(), employer, "2026-12-07");
    clock.moveTo(LocalDate.of(2027, 2, 15));
    Api.post(
            "promoter-a",
            "/internships/" + internship + "/interruption",
            Map.of("reason", "HIRED_BY_HOST", "lastDay", LAST_DAY.toString()))
        .statusCode(200);
    String taxCode = Registrations.provisionalTaxCode();
    ResolutionStub.register(taxCode, dote.participantId());
    return new Case(dote.participantId(), internship, taxCode);
  }

  /** As {@code principal}, a body of {@code contentType} as it is (no charset appended). */
  static RequestSpecification sending(String principal, String contentType) {
    return Api.as(principal)
        .config(
            RestAssured.config()
                .encoderConfig(
                    EncoderConfig.encoderConfig()
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
        .contentType(contentType);
  }

  static JsonPath upload(byte[] body, String contentType) {
    String location =
        sending("agency-admin", contentType)
            .body(body)
            .post("/hires/notices")
            .then()
            .statusCode(202)
            .extract()
            .header("Location");
    String path = location.substring(location.indexOf("/hires/notices/"));
    return Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> Api.get("agency-admin", path).statusCode(200).extract().jsonPath(),
            j -> List.of("COMPLETED", "FAILED").contains(j.getString("status")));
  }

  static List<Map<String, Object>> hiresOf(UUID participant) {
    return Api.get("agency-admin", "/hires?participantId=" + participant + "&limit=50")
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("items");
  }

  @Test
  void aZipOfNoticesBecomesHiresOnceAndASecondUploadChangesNothing() {
    String employer = Fixtures.registerEmployer(Fixtures.employer());
    List<Case> cases = new ArrayList<>();
    List<UnilavNotices.Participant> scripted = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Case c = caseWithEndedInternship(employer);
      cases.add(c);
      // The first six follow the scripts without an internship notice; the last two have one.
      scripted.add(
          i < 6
              ? UnilavNotices.Participant.of(c.taxCode())
              : new UnilavNotices.Participant(c.taxCode(), LocalDate.of(2026, 12, 7), LAST_DAY));
    }
    UnilavNotices.Scenario s = UnilavNotices.scenario(11, 80, LocalDate.of(2027, 3, 1), scripted);

    JsonPath first = upload(s.zip(), "application/zip");
    assertThat(first.getString("status")).isEqualTo("COMPLETED");
    assertThat(first.getInt("received")).isEqualTo(80);
    assertThat(first.getInt("invalid")).isEqualTo(2);
    assertThat(first.getInt("aboutParticipants")).isEqualTo(s.aboutParticipants());
    assertThat(first.getInt("applied")).isEqualTo(s.aboutParticipants());
    assertThat(first.getInt("unchanged")).isZero();
    assertThat(first.getInt("droppedNonParticipants")).isEqualTo(80 - 2 - s.aboutParticipants());
    List<Map<String, Object>> problems = first.getList("problems");
    assertThat(problems).hasSize(2);
    assertThat(problems.get(0).get("noticeIndex")).isEqualTo(2);
    assertThat((String) problems.get(0).get("reason")).contains("not valid against the schema");
    assertThat((String) problems.get(1).get("reason")).startsWith("not well-formed XML");
    assertThat(ResolutionStub.largestRequest()).isLessThanOrEqualTo(500);

    List<List<Map<String, Object>>> before = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      List<Map<String, Object>> hires = hiresOf(c.participantId());
      before.add(hires);
      List<UnilavNotices.ExpectedHire> expected = s.hires().get(c.taxCode());
      assertThat(hires)
          .as("hires of participant %d", i)
          .extracting(
              h ->
                  new UnilavNotices.ExpectedHire(
                      (String) h.get("contractType"),
                      LocalDate.parse((String) h.get("startDate")),
                      h.get("endDate") == null ? null : LocalDate.parse((String) h.get("endDate")),
                      (Integer) h.get("weeklyHours"),
                      (String) h.get("noticeCode")))
          .containsExactlyInAnyOrderElementsOf(expected);
      assertThat(hires).allSatisfy(h -> assertThat(h.get("source")).isEqualTo("NOTICE"));
      assertThat(hires)
          .allSatisfy(h -> assertThat(h.get("internshipId")).isEqualTo(c.internshipId()));
      String confirmed =
          Api.get("agency-admin", "/internships/" + c.internshipId())
              .statusCode(200)
              .extract()
              .path("startNoticeCode");
      assertThat(confirmed).isEqualTo(s.internshipNotices().get(c.taxCode()));
    }

    JsonPath second = upload(s.zip(), "application/zip");
    assertThat(second.getString("status")).isEqualTo("COMPLETED");
    assertThat(second.getInt("applied")).isZero();
    assertThat(second.getInt("unchanged")).isEqualTo(s.aboutParticipants());
    for (int i = 0; i < cases.size(); i++) {
      assertThat(hiresOf(cases.get(i).participantId())).isEqualTo(before.get(i));
    }
  }

  @Test
  void notifiedHiresFillTheFollowUpsAndACancellationReopensThem() {
    String employerTax = Fixtures.partitaIva();
    Map<String, Object> host = Fixtures.employer();
    host.put("taxCode", employerTax);
    String employer = Fixtures.registerEmployer(host);
    Case c = caseWithEndedInternship(employer);
    LocalDate start = LAST_DAY.plusDays(1);
    // Fixed-term for four months, made permanent after two: employed at every checkpoint.
    UnilavNotices.Spec hire =
        UnilavNotices.hire(
            "FU" + UUID.randomUUID().toString().substring(0, 8).toUpperCase() + "01",
            employerTax,
            c.taxCode(),
            start,
            start.plusMonths(4).minusDays(1),
            "A.02.00",
            40);
    UnilavNotices.Spec transformed =
        UnilavNotices.of(
            UnilavNotices.Event.Trasformazione,
            hire.code().replace("01", "02"),
            employerTax,
            c.taxCode(),
            start.plusMonths(2),
            null,
            "A.01.00",
            40);
    String file =
        UnilavNotices.fileOf(
            List.of(UnilavNotices.element(hire), UnilavNotices.element(transformed)));
    JsonPath batch = upload(file.getBytes(StandardCharsets.UTF_8), "application/xml");
    assertThat(batch.getInt("applied")).isEqualTo(2);
    String hireId = (String) hiresOf(c.participantId()).get(0).get("id");
    assertThat(hiresOf(c.participantId()).get(0).get("employerId")).isEqualTo(employer);

    followUps.runDue(LocalDate.of(2028, 3, 1));
    List<Map<String, Object>> checkpoints =
        Api.get("promoter-a", "/internships/" + c.internshipId() + "/follow-ups")
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("$");
    assertThat(checkpoints)
        .extracting(f -> f.get("months") + ":" + f.get("status") + ":" + f.get("contractFamily"))
        .containsExactly(
            "1:RECORDED:PERMANENT",
            "3:RECORDED:PERMANENT",
            "6:RECORDED:PERMANENT",
            "12:RECORDED:PERMANENT");
    assertThat(checkpoints).allSatisfy(f -> assertThat(f.get("hireId")).isEqualTo(hireId));

    // The employer cancels the hire notice: the hire goes, the checkpoints wait for the promoter.
    UnilavNotices.Spec cancel = hire.cancelling(hire.code().replace("01", "03"), hire.code());
    JsonPath cancelled =
        upload(UnilavNotices.file(cancel).getBytes(StandardCharsets.UTF_8), "text/xml");
    assertThat(cancelled.getInt("applied")).isEqualTo(1);
    assertThat(hiresOf(c.participantId())).isEmpty();
    followUps.runDue(LocalDate.of(2028, 3, 1));
    assertThat(
            Api.get("promoter-a", "/internships/" + c.internshipId() + "/follow-ups")
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("status", String.class))
        .containsOnly("WAITING");

    // The transformation went with the hire: uploading it again changes nothing either.
    JsonPath again = upload(file.getBytes(StandardCharsets.UTF_8), "application/xml");
    assertThat(again.getInt("unchanged")).isEqualTo(2);
    assertThat(hiresOf(c.participantId())).isEmpty();
  }

  /** The placement event of {@code type} keyed by {@code hireId}, checked against its schema. */
  private static JsonNode hireEvent(String hireId, String type) throws Exception {
    Events.Read r =
        Events.await(
            "percorsi.placements.v1",
            e -> hireId.equals(e.key()) && type.equals(e.header("ce_type")),
            Duration.ofSeconds(20));
    assertThat(EventSchemas.violations("outbound", type, r.value())).isEmpty();
    return new ObjectMapper().readTree(r.value());
  }

  @Test
  void aCorrectionThatReplacesAHireAndACancellationThatUndoesOneTellConsumers() throws Exception {
    String employerTax = Fixtures.partitaIva();
    Map<String, Object> host = Fixtures.employer();
    host.put("taxCode", employerTax);
    String employer = Fixtures.registerEmployer(host);
    Case a = caseWithEndedInternship(employer);
    Case b = caseWithEndedInternship(employer);
    LocalDate start = LAST_DAY.plusDays(1);
    String code = "HC" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    UnilavNotices.Spec hireOfA =
        UnilavNotices.hire(code + "01", employerTax, a.taxCode(), start, null, "A.01.00", 40);
    upload(UnilavNotices.file(hireOfA).getBytes(StandardCharsets.UTF_8), "application/xml");
    String hireOfAId = (String) hiresOf(a.participantId()).get(0).get("id");

    // The employer corrects the notice: the worker hired was b, not a.
    UnilavNotices.Spec hireOfB =
        UnilavNotices.hire(code + "02", employerTax, b.taxCode(), start, null, "A.01.00", 40)
            .correcting(code + "02", code + "01");
    JsonPath corrected =
        upload(UnilavNotices.file(hireOfB).getBytes(StandardCharsets.UTF_8), "application/xml");
    assertThat(corrected.getInt("applied")).isEqualTo(1);
    assertThat(hiresOf(a.participantId())).isEmpty();
    String hireOfBId = (String) hiresOf(b.participantId()).get(0).get("id");
    assertThat(hireOfBId).isNotEqualTo(hireOfAId);
    JsonNode replaced = hireEvent(hireOfAId, "it.percorsi.placement.hire-cancelled.v1");
    assertThat(replaced.get("reason").asText()).isEqualTo("CORRECTED");
    assertThat(replaced.get("participantId").asText()).isEqualTo(a.participantId().toString());
    assertThat(replaced.get("internshipId").asText()).isEqualTo(a.internshipId());
    assertThat(replaced.get("promoterOrgId").asText()).isEqualTo("ORG-PROMOTER-A");
    assertThat(replaced.toString()).doesNotContain(a.taxCode()).doesNotContain(employerTax);
    JsonNode replacement = hireEvent(hireOfBId, "it.percorsi.placement.hire-recorded.v1");
    assertThat(replacement.get("participantId").asText()).isEqualTo(b.participantId().toString());

    // Then it cancels the corrected notice: b's hire goes too, and says so.
    UnilavNotices.Spec cancel = hireOfB.cancelling(code + "03", code + "02");
    JsonPath cancelled =
        upload(UnilavNotices.file(cancel).getBytes(StandardCharsets.UTF_8), "application/xml");
    assertThat(cancelled.getInt("applied")).isEqualTo(1);
    assertThat(hiresOf(b.participantId())).isEmpty();
    JsonNode undone = hireEvent(hireOfBId, "it.percorsi.placement.hire-cancelled.v1");
    assertThat(undone.get("reason").asText()).isEqualTo("CANCELLED");
    assertThat(undone.get("participantId").asText()).isEqualTo(b.participantId().toString());
    assertThat(undone.toString()).doesNotContain(b.taxCode()).doesNotContain(employerTax);

    // The same cancellation again is not applied, so nothing more is appended to the outbox.
    JsonPath again =
        upload(UnilavNotices.file(cancel).getBytes(StandardCharsets.UTF_8), "application/xml");
    assertThat(again.getInt("applied")).isZero();
    assertThat(again.getInt("unchanged")).isEqualTo(1);
  }

  @Test
  void aNoticeThatCannotApplyIsReportedAndChangesNothing() {
    String employer = Fixtures.registerEmployer(Fixtures.employer());
    Case c = caseWithEndedInternship(employer);
    // An extension of a hire that was never notified, then an unknown contract type.
    UnilavNotices.Spec extension =
        UnilavNotices.of(
            UnilavNotices.Event.Proroga,
            "NA" + UUID.randomUUID().toString().substring(0, 8).toUpperCase() + "01",
            Fixtures.partitaIva(),
            c.taxCode(),
            LocalDate.of(2027, 3, 1),
            LocalDate.of(2027, 12, 31),
            "A.02.00",
            40);
    UnilavNotices.Spec unknownType =
        UnilavNotices.hire(
            extension.code().replace("01", "02"),
            Fixtures.partitaIva(),
            c.taxCode(),
            LocalDate.of(2027, 3, 1),
            null,
            "Z.99.99",
            40);
    String file =
        UnilavNotices.fileOf(
            List.of(UnilavNotices.element(extension), UnilavNotices.element(unknownType)));
    JsonPath batch = upload(file.getBytes(StandardCharsets.UTF_8), "application/xml");
    assertThat(batch.getInt("aboutParticipants")).isEqualTo(2);
    assertThat(batch.getInt("invalid")).isEqualTo(2);
    assertThat(batch.getInt("applied")).isZero();
    assertThat(batch.getList("problems.reason", String.class))
        .containsExactly(
            "no hire of the participant with this employer started by 2027-03-01 to extend",
            "contractType is not a UNILAV contract type (see GET /hires/contract-types)");
    assertThat(hiresOf(c.participantId())).isEmpty();
  }

  @Test
  void onlyTheAgencyAndIntegratorsUploadAndOthersDoNotSeeTheReport() {
    byte[] body =
        UnilavNotices.file(
                UnilavNotices.hire(
                    "AC" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(),
                    Fixtures.partitaIva(),
                    Registrations.provisionalTaxCode(),
                    LocalDate.of(2027, 3, 1),
                    null,
                    "A.01.00",
                    40))
            .getBytes(StandardCharsets.UTF_8);
    sending("promoter-a", "application/xml")
        .body(body)
        .post("/hires/notices")
        .then()
        .statusCode(403);
    String location =
        sending("integrator", "application/xml")
            .body(body)
            .post("/hires/notices")
            .then()
            .statusCode(202)
            .extract()
            .header("Location");
    String path = location.substring(location.indexOf("/hires/notices/"));
    Api.get("integrator", path).statusCode(200);
    Api.get("agency-admin", path).statusCode(200);
    Api.get("promoter-a", path).statusCode(403);
    Api.as("agency-admin")
        .contentType("application/json")
        .body("{}")
        .post("/hires/notices")
        .then()
        .statusCode(415);
  }
}
