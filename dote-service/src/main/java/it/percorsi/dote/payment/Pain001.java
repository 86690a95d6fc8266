package it.percorsi.dote.payment;

import com.prowidesoftware.swift.model.mx.MxPain00100109;
import com.prowidesoftware.swift.model.mx.MxWriteConfiguration;
import com.prowidesoftware.swift.model.mx.dic.AccountIdentification4Choice;
import com.prowidesoftware.swift.model.mx.dic.ActiveOrHistoricCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.AmountType4Choice;
import com.prowidesoftware.swift.model.mx.dic.BranchAndFinancialInstitutionIdentification6;
import com.prowidesoftware.swift.model.mx.dic.CashAccount38;
import com.prowidesoftware.swift.model.mx.dic.ChargeBearerType1Code;
import com.prowidesoftware.swift.model.mx.dic.CreditTransferTransaction34;
import com.prowidesoftware.swift.model.mx.dic.CustomerCreditTransferInitiationV09;
import com.prowidesoftware.swift.model.mx.dic.DateAndDateTime2Choice;
import com.prowidesoftware.swift.model.mx.dic.FinancialInstitutionIdentification18;
import com.prowidesoftware.swift.model.mx.dic.GenericFinancialIdentification1;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader85;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentification135;
import com.prowidesoftware.swift.model.mx.dic.PaymentIdentification6;
import com.prowidesoftware.swift.model.mx.dic.PaymentInstruction30;
import com.prowidesoftware.swift.model.mx.dic.PaymentMethod3Code;
import com.prowidesoftware.swift.model.mx.dic.PaymentTypeInformation26;
import com.prowidesoftware.swift.model.mx.dic.RemittanceInformation16;
import com.prowidesoftware.swift.model.mx.dic.ServiceLevel8Choice;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Builds an ISO 20022 {@code pain.001.001.09} customer credit-transfer initiation with Prowide's
 * model: one payment information block (SEPA, charges shared, the agency's account), one
 * transaction per disbursement with its EndToEndId, the amount in euros with two decimals, the
 * payee's name and IBAN and an unstructured remittance line; group and block carry the count and
 * the control sum. The result is checked against the official schema before anyone sees it.
 */
public final class Pain001 {

  /** The agency's side of the transfers. */
  public record Debtor(String name, String iban, String bic) {}

  /** One transfer. */
  public record Line(
      String endToEndId, long cents, String payeeName, String payeeIban, String remittance) {}

  private Pain001() {}

  /** Euros with two decimals. */
  public static BigDecimal euros(long cents) {
    return BigDecimal.valueOf(cents, 2);
  }

  /**
   * The message as XML.
   *
   * @throws IllegalStateException when it would not validate against the schema (a defect)
   */
  public static String write(
      String messageId, Instant createdAt, LocalDate execution, Debtor debtor, List<Line> lines) {
    long total = lines.stream().mapToLong(Line::cents).sum();
    String count = String.valueOf(lines.size());
    GroupHeader85 header =
        new GroupHeader85()
            .setMsgId(messageId)
            .setCreDtTm(createdAt.atOffset(ZoneOffset.UTC).withNano(0))
            .setNbOfTxs(count)
            .setCtrlSum(euros(total))
            .setInitgPty(new PartyIdentification135().setNm(debtor.name()));
    FinancialInstitutionIdentification18 agent = new FinancialInstitutionIdentification18();
    if (debtor.bic() != null && !debtor.bic().isBlank()) {
      agent.setBICFI(debtor.bic());
    } else {
      agent.setOthr(new GenericFinancialIdentification1().setId("NOTPROVIDED"));
    }
    PaymentTypeInformation26 sepa = new PaymentTypeInformation26();
    sepa.getSvcLvl().add(new ServiceLevel8Choice().setCd("SEPA"));
    PaymentInstruction30 block =
        new PaymentInstruction30()
            .setPmtInfId(messageId)
            .setPmtMtd(PaymentMethod3Code.TRF)
            .setBtchBookg(false)
            .setNbOfTxs(count)
            .setCtrlSum(euros(total))
            .setPmtTpInf(sepa)
            .setReqdExctnDt(new DateAndDateTime2Choice().setDt(execution))
            .setDbtr(new PartyIdentification135().setNm(debtor.name()))
            .setDbtrAcct(account(debtor.iban()))
            .setDbtrAgt(new BranchAndFinancialInstitutionIdentification6().setFinInstnId(agent))
            .setChrgBr(ChargeBearerType1Code.SLEV);
    for (Line l : lines) {
      RemittanceInformation16 remittance = new RemittanceInformation16();
      remittance.getUstrd().add(l.remittance());
      block
          .getCdtTrfTxInf()
          .add(
              new CreditTransferTransaction34()
                  .setPmtId(new PaymentIdentification6().setEndToEndId(l.endToEndId()))
                  .setAmt(
                      new AmountType4Choice()
                          .setInstdAmt(
                              new ActiveOrHistoricCurrencyAndAmount()
                                  .setCcy("EUR")
                                  .setValue(euros(l.cents()))))
                  .setCdtr(new PartyIdentification135().setNm(l.payeeName()))
                  .setCdtrAcct(account(l.payeeIban()))
                  .setRmtInf(remittance));
    }
    CustomerCreditTransferInitiationV09 body =
        new CustomerCreditTransferInitiationV09().setGrpHdr(header);
    body.getPmtInf().add(block);
    MxWriteConfiguration conf = new MxWriteConfiguration();
    conf.documentPrefix = null;
    String xml = new MxPain00100109().setCstmrCdtTrfInitn(body).message(conf);
    String invalid = Iso20022Schemas.PAIN_001_001_09.problem(xml);
    if (invalid != null) {
      throw new IllegalStateException("the pain.001 does not validate: " + invalid);
    }
    return xml;
  }

  private static CashAccount38 account(String iban) {
    return new CashAccount38().setId(new AccountIdentification4Choice().setIBAN(iban));
  }
}
