package it.percorsi.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import it.percorsi.testkit.Events;
import it.percorsi.testkit.ProjectPaths;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Issue 15, end to end through the gateway with the packaged services: participants' bank accounts
 * kept by participant-service, a batch of one month's authorised allowances built by dote-service
 * with the accounts read from participant-service, a pain.001.001.09 that validates against the ISO
 * 20022 schema and sums to the ledger, the bank's pain.002 rejecting one transfer, and a second
 * batch that never holds a paid disbursement; a host's contribution and a promoter's services paid
 * to the accounts their owners keep (placement-service, the promoter registry). No IBAN on the bus.
 */
class SepaBatchThroughTheGatewayTest {

  private static final String MESSINA = "083";
  private static final String[] IBANS = {
    "IT60X0542811101000000123456", "DE89370400440532013000", "FR1420041010050500013M02606"
  };
  private static Stack stack;

  @BeforeAll
  static void platform() {
    stack = Stack.get();
  }

  private static RequestSpecification as(String principal) {
    return given()
        .baseUri(stack.gateway())
        .auth()
        .oauth2(it.percorsi.testkit.Tokens.of(principal))
        .contentType("application/json");
  }

  /** A participant of promoter-a with a dote whose January 2027 allowance is authorised. */
  private record Allowance(String participant, String disbursement) {}

  private static Allowance allowance(String programme, LocalDate today) {
    String participant =
        as("promoter-a")
            .body(Participants.eligible(MESSINA))
            .post("/api/participants")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String[] dote = new String[1];
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                dote[0] =
                    as("promoter-a")
                        .body(
                            Map.of(
                                "programme", programme,
                                "participantId", participant,
                                "plannedInternshipStart", today.plusDays(20).toString()))
                        .post("/api/dotes")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id"));
    publish(
        "percorsi.plans.v1",
        dote[0],
        "it.percorsi.plan.approved.v1",
        "{\"planId\":\"%s\",\"doteId\":\"%s\",\"approvedOn\":\"%s\"}"
            .formatted(UUID.randomUUID(), dote[0], today));
    publish(
        "percorsi.placements.v1",
        dote[0],
        "it.percorsi.placement.internship-started.v1",
        ("{\"internshipId\":\"%s\",\"doteId\":\"%s\",\"participantId\":\"%s\","
                + "\"employerId\":\"%s\",\"promoterOrgId\":\"ORG-PROMOTER-A\","
                + "\"provinceCode\":\"083\",\"startDate\":\"2027-01-01\","
                + "\"plannedEndDate\":\"2027-06-30\",\"weeklyHours\":25}")
            .formatted(UUID.randomUUID(), dote[0], participant, UUID.randomUUID()));
    publish(
        "percorsi.placements.v1",
        dote[0],
        "it.percorsi.placement.attendance-recorded.v1",
        ("{\"internshipId\":\"%s\",\"doteId\":\"%s\",\"month\":\"2027-01\",\"plannedHours\":100,"
                + "\"attendedHours\":90,\"coveredWorkingDays\":20,\"monthWorkingDays\":20,"
                + "\"revision\":1}")
            .formatted(UUID.randomUUID(), dote[0]));
    String[] disbursement = new String[1];
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              disbursement[0] =
                  as("agency-admin")
                      .get("/api/dotes/" + dote[0])
                      .then()
                      .statusCode(200)
                      .extract()
                      .path("disbursements.find { it.status == 'AUTHORISED' }.id");
              assertThat(disbursement[0]).isNotNull();
            });
    return new Allowance(participant, disbursement[0]);
  }

  private static void publish(String topic, String key, String type, String payload) {
    Events.publish(topic, key, Events.cloudEvent(UUID.randomUUID().toString(), type, key), payload);
  }

  private static JsonPath batch(String programme, String key) {
    return as("agency-admin")
        .header("Idempotency-Key", key)
        .body(
            Map.of(
                "programmeCode", programme, "period", "2027-01", "line", "PARTICIPANT_ALLOWANCE"))
        .post("/api/disbursements/batches")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath();
  }

  private static JsonPath upload(String batch, String xml) {
    return as("agency-admin")
        .contentType("application/xml; charset=UTF-8")
        .body(xml)
        .post("/api/disbursements/batches/" + batch + "/status-reports")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static JsonPath disbursement(String principal, String id) {
    return as(principal)
        .get("/api/disbursements/" + id)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static String pain002(String messageId, String rejected, String paid) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.10">
          <CstmrPmtStsRpt>
            <GrpHdr><MsgId>BANK-STATUS-1</MsgId><CreDtTm>2027-02-05T10:00:00</CreDtTm></GrpHdr>
            <OrgnlGrpInfAndSts>
              <OrgnlMsgId>%1$s</OrgnlMsgId><OrgnlMsgNmId>pain.001.001.09</OrgnlMsgNmId>
              <GrpSts>PART</GrpSts>
            </OrgnlGrpInfAndSts>
            <OrgnlPmtInfAndSts>
              <OrgnlPmtInfId>%1$s</OrgnlPmtInfId>
              <TxInfAndSts>
                <OrgnlEndToEndId>%2$s</OrgnlEndToEndId><TxSts>RJCT</TxSts>
                <StsRsnInf><Rsn><Cd>AC04</Cd></Rsn><AddtlInf>closed account</AddtlInf></StsRsnInf>
              </TxInfAndSts>
              <TxInfAndSts><OrgnlEndToEndId>%3$s</OrgnlEndToEndId><TxSts>ACSC</TxSts></TxInfAndSts>
            </OrgnlPmtInfAndSts>
          </CstmrPmtStsRpt>
        </Document>
        """
        .formatted(messageId, rejected, paid);
  }

  private static List<String> texts(Document doc, String xpath) throws Exception {
    NodeList nodes =
        (NodeList)
            XPathFactory.newInstance().newXPath().evaluate(xpath, doc, XPathConstants.NODESET);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add(nodes.item(i).getTextContent());
    }
    return out;
  }

  private static final String HOST_IBAN = "ES9121000418450200051332";
  private static final String PROMOTER_IBAN = "NL91ABNA0417164300";

  /** An active dote of promoter-a in Messina: its plan approval published as plan-service does. */
  private static String activeDote(String programme, LocalDate today) {
    String participant =
        as("promoter-a")
            .body(Participants.eligible(MESSINA))
            .post("/api/participants")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String dote =
        org.awaitility.Awaitility.await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    as("promoter-a")
                        .body(
                            Map.of(
                                "programme", programme,
                                "participantId", participant,
                                "plannedInternshipStart", today.plusDays(1).toString()))
                        .post("/api/dotes")
                        .then()
                        .extract(),
                r -> r.statusCode() == 201)
            .path("id");
    publish(
        "percorsi.plans.v1",
        dote,
        "it.percorsi.plan.approved.v1",
        "{\"planId\":\"%s\",\"doteId\":\"%s\",\"approvedOn\":\"%s\"}"
            .formatted(UUID.randomUUID(), dote, today));
    return dote;
  }

  /** The dote's authorised disbursement of {@code line}, once dote-service shows it. */
  private static String authorised(String dote, String line) {
    return org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                as("agency-admin")
                    .get("/api/dotes/" + dote)
                    .then()
                    .statusCode(200)
                    .extract()
                    .<String>path(
                        "disbursements.find { it.line == '"
                            + line
                            + "' && it.status == 'AUTHORISED' }.id"),
            java.util.Objects::nonNull);
  }

  @Test
  void aHostsContributionAndAPromotersServicesArePaidToTheAccountsTheirOwnersKeep()
      throws Exception {
    LocalDate today =
        LocalDate.parse(
            as("agency-admin").get("/api/sandbox/clock").then().extract().path("today"));
    String programme = Programmes.code("SEPAHP");
    as("agency-admin")
        .body(Programmes.body(programme, "Percorsi SEPA hosts", today, 23, Programmes.SICILY, 10))
        .post("/api/programmes")
        .then()
        .statusCode(201);
    as("agency-admin").post("/api/programmes/" + programme + "/publication").then().statusCode(200);

    // A host with its account in placement-service, set by the host itself, and an internship
    // there; the internship's end (published as placement-service does) authorises the
    // contribution.
    String hostDote = activeDote(programme, today);
    String employer =
        Hosts.officinePeloritane(
            stack.gateway(), it.percorsi.testkit.Registrations.provisionalTaxCode());
    as("host-acme")
        .body(Map.of("iban", HOST_IBAN, "accountHolder", "Officine Peloritane S.r.l."))
        .put("/api/employers/" + employer + "/payment-account")
        .then()
        .statusCode(200);
    // Narrower than the host record: not even the promoter that registered the host reads it.
    as("promoter-a").get("/api/employers/" + employer + "/payment-account").then().statusCode(403);
    Map<String, Object> start =
        Map.of(
            "doteId",
            hostDote,
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
        org.awaitility.Awaitility.await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> as("promoter-a").body(start).post("/api/internships").then().extract(),
                r -> r.statusCode() == 201)
            .path("id");
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                as("agency-admin")
                    .get("/api/dotes/" + hostDote)
                    .then()
                    .extract()
                    .<String>path("internshipStart"),
            java.util.Objects::nonNull);
    publish(
        "percorsi.placements.v1",
        internship,
        "it.percorsi.placement.internship-completed.v1",
        ("{\"internshipId\":\"%s\",\"doteId\":\"%s\",\"startDate\":\"%s\","
                + "\"completedOn\":\"%s\",\"outcome\":\"COMPLETED\"}")
            .formatted(internship, hostDote, today.plusDays(1), today.plusMonths(6)));
    String hostPayment = authorised(hostDote, "HOST_CONTRIBUTION");

    // A promoter organisation with its account in the registry, and a validated service.
    String promoterDote = activeDote(programme, today);
    as("agency-admin")
        .body(
            Map.of(
                "name", "Promotore A",
                "iban", PROMOTER_IBAN,
                "accountHolder", "Promotore A Soc. Coop."))
        .put("/api/promoters/ORG-PROMOTER-A")
        .then()
        .statusCode(200);
    publish(
        "percorsi.plans.v1",
        promoterDote,
        "it.percorsi.plan.service-delivered.v1",
        ("{\"deliveryId\":\"%s\",\"doteId\":\"%s\",\"serviceType\":\"TUTORING\","
                + "\"hours\":4,\"amountCents\":12345}")
            .formatted(UUID.randomUUID(), promoterDote));
    String promoterPayment = authorised(promoterDote, "PROMOTER_SERVICES");

    JsonPath batch =
        as("agency-admin")
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .body(Map.of("programmeCode", programme))
            .post("/api/disbursements/batches")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    String batchId = batch.getString("id");
    assertThat(batch.getList("transfers.disbursementId"))
        .containsExactlyInAnyOrder(hostPayment, promoterPayment);
    assertThat(batch.getList("excluded")).isEmpty();

    String xml =
        as("agency-admin")
            .get("/api/disbursements/batches/" + batchId + "/file")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
        .newSchema(
            ProjectPaths.root()
                .resolve("dote-service/src/main/resources/iso20022/pain.001.001.09.xsd")
                .toFile())
        .newValidator()
        .validate(new StreamSource(new StringReader(xml)));
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    Document doc = f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    long hostCents = disbursement("agency-admin", hostPayment).getLong("amountCents");
    long promoterCents = disbursement("agency-admin", promoterPayment).getLong("amountCents");
    assertThat(promoterCents).isEqualTo(12345);
    assertThat(
            new BigDecimal(
                texts(doc, "//*[local-name()='GrpHdr']/*[local-name()='CtrlSum']").get(0)))
        .isEqualByComparingTo(BigDecimal.valueOf(hostCents + promoterCents, 2));
    String e2eHost = hostPayment.replace("-", "");
    String e2ePromoter = promoterPayment.replace("-", "");
    String tx = "//*[local-name()='CdtTrfTxInf'][.//*[local-name()='EndToEndId']='%s']";
    assertThat(
            texts(
                doc, tx.formatted(e2eHost) + "/*[local-name()='CdtrAcct']//*[local-name()='IBAN']"))
        .containsExactly(HOST_IBAN);
    assertThat(texts(doc, tx.formatted(e2eHost) + "//*[local-name()='InstdAmt']"))
        .containsExactly(BigDecimal.valueOf(hostCents, 2).toPlainString());
    assertThat(
            texts(
                doc,
                tx.formatted(e2ePromoter) + "/*[local-name()='CdtrAcct']//*[local-name()='IBAN']"))
        .containsExactly(PROMOTER_IBAN);
    assertThat(texts(doc, tx.formatted(e2ePromoter) + "//*[local-name()='InstdAmt']"))
        .containsExactly("123.45");

    // The bank pays both, once: the same report again changes nothing.
    String report =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.10">
          <CstmrPmtStsRpt>
            <GrpHdr><MsgId>BANK-STATUS-2</MsgId><CreDtTm>2027-02-05T10:00:00</CreDtTm></GrpHdr>
            <OrgnlGrpInfAndSts>
              <OrgnlMsgId>%1$s</OrgnlMsgId><OrgnlMsgNmId>pain.001.001.09</OrgnlMsgNmId>
              <GrpSts>ACSC</GrpSts>
            </OrgnlGrpInfAndSts>
          </CstmrPmtStsRpt>
        </Document>
        """
            .formatted(batch.getString("messageId"));
    JsonPath settled = upload(batchId, report);
    assertThat(settled.getInt("paid")).isEqualTo(2);
    assertThat(upload(batchId, report).getInt("unchanged")).isEqualTo(2);
    assertThat(disbursement("agency-admin", hostPayment).getString("status")).isEqualTo("PAID");
    assertThat(disbursement("promoter-a", promoterPayment).getString("status")).isEqualTo("PAID");
    as("agency-admin")
        .body(Map.of("programmeCode", programme))
        .post("/api/disbursements/batches")
        .then()
        .statusCode(422);

    List<Events.Read> read =
        Events.readUntil(
            "percorsi.dotes.v1",
            rs ->
                rs.stream()
                    .anyMatch(
                        r ->
                            "it.percorsi.disbursement.paid.v1".equals(r.header("ce_type"))
                                && r.value().contains(promoterPayment)),
            Duration.ofSeconds(20));
    for (Events.Read r : read) {
      assertThat(r.value()).doesNotContain(HOST_IBAN).doesNotContain(PROMOTER_IBAN);
    }
  }

  @Test
  void aMonthOfAllowancesIsPaidByOneValidatedBatchAndARejectedTransferComesBackOnce()
      throws Exception {
    LocalDate today =
        LocalDate.parse(
            as("agency-admin").get("/api/sandbox/clock").then().extract().path("today"));
    String programme = Programmes.code("SEPA");
    as("agency-admin")
        .body(Programmes.body(programme, "Percorsi SEPA batch", today, 23, Programmes.SICILY, 10))
        .post("/api/programmes")
        .then()
        .statusCode(201);
    as("agency-admin").post("/api/programmes/" + programme + "/publication").then().statusCode(200);
    Allowance a = allowance(programme, today);
    Allowance b = allowance(programme, today);
    Allowance c = allowance(programme, today);

    // Accounts stay with participant-service: checked, and only for who may see the participant.
    as("promoter-a")
        .body(Map.of("iban", "IT60X0542811101000000123457", "accountHolder", "Amina Diallo"))
        .put("/api/participants/" + a.participant() + "/payment-account")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("iban"));
    as("promoter-a")
        .body(Map.of("iban", IBANS[0], "accountHolder", "Amina Diallo"))
        .put("/api/participants/" + a.participant() + "/payment-account")
        .then()
        .statusCode(200);
    as("promoter-a")
        .body(Map.of("iban", IBANS[1], "accountHolder", "Omar Haddad"))
        .put("/api/participants/" + b.participant() + "/payment-account")
        .then()
        .statusCode(200);
    as("promoter-b")
        .get("/api/participants/" + a.participant() + "/payment-account")
        .then()
        .statusCode(404);

    String key = UUID.randomUUID().toString();
    JsonPath first = batch(programme, key);
    String batchId = first.getString("id");
    assertThat(first.getList("transfers.disbursementId"))
        .containsExactlyInAnyOrder(a.disbursement(), b.disbursement());
    assertThat(first.getList("excluded.disbursementId")).containsExactly(c.disbursement());
    assertThat(batch(programme, key).getString("id")).isEqualTo(batchId);

    String xml =
        as("agency-admin")
            .get("/api/disbursements/batches/" + batchId + "/file")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    var schema =
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
            .newSchema(
                ProjectPaths.root()
                    .resolve("dote-service/src/main/resources/iso20022/pain.001.001.09.xsd")
                    .toFile());
    schema.newValidator().validate(new StreamSource(new StringReader(xml)));
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    Document doc = f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    long ledgerCents =
        disbursement("agency-admin", a.disbursement()).getLong("amountCents")
            + disbursement("agency-admin", b.disbursement()).getLong("amountCents");
    assertThat(
            new BigDecimal(
                texts(doc, "//*[local-name()='GrpHdr']/*[local-name()='CtrlSum']").get(0)))
        .isEqualByComparingTo(BigDecimal.valueOf(ledgerCents, 2));
    assertThat(texts(doc, "//*[local-name()='GrpHdr']/*[local-name()='NbOfTxs']"))
        .containsExactly("2");
    assertThat(texts(doc, "//*[local-name()='Ustrd']"))
        .allMatch(s -> s.contains(programme) && s.contains("2027-01"));

    String e2eA = a.disbursement().replace("-", "");
    String e2eB = b.disbursement().replace("-", "");
    String report = pain002(first.getString("messageId"), e2eA, e2eB);
    JsonPath settled = upload(batchId, report);
    assertThat(settled.getInt("paid")).isEqualTo(1);
    assertThat(settled.getInt("rejected")).isEqualTo(1);
    assertThat(disbursement("promoter-a", a.disbursement()).getString("status"))
        .isEqualTo("AUTHORISED");
    assertThat(disbursement("promoter-a", a.disbursement()).getString("rejectionReason"))
        .isEqualTo("AC04 closed account");
    assertThat(disbursement("promoter-a", b.disbursement()).getString("status")).isEqualTo("PAID");
    assertThat(upload(batchId, report).getInt("unchanged")).isEqualTo(2);
    assertThat(disbursement("agency-admin", b.disbursement()).getString("status"))
        .isEqualTo("PAID");

    // The next batch: a again (rejected, authorised again), never b (paid); c still has no account.
    JsonPath second = batch(programme, UUID.randomUUID().toString());
    assertThat(second.getList("transfers.disbursementId")).containsExactly(a.disbursement());
    assertThat(second.getList("excluded.disbursementId")).containsExactly(c.disbursement());

    // No IBAN, no account holder on the bus.
    // Read each topic up to the last record this test caused on it.
    Map<String, String> lastRecordOf =
        Map.of(
            "percorsi.dotes.v1",
            "\"reason\":\"AC04 closed account\"",
            "percorsi.participants.v1",
            c.participant());
    for (var topic : lastRecordOf.entrySet()) {
      List<Events.Read> read =
          Events.readUntil(
              topic.getKey(),
              rs -> rs.stream().anyMatch(r -> r.value().contains(topic.getValue())),
              Duration.ofSeconds(20));
      assertThat(read).isNotEmpty();
      for (Events.Read r : read) {
        for (String iban : IBANS) {
          assertThat(r.value()).doesNotContain(iban);
        }
        assertThat(r.value()).doesNotContain("Amina Diallo");
      }
    }
  }
}
