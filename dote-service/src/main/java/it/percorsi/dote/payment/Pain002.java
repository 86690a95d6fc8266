package it.percorsi.dote.payment;

import com.prowidesoftware.swift.model.mx.MxPain00200110;
import com.prowidesoftware.swift.model.mx.dic.CustomerPaymentStatusReportV10;
import com.prowidesoftware.swift.model.mx.dic.OriginalGroupHeader17;
import com.prowidesoftware.swift.model.mx.dic.OriginalPaymentInstruction32;
import com.prowidesoftware.swift.model.mx.dic.PaymentTransaction105;
import com.prowidesoftware.swift.model.mx.dic.StatusReasonInformation12;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a bank's ISO 20022 {@code pain.002.001.10} payment status report (Prowide's model, after a
 * check against the official schema): which original message it answers and, per original
 * EndToEndId, the status and reason. A status given for the whole group or payment block applies to
 * the transfers the report does not list one by one.
 */
public final class Pain002 {

  /**
   * Paid: settlement completed on the debtor's or on the creditor's side. Other positive statuses
   * (ACCP, ACSP...) leave the transfer waiting.
   */
  static final Set<String> PAID = Set.of("ACSC", "ACCC");

  static final String REJECTED = "RJCT";

  /** The report's word on one transfer. */
  public record TransferStatus(String endToEndId, String status, String reason) {}

  /** What the report says. */
  public record Report(
      String originalMessageId,
      String groupStatus,
      String groupReason,
      List<TransferStatus> transfers) {}

  private Pain002() {}

  /**
   * Parses {@code xml}.
   *
   * @return the report, or null when not valid (see {@link Iso20022Schemas#problem})
   */
  public static Report read(String xml) {
    MxPain00200110 mx = MxPain00200110.parse(xml);
    CustomerPaymentStatusReportV10 r = mx == null ? null : mx.getCstmrPmtStsRpt();
    if (r == null || r.getOrgnlGrpInfAndSts() == null) {
      return null;
    }
    OriginalGroupHeader17 group = r.getOrgnlGrpInfAndSts();
    List<TransferStatus> transfers = new ArrayList<>();
    String groupStatus = group.getGrpSts();
    String groupReason = reason(group.getStsRsnInf());
    for (OriginalPaymentInstruction32 block : r.getOrgnlPmtInfAndSts()) {
      String blockStatus = block.getPmtInfSts();
      String blockReason = reason(block.getStsRsnInf());
      if (block.getTxInfAndSts().isEmpty() && blockStatus != null) {
        // A status of the whole block, as the group's.
        groupStatus = blockStatus;
        groupReason = blockReason;
      }
      for (PaymentTransaction105 tx : block.getTxInfAndSts()) {
        String status = tx.getTxSts() != null ? tx.getTxSts() : blockStatus;
        String why = reason(tx.getStsRsnInf());
        transfers.add(
            new TransferStatus(tx.getOrgnlEndToEndId(), status, why != null ? why : blockReason));
      }
    }
    return new Report(group.getOrgnlMsgId(), groupStatus, groupReason, transfers);
  }

  /** The reason code and its additional text, joined. */
  private static String reason(List<StatusReasonInformation12> reasons) {
    for (StatusReasonInformation12 r : reasons) {
      StringBuilder b = new StringBuilder();
      if (r.getRsn() != null) {
        b.append(r.getRsn().getCd() != null ? r.getRsn().getCd() : r.getRsn().getPrtry());
      }
      for (String text : r.getAddtlInf()) {
        b.append(b.length() > 0 ? " " : "").append(text);
      }
      if (b.length() > 0) {
        String s = b.toString().strip();
        return s.length() > 500 ? s.substring(0, 500) : s;
      }
    }
    return null;
  }
}
