package it.percorsi.dote.payment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import it.percorsi.dote.support.ActiveDotes;
import it.percorsi.dote.support.Calls;
import it.percorsi.dote.support.DoteFixtures;
import it.percorsi.dote.support.EligibilityStub;
import it.percorsi.dote.support.RealInfrastructure;
import it.percorsi.testkit.EventSchemas;
import it.percorsi.testkit.Events;
import it.percorsi.testkit.Tokens;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * SEPA credit-transfer batches: a month of authorised allowances leaves as a pain.001.001.09 that
 * validates against the ISO 20022 schema and sums to the ledger; the bank's pain.002 settles each
 * transfer once; a disbursement is never in two open batches nor paid twice.
 */
@QuarkusTest
@RealInfrastructure
class PaymentBatchTest {

  private static final LocalDate JAN_2027 = LocalDate.of(2027, 1, 1);
  private static final LocalDate DEC_2027 = LocalDate.of(2027, 12, 31);
  private static final String IBAN_1 = "IT60X0542811101000000123456";
  private static final String IBAN_2 = "DE89370400440532013000";
  private static final String IBAN_3 = "FR1420041010050500013M02606";

  @Inject EntityManager em;

  /** A dote of {@code programme} whose February 2027 allowance is authorised; its participant. */
  private record Allowance(UUID dote, UUID participant, UUID disbursement, long cents) {}

  private static Allowance februaryAllowance(String programme, int attended) {
    UUID dote = ActiveDotes.interning(programme, JAN_2027, DEC_2027);
    ActiveDotes.publish(
        "percorsi.placements.v1",
        dote.toString(),
        UUID.randomUUID().toString(),
        "it.percorsi.placement.attendance-recorded.v1",
        ActiveDotes.attendance(dote, "2027-02", 100, attended));
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                ActiveDotes.read(dote)
                    .body("disbursements", hasSize(1))
                    .body("disbursements[0].status", equalTo("AUTHORISED")));
    JsonPath d = ActiveDotes.read(dote).extract().jsonPath();
    return new Allowance(
        dote,
        UUID.fromString(d.getString("participantId")),
        UUID.fromString(d.getString("disbursements[0].id")),
        d.getLong("disbursements[0].amountCents"));
  }

  private static io.restassured.response.ValidatableResponse createBatch(
      String programme, String key) {
    var request =
        given()
            .auth()
            .oauth2(Tokens.of("agency-admin"))
            .contentType("application/json")
            .body(
                Map.of(
                    "programmeCode", programme,
                    "period", "2027-02",
                    "line", "PARTICIPANT_ALLOWANCE"));
    if (key != null) {
      request = request.header("Idempotency-Key", key);
    }
    return request.when().post("/disbursements/batches").then();
  }

  private static String file(String batch) {
    return given()
        .auth()
        .oauth2(Tokens.of("agency-admin"))
        .when()
        .get("/disbursements/batches/" + batch + "/file")
        .then()
        .statusCode(200)
        .contentType("application/xml")
        .extract()
        .asString();
  }

  private static io.restassured.response.ValidatableResponse upload(String batch, String xml) {
    return given()
        .auth()
        .oauth2(Tokens.of("agency-admin"))
        .contentType("application/xml; charset=UTF-8")
        .body(xml)
        .when()
        .post("/disbursements/batches/" + batch + "/status-reports")
        .then();
  }

  private static String disbursementStatus(UUID id) {
    return Calls.get("agency-admin", "/disbursements/" + id)
        .statusCode(200)
        .extract()
        .path("status");
  }

  /** A bank's pain.002.001.10 answering {@code messageId}: one status per EndToEndId. */
  static String pain002(String messageId, Map<String, String> statuses) {
    StringBuilder tx = new StringBuilder();
    statuses.forEach(
        (e2e, status) -> {
          tx.append("<TxInfAndSts><OrgnlEndToEndId>")
              .append(e2e)
              .append("</OrgnlEndToEndId><TxSts>")
              .append(status)
              .append("</TxSts>");
          if (status.equals("RJCT")) {
            tx.append(
                "<StsRsnInf><Rsn><Cd>AC04</Cd></Rsn><AddtlInf>closed account</AddtlInf></StsRsnInf>");
          }
          tx.append("</TxInfAndSts>");
        });
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.10">
          <CstmrPmtStsRpt>
            <GrpHdr><MsgId>BANK-%s</MsgId><CreDtTm>2027-03-05T10:00:00</CreDtTm></GrpHdr>
            <OrgnlGrpInfAndSts>
              <OrgnlMsgId>%s</OrgnlMsgId><OrgnlMsgNmId>pain.001.001.09</OrgnlMsgNmId>
              <GrpSts>PART</GrpSts>
            </OrgnlGrpInfAndSts>
            <OrgnlPmtInfAndSts><OrgnlPmtInfId>%s</OrgnlPmtInfId>%s</OrgnlPmtInfAndSts>
          </CstmrPmtStsRpt>
        </Document>
        """
        .formatted(UUID.randomUUID().toString().substring(0, 8), messageId, messageId, tx);
  }

  private static List<String> texts(Document doc, String xpath) throws Exception {
    XPath x = XPathFactory.newInstance().newXPath();
    NodeList nodes = (NodeList) x.evaluate(xpath, doc, XPathConstants.NODESET);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add(nodes.item(i).getTextContent());
    }
    return out;
  }

  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
  }

  @Test
  void aMonthOfAllowancesLeavesAsAValidPain001ThatSumsToTheLedgerAndIsSettledOnceByPain002()
      throws Exception {
    String programme = DoteFixtures.published(DoteFixtures.programme(Map.of("19", 50), null));
    Allowance a = februaryAllowance(programme, 100);
    Allowance b = februaryAllowance(programme, 90);
    Allowance c = februaryAllowance(programme, 95);
    EligibilityStub.account(a.participant(), IBAN_1, "Amina Diallo");
    EligibilityStub.account(b.participant(), IBAN_2, "Omar Haddad");
    // c's participant has no account: left out and reported.

    String key = UUID.randomUUID().toString();
    JsonPath batch = createBatch(programme, key).statusCode(201).extract().jsonPath();
    String batchId = batch.getString("id");
    assertThat(batch.getInt("numberOfTransfers")).isEqualTo(2);
    assertThat(batch.getList("transfers.disbursementId"))
        .containsExactlyInAnyOrder(a.disbursement().toString(), b.disbursement().toString());
    assertThat(batch.getList("excluded.disbursementId"))
        .containsExactly(c.disbursement().toString());
    assertThat(batch.getString("excluded[0].reason")).contains("no payment account");
    assertThat(batch.getLong("controlSumCents")).isEqualTo(a.cents() + b.cents());
    assertThat(batch.toString()).doesNotContain(IBAN_1).doesNotContain("Amina");
    // A retry with the same key is the first answer, not a second batch.
    createBatch(programme, key)
        .statusCode(201)
        .header("Idempotent-Replayed", "true")
        .body("id", equalTo(batchId));

    String xml = file(batchId);
    assertThat(Iso20022Schemas.PAIN_001_001_09.problem(xml)).isNull();
    Document doc = parse(xml);
    assertThat(texts(doc, "//*[local-name()='GrpHdr']/*[local-name()='NbOfTxs']"))
        .containsExactly("2");
    BigDecimal ledger = BigDecimal.valueOf(a.cents() + b.cents(), 2);
    assertThat(texts(doc, "//*[local-name()='GrpHdr']/*[local-name()='CtrlSum']"))
        .containsExactly(ledger.toPlainString());
    assertThat(texts(doc, "//*[local-name()='PmtInf']/*[local-name()='CtrlSum']"))
        .containsExactly(ledger.toPlainString());
    List<String> amounts = texts(doc, "//*[local-name()='InstdAmt']");
    assertThat(amounts).allMatch(s -> s.matches("[0-9]+\\.[0-9]{2}"));
    assertThat(amounts.stream().map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add))
        .isEqualByComparingTo(ledger);
    assertThat(texts(doc, "//*[local-name()='InstdAmt']/@Ccy")).containsOnly("EUR");
    List<String> endToEnd = texts(doc, "//*[local-name()='EndToEndId']");
    assertThat(new HashSet<>(endToEnd)).hasSize(2);
    assertThat(texts(doc, "//*[local-name()='CdtrAcct']//*[local-name()='IBAN']"))
        .containsExactlyInAnyOrder(IBAN_1, IBAN_2);
    assertThat(texts(doc, "//*[local-name()='Ustrd']"))
        .allMatch(s -> s.contains(programme) && s.contains("2027-02"));
    assertThat(disbursementStatus(a.disbursement())).isEqualTo("BATCHED");
    assertThat(disbursementStatus(c.disbursement())).isEqualTo("AUTHORISED");

    // A second batch never takes a batched disbursement: only c, once it has an account.
    createBatch(programme, null).statusCode(422).body("type", equalTo(problem("nothing-to-pay")));
    EligibilityStub.account(c.participant(), IBAN_3, "Lamin Sow");
    JsonPath second = createBatch(programme, null).statusCode(201).extract().jsonPath();
    assertThat(second.getList("transfers.disbursementId"))
        .containsExactly(c.disbursement().toString());

    // The bank rejects a's transfer and pays b's.
    String messageId = batch.getString("messageId");
    String e2eA = PaymentBatches.endToEndId(a.disbursement());
    String e2eB = PaymentBatches.endToEndId(b.disbursement());
    String report = pain002(messageId, Map.of(e2eA, "RJCT", e2eB, "ACSC"));
    upload(batchId, report)
        .statusCode(200)
        .body("paid", equalTo(1))
        .body("rejected", equalTo(1))
        .body("unchanged", equalTo(0));
    assertThat(disbursementStatus(a.disbursement())).isEqualTo("AUTHORISED");
    assertThat(disbursementStatus(b.disbursement())).isEqualTo("PAID");
    assertThat(disbursementStatus(c.disbursement())).isEqualTo("BATCHED");
    // The participant's promoter sees why.
    Calls.get("promoter-a", "/disbursements/" + a.disbursement())
        .statusCode(200)
        .body("rejectionReason", equalTo("AC04 closed account"));
    Calls.get("agency-admin", "/disbursements/batches/" + batchId)
        .statusCode(200)
        .body("state", equalTo("SETTLED"))
        .body("transfers.find { it.endToEndId == '" + e2eA + "' }.status", equalTo("REJECTED"));

    // The same report again (or one that contradicts it) changes nothing.
    upload(batchId, report)
        .statusCode(200)
        .body("paid", equalTo(0))
        .body("rejected", equalTo(0))
        .body("unchanged", equalTo(2));
    upload(batchId, pain002(messageId, Map.of(e2eA, "ACSC", e2eB, "RJCT")))
        .statusCode(200)
        .body("unchanged", equalTo(2));
    assertThat(disbursementStatus(a.disbursement())).isEqualTo("AUTHORISED");
    assertThat(disbursementStatus(b.disbursement())).isEqualTo("PAID");

    // The next batch pays a again, never b (paid) nor c (waiting in the second batch).
    JsonPath third = createBatch(programme, null).statusCode(201).extract().jsonPath();
    assertThat(third.getList("transfers.disbursementId"))
        .containsExactly(a.disbursement().toString());
    assertThat(third.getString("transfers[0].endToEndId")).isEqualTo(e2eA);

    // Events: batched, paid and rejected, each as its schema says, without payee details.
    List<Events.Read> events =
        Events.readUntil(
            "percorsi.dotes.v1",
            // a's rejection and b's payment sit on different partitions: wait for both.
            rs ->
                rs.stream()
                        .anyMatch(
                            r ->
                                "it.percorsi.disbursement.rejected.v1".equals(r.header("ce_type"))
                                    && r.value().contains(a.disbursement().toString()))
                    && rs.stream()
                        .anyMatch(
                            r ->
                                "it.percorsi.disbursement.paid.v1".equals(r.header("ce_type"))
                                    && r.value().contains(b.disbursement().toString())),
            Duration.ofSeconds(20));
    List<Events.Read> mine =
        events.stream()
            .filter(
                r ->
                    r.value().contains(a.disbursement().toString())
                        || r.value().contains(b.disbursement().toString()))
            .toList();
    assertThat(mine.stream().map(r -> r.header("ce_type")))
        .contains(
            "it.percorsi.disbursement.batched.v1",
            "it.percorsi.disbursement.paid.v1",
            "it.percorsi.disbursement.rejected.v1");
    for (Events.Read r : mine) {
      assertThat(EventSchemas.violations("outbound", r.header("ce_type"), r.value())).isEmpty();
      assertThat(r.value()).doesNotContain(IBAN_1).doesNotContain(IBAN_2).doesNotContain("Amina");
    }
  }

  private static final String HOST_IBAN = "ES9121000418450200051332";
  private static final String PROMOTER_IBAN = "NL91ABNA0417164300";

  /** An authorised disbursement of {@code line} on {@code dote}, once the ledger shows it. */
  private static Allowance authorised(UUID dote, String line) {
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                ActiveDotes.read(dote)
                    .body(
                        "disbursements.find { it.line == '" + line + "' }.status",
                        equalTo("AUTHORISED")));
    JsonPath d = ActiveDotes.read(dote).extract().jsonPath();
    String at = "disbursements.find { it.line == '" + line + "' }.";
    return new Allowance(
        dote,
        UUID.fromString(d.getString("participantId")),
        UUID.fromString(d.getString(at + "id")),
        d.getLong(at + "amountCents"));
  }

  /** The host contribution of a completed internship, its internship's id beside it. */
  private static Allowance hostContribution(String programme, UUID internship) {
    UUID dote = ActiveDotes.active(programme);
    ActiveDotes.startInternship(dote, internship, JAN_2027, LocalDate.of(2027, 6, 30));
    ActiveDotes.publish(
        "percorsi.placements.v1",
        dote.toString(),
        UUID.randomUUID().toString(),
        "it.percorsi.placement.internship-completed.v1",
        "{\"internshipId\":\"%s\",\"doteId\":\"%s\",\"completedOn\":\"2027-06-30\"}"
            .formatted(internship, dote));
    return authorised(dote, "HOST_CONTRIBUTION");
  }

  /** A validated service delivery of the dote's promoter (ORG-PROMOTER-A), as plan-service says. */
  private static Allowance promoterService(String programme, long cents) {
    UUID dote = ActiveDotes.active(programme);
    ActiveDotes.publish(
        "percorsi.plans.v1",
        dote.toString(),
        UUID.randomUUID().toString(),
        "it.percorsi.plan.service-delivered.v1",
        ("{\"deliveryId\":\"%s\",\"doteId\":\"%s\",\"serviceType\":\"TUTORING\","
                + "\"hours\":4,\"amountCents\":%d}")
            .formatted(UUID.randomUUID(), dote, cents));
    return authorised(dote, "PROMOTER_SERVICES");
  }

  /** EndToEndId → the creditor's IBAN, name and remittance line, from a pain.001. */
  private static Map<String, List<String>> creditors(Document doc) throws Exception {
    XPath x = XPathFactory.newInstance().newXPath();
    NodeList txs =
        (NodeList) x.evaluate("//*[local-name()='CdtTrfTxInf']", doc, XPathConstants.NODESET);
    Map<String, List<String>> out = new java.util.HashMap<>();
    for (int i = 0; i < txs.getLength(); i++) {
      org.w3c.dom.Node tx = txs.item(i);
      out.put(
          x.evaluate(".//*[local-name()='EndToEndId']", tx),
          List.of(
              x.evaluate("./*[local-name()='CdtrAcct']//*[local-name()='IBAN']", tx),
              x.evaluate("./*[local-name()='Cdtr']/*[local-name()='Nm']", tx),
              x.evaluate(".//*[local-name()='Ustrd']", tx)));
    }
    return out;
  }

  @Test
  void aHostsAndAPromotersDisbursementsLeaveToTheirOwnAccountsSumToTheLedgerAndSettleOnce()
      throws Exception {
    String programme = DoteFixtures.published(DoteFixtures.programme(Map.of("19", 50), null));
    UUID internship = UUID.randomUUID();
    Allowance host = hostContribution(programme, internship);
    Allowance promoter = promoterService(programme, 12_345);
    // The host's account is placement-service's, asked by internship; the promoter's is the
    // registry's. The participants' accounts must not be used for either.
    EligibilityStub.account(internship, HOST_IBAN, "Officine Esempio srl");
    EligibilityStub.account(host.participant(), IBAN_1, "Amina Diallo");
    EligibilityStub.account(promoter.participant(), IBAN_2, "Omar Haddad");
    given()
        .auth()
        .oauth2(Tokens.of("agency-admin"))
        .contentType("application/json")
        .body(
            Map.of(
                "name",
                "Promotore A",
                "iban",
                PROMOTER_IBAN,
                "accountHolder",
                "Promotore A Soc. Coop."))
        .when()
        .put("/promoters/ORG-PROMOTER-A")
        .then()
        .statusCode(200);

    JsonPath batch =
        Calls.post("agency-admin", "/disbursements/batches", Map.of("programmeCode", programme))
            .statusCode(201)
            .extract()
            .jsonPath();
    String batchId = batch.getString("id");
    assertThat(batch.getList("transfers.disbursementId"))
        .containsExactlyInAnyOrder(
            host.disbursement().toString(), promoter.disbursement().toString());
    assertThat(batch.getList("excluded")).isEmpty();
    assertThat(
            batch.getString(
                "transfers.find { it.disbursementId == '" + host.disbursement() + "' }.payee"))
        .isEqualTo("HOST");
    assertThat(
            batch.getString(
                "transfers.find { it.disbursementId == '" + promoter.disbursement() + "' }.payee"))
        .isEqualTo("PROMOTER");
    long ledger = host.cents() + promoter.cents();
    assertThat(batch.getLong("controlSumCents")).isEqualTo(ledger);

    String xml = file(batchId);
    assertThat(Iso20022Schemas.PAIN_001_001_09.problem(xml)).isNull();
    Document doc = parse(xml);
    assertThat(texts(doc, "//*[local-name()='GrpHdr']/*[local-name()='NbOfTxs']"))
        .containsExactly("2");
    String euros = BigDecimal.valueOf(ledger, 2).toPlainString();
    assertThat(texts(doc, "//*[local-name()='GrpHdr']/*[local-name()='CtrlSum']"))
        .containsExactly(euros);
    assertThat(texts(doc, "//*[local-name()='PmtInf']/*[local-name()='CtrlSum']"))
        .containsExactly(euros);
    String e2eHost = PaymentBatches.endToEndId(host.disbursement());
    String e2ePromoter = PaymentBatches.endToEndId(promoter.disbursement());
    Map<String, List<String>> creditors = creditors(doc);
    assertThat(creditors.keySet()).containsExactlyInAnyOrder(e2eHost, e2ePromoter);
    assertThat(creditors.get(e2eHost).subList(0, 2))
        .containsExactly(HOST_IBAN, "Officine Esempio srl");
    assertThat(creditors.get(e2eHost).get(2))
        .contains(programme)
        .contains("contributo soggetto ospitante");
    assertThat(creditors.get(e2ePromoter).subList(0, 2))
        .containsExactly(PROMOTER_IBAN, "Promotore A Soc. Coop.");
    assertThat(creditors.get(e2ePromoter).get(2)).contains(programme).contains("servizi al lavoro");
    Map<String, String> amounts = new java.util.HashMap<>();
    XPath x = XPathFactory.newInstance().newXPath();
    for (String e2e : List.of(e2eHost, e2ePromoter)) {
      amounts.put(
          e2e,
          x.evaluate(
              "//*[local-name()='CdtTrfTxInf'][.//*[local-name()='EndToEndId']='"
                  + e2e
                  + "']//*[local-name()='InstdAmt']",
              doc));
    }
    assertThat(amounts)
        .containsEntry(e2eHost, BigDecimal.valueOf(host.cents(), 2).toPlainString())
        .containsEntry(e2ePromoter, BigDecimal.valueOf(promoter.cents(), 2).toPlainString());

    // The bank pays both; the same report again changes nothing, and no batch takes them again.
    String report =
        pain002(batch.getString("messageId"), Map.of(e2eHost, "ACSC", e2ePromoter, "ACSC"));
    upload(batchId, report).statusCode(200).body("paid", equalTo(2)).body("rejected", equalTo(0));
    assertThat(disbursementStatus(host.disbursement())).isEqualTo("PAID");
    assertThat(disbursementStatus(promoter.disbursement())).isEqualTo("PAID");
    upload(batchId, report).statusCode(200).body("paid", equalTo(0)).body("unchanged", equalTo(2));
    Calls.get("agency-admin", "/disbursements/batches/" + batchId)
        .statusCode(200)
        .body("state", equalTo("SETTLED"));
    Calls.post("agency-admin", "/disbursements/batches", Map.of("programmeCode", programme))
        .statusCode(422)
        .body("type", equalTo(problem("nothing-to-pay")));
    List<Events.Read> paid =
        Events.readUntil(
            "percorsi.dotes.v1",
            rs ->
                rs.stream()
                        .filter(r -> "it.percorsi.disbursement.paid.v1".equals(r.header("ce_type")))
                        .filter(
                            r ->
                                r.value().contains(host.disbursement().toString())
                                    || r.value().contains(promoter.disbursement().toString()))
                        .count()
                    == 2,
            Duration.ofSeconds(20));
    List<Events.Read> mine =
        paid.stream()
            .filter(r -> "it.percorsi.disbursement.paid.v1".equals(r.header("ce_type")))
            .filter(
                r ->
                    r.value().contains(host.disbursement().toString())
                        || r.value().contains(promoter.disbursement().toString()))
            .toList();
    assertThat(mine).hasSize(2);
    for (Events.Read r : mine) {
      assertThat(EventSchemas.violations("outbound", r.header("ce_type"), r.value())).isEmpty();
      assertThat(r.value()).doesNotContain(HOST_IBAN).doesNotContain(PROMOTER_IBAN);
    }
  }

  @Test
  void aStatusReportThatIsNotAValidPain002OrAnswersAnotherMessageChangesNothing() {
    String programme = DoteFixtures.published(DoteFixtures.programme(Map.of("19", 50), null));
    Allowance a = februaryAllowance(programme, 100);
    EligibilityStub.account(a.participant(), IBAN_1, "Amina Diallo");
    String batchId = createBatch(programme, null).statusCode(201).extract().path("id");
    String e2e = PaymentBatches.endToEndId(a.disbursement());

    Calls.post("agency-admin", "/disbursements/batches/" + batchId + "/status-reports", Map.of())
        .statusCode(415)
        .body("type", equalTo(problem("unsupported-media-type")));
    upload(batchId, "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.002.001.10\"/>")
        .statusCode(422)
        .body("type", equalTo(problem("invalid-status-report")));
    upload(batchId, pain002("PERCORSI-SOMEONE-ELSE", Map.of(e2e, "ACSC")))
        .statusCode(422)
        .body("type", equalTo(problem("invalid-status-report")));
    assertThat(disbursementStatus(a.disbursement())).isEqualTo("BATCHED");
    // Only the agency uploads; a promoter cannot read the batch.
    given()
        .auth()
        .oauth2(Tokens.of("promoter-a"))
        .contentType("application/xml; charset=UTF-8")
        .body(pain002("X", Map.of(e2e, "ACSC")))
        .when()
        .post("/disbursements/batches/" + batchId + "/status-reports")
        .then()
        .statusCode(403);
    Calls.get("promoter-a", "/disbursements/batches/" + batchId + "/file").statusCode(403);
    // Nor can it be paid by hand behind the batch's back.
    Calls.post(
            "agency-admin",
            "/disbursements/" + a.disbursement() + "/payment",
            Map.of("paymentReference", "CRO-1"))
        .statusCode(409);
    // The agency's own confirmation settles it, once.
    Calls.post(
            "agency-admin",
            "/disbursements/batches/" + batchId + "/confirmations",
            Map.of("items", List.of(Map.of("endToEndId", e2e, "outcome", "PAID"))))
        .statusCode(200)
        .body("paid", equalTo(1));
    Calls.post(
            "agency-admin",
            "/disbursements/batches/" + batchId + "/confirmations",
            Map.of(
                "items",
                List.of(Map.of("endToEndId", e2e, "outcome", "REJECTED", "reason", "late"))))
        .statusCode(200)
        .body("unchanged", equalTo(1));
    assertThat(disbursementStatus(a.disbursement())).isEqualTo("PAID");
  }

  @Test
  void theDatabaseRefusesASecondWaitingOrPaidTransferOfADisbursement() {
    String programme = DoteFixtures.published(DoteFixtures.programme(Map.of("19", 50), null));
    Allowance a = februaryAllowance(programme, 100);
    EligibilityStub.account(a.participant(), IBAN_1, "Amina Diallo");
    String batchId = createBatch(programme, null).statusCode(201).extract().path("id");
    String other = UUID.randomUUID().toString();
    assertThatThrownBy(
            () ->
                QuarkusTransaction.requiringNew()
                    .run(
                        () -> {
                          em.createNativeQuery(
                                  "INSERT INTO payment_batch (id, message_id, state, transfers,"
                                      + " control_sum_cents, requested_on, created_at, file,"
                                      + " version) SELECT CAST(?1 AS uuid), ?3, 'OPEN',"
                                      + " 1, 1, requested_on, created_at, file, 0 FROM"
                                      + " payment_batch WHERE id = CAST(?2 AS uuid)")
                              .setParameter(1, other)
                              .setParameter(2, batchId)
                              .setParameter(3, "X-" + other.substring(0, 8))
                              .executeUpdate();
                          em.createNativeQuery(
                                  "INSERT INTO payment_transfer (batch_id, disbursement_id,"
                                      + " end_to_end_id, payee_kind, amount_cents, status) VALUES"
                                      + " (CAST(?1 AS uuid), CAST(?2 AS uuid), 'E', 'PARTICIPANT',"
                                      + " 1, 'PENDING')")
                              .setParameter(1, other)
                              .setParameter(2, a.disbursement().toString())
                              .executeUpdate();
                        }))
        .hasStackTraceContaining("payment_transfer_once");
  }

  @Test
  void promoterRegistryChecksIbansAndShowsAnOrganisationItsOwnOnly() {
    String org = "ORG-PROMOTER-A";
    Map<String, Object> bad =
        Map.of("name", "Promotore A", "iban", "IT60X0542811101000000123457", "accountHolder", "A");
    given()
        .auth()
        .oauth2(Tokens.of("agency-admin"))
        .contentType("application/json")
        .body(bad)
        .when()
        .put("/promoters/" + org)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("iban"))
        .body("errors[0].message", equalTo("has wrong check digits"));
    given()
        .auth()
        .oauth2(Tokens.of("agency-admin"))
        .contentType("application/json")
        .body(
            Map.of(
                "name",
                "Promotore A",
                "iban",
                "IT60 X054 2811 1010 0000 0123 456",
                "accountHolder",
                "Promotore A srl"))
        .when()
        .put("/promoters/" + org)
        .then()
        .statusCode(200)
        .body("iban", equalTo(IBAN_1));
    Calls.get("promoter-a", "/promoters/" + org)
        .statusCode(200)
        .body("name", equalTo("Promotore A"));
    Calls.get("promoter-b", "/promoters/" + org).statusCode(404);
    given()
        .auth()
        .oauth2(Tokens.of("promoter-a"))
        .contentType("application/json")
        .body(Map.of("name", "Mine", "iban", IBAN_1, "accountHolder", "Me"))
        .when()
        .put("/promoters/" + org)
        .then()
        .statusCode(403);
  }

  private static String problem(String kind) {
    return "https://percorsi.it/problems/" + kind;
  }
}
