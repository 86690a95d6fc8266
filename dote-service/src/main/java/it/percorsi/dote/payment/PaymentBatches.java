package it.percorsi.dote.payment;

import it.percorsi.dote.events.DoteEvent;
import it.percorsi.dote.ledger.BudgetLine;
import it.percorsi.dote.ledger.Disbursement;
import it.percorsi.platform.audit.AuditTrail;
import it.percorsi.platform.caller.Caller;
import it.percorsi.platform.outbox.Outbox;
import it.percorsi.platform.problem.Problem;
import it.percorsi.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * SEPA credit-transfer batches of authorised disbursements. A batch takes the authorised
 * disbursements matching its filters, reads the payees' accounts from their owners, leaves out (and
 * reports) those whose payee has no account, writes the pain.001.001.09 and marks each included
 * disbursement BATCHED ({@code disbursement.batched}). The bank's pain.002, or the agency, then
 * settles each transfer: paid ({@code disbursement.paid}) or rejected, which makes the disbursement
 * authorised again with the reason ({@code disbursement.rejected}). A transfer is settled once; a
 * disbursement has at most one transfer waiting or paid (a unique index), so it is never paid
 * twice.
 */
@ApplicationScoped
public class PaymentBatches {

  private static final ZoneId ROME = ZoneId.of("Europe/Rome");

  /** The filters of a batch; null means any. */
  public record Selection(String programmeCode, String period, BudgetLine.Kind kind) {}

  /** A settlement of one transfer, from a status report or the agency. */
  public record Outcome(String endToEndId, Transfer.Status status, String reason) {}

  /** What a status report or a confirmation changed. */
  public record Settlement(
      int paid, int rejected, int unchanged, int pending, List<String> unknown) {}

  private final EntityManager em;
  private final Payees payees;
  private final Outbox outbox;
  private final AuditTrail audit;
  private final Clock clock;
  private final Pain001.Debtor debtor;

  public PaymentBatches(
      EntityManager em,
      Payees payees,
      Outbox outbox,
      AuditTrail audit,
      Clock clock,
      @ConfigProperty(name = "percorsi.sepa.debtor-name") String debtorName,
      @ConfigProperty(name = "percorsi.sepa.debtor-iban") String debtorIban,
      @ConfigProperty(name = "percorsi.sepa.debtor-bic") String debtorBic) {
    this.em = em;
    this.payees = payees;
    this.outbox = outbox;
    this.audit = audit;
    this.clock = clock;
    this.debtor =
        new Pain001.Debtor(
            debtorName, debtorIban, debtorBic.equals("NOTPROVIDED") ? null : debtorBic.strip());
  }

  /** One candidate: the disbursement and what its dote says about the payee. */
  private record Candidate(
      Disbursement x, String programmeCode, UUID participantId, UUID internshipId) {}

  /**
   * Creates a batch from the authorised disbursements matching {@code s}.
   *
   * @throws ProblemException 422 when nothing can be paid, 503 when an owner of accounts is down
   */
  @Transactional
  public PaymentBatch create(Selection s, LocalDate execution, Caller caller, String auth) {
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, ROME);
    if (execution != null && execution.isBefore(today)) {
      throw ProblemException.invalid("requestedExecutionDate", "must not be in the past");
    }
    List<Candidate> candidates = candidates(s);
    if (candidates.isEmpty()) {
      throw nothingToPay("No authorised disbursement matches the filters");
    }
    Map<UUID, Payees.Payee> participants =
        payees.participants(
            ids(candidates, BudgetLine.Kind.PARTICIPANT_ALLOWANCE, Candidate::participantId), auth);
    Map<UUID, Payees.Payee> hosts =
        payees.hostsOfInternships(
            ids(candidates, BudgetLine.Kind.HOST_CONTRIBUTION, Candidate::internshipId), auth);
    Map<String, Payees.Payee> promoters =
        payees.promoters(
            candidates.stream()
                .filter(c -> c.x().kind == BudgetLine.Kind.PROMOTER_SERVICES)
                .map(c -> c.x().promoterOrgId)
                .collect(Collectors.toSet()));

    UUID batchId = UUID.randomUUID();
    String messageId =
        "PERCORSI-" + batchId.toString().replace("-", "").substring(0, 24).toUpperCase(Locale.ROOT);
    PaymentBatch batch =
        new PaymentBatch(
            batchId, messageId, now, execution != null ? execution : today, caller.subject());
    batch.programmeCode = s.programmeCode();
    batch.period = s.period();
    batch.kind = s.kind() == null ? null : s.kind().name();

    // Lock what was selected; one taken by a concurrent batch meanwhile is no longer authorised.
    Map<UUID, Disbursement> locked =
        em.createQuery("from Disbursement x where x.id in ?1", Disbursement.class)
            .setParameter(1, candidates.stream().map(c -> c.x().id).toList())
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultStream()
            .collect(Collectors.toMap(x -> x.id, x -> x));
    List<Pain001.Line> lines = new ArrayList<>();
    List<Transfer> transfers = new ArrayList<>();
    List<Exclusion> excluded = new ArrayList<>();
    for (Candidate c : candidates) {
      Disbursement x = locked.get(c.x().id);
      if (x == null || x.status != Disbursement.Status.AUTHORISED || x.amountCents <= 0) {
        continue;
      }
      Transfer.PayeeKind kind = payeeKind(x.kind);
      Payees.Payee payee =
          switch (kind) {
            case PARTICIPANT -> participants.get(c.participantId());
            case HOST -> c.internshipId() == null ? null : hosts.get(c.internshipId());
            case PROMOTER -> promoters.get(x.promoterOrgId);
          };
      if (payee == null) {
        excluded.add(new Exclusion(batchId, x.id, noAccount(kind)));
        continue;
      }
      String endToEndId = endToEndId(x.id);
      lines.add(
          new Pain001.Line(
              endToEndId, x.amountCents, payee.name(), payee.iban(), remittance(c, x)));
      transfers.add(new Transfer(batchId, x.id, endToEndId, kind, x.amountCents));
    }
    if (transfers.isEmpty()) {
      throw nothingToPay(
          "None of the "
              + excluded.size()
              + " authorised disbursements matching the filters has a payee with an account");
    }
    batch.transfers = transfers.size();
    batch.controlSumCents = transfers.stream().mapToLong(t -> t.amountCents).sum();
    batch.file = Pain001.write(messageId, now, batch.requestedOn, debtor, lines);
    em.persist(batch);
    em.flush();
    for (Transfer t : transfers) {
      em.persist(t);
      outbox.append(
          DoteEvent.TOPIC, locked.get(t.id.disbursementId()).batch(batchId, t.endToEndId));
    }
    excluded.forEach(em::persist);
    audit.record(
        "payment-batch",
        batchId,
        "created",
        transfers.size()
            + " transfers, "
            + batch.controlSumCents
            + " cents, "
            + excluded.size()
            + " left out",
        caller);
    em.flush();
    return batch;
  }

  /**
   * Applies the bank's status report to the batch's transfers; a transfer already settled is left
   * as it is, so the same report twice changes nothing.
   *
   * @throws ProblemException 422 when the report is not a valid pain.002.001.10 or answers another
   *     message
   */
  @Transactional
  public Settlement applyStatusReport(UUID batchId, String xml, Caller caller) {
    PaymentBatch batch = lockBatch(batchId);
    String invalid = Iso20022Schemas.PAIN_002_001_10.problem(xml);
    Pain002.Report report = invalid == null ? Pain002.read(xml) : null;
    if (report == null) {
      throw invalidReport(invalid != null ? invalid : "not a payment status report");
    }
    if (!batch.messageId.equals(report.originalMessageId())) {
      throw invalidReport(
          "the report answers message "
              + report.originalMessageId()
              + ", not this batch's "
              + batch.messageId);
    }
    List<Outcome> outcomes = new ArrayList<>();
    Set<String> listed =
        report.transfers().stream()
            .map(Pain002.TransferStatus::endToEndId)
            .collect(Collectors.toSet());
    for (Pain002.TransferStatus t : report.transfers()) {
      outcomes.add(
          new Outcome(t.endToEndId(), outcome(t.status()), reasonOf(t.status(), t.reason())));
    }
    Transfer.Status group = outcome(report.groupStatus());
    if (group != Transfer.Status.PENDING) {
      for (Transfer t : transfers(batchId)) {
        if (!listed.contains(t.endToEndId)) {
          outcomes.add(
              new Outcome(
                  t.endToEndId, group, reasonOf(report.groupStatus(), report.groupReason())));
        }
      }
    }
    Settlement s = settle(batch, outcomes, "pain.002 " + caller.subject(), caller);
    audit.record(
        "payment-batch",
        batchId,
        "status-report",
        "paid " + s.paid() + ", rejected " + s.rejected() + ", unchanged " + s.unchanged(),
        caller);
    return s;
  }

  /** The agency's own confirmation of transfers (paid with a reference, or rejected). */
  @Transactional
  public Settlement confirm(UUID batchId, List<Outcome> outcomes, Caller caller) {
    PaymentBatch batch = lockBatch(batchId);
    Settlement s = settle(batch, outcomes, caller.subject(), caller);
    audit.record(
        "payment-batch",
        batchId,
        "confirmed",
        "paid " + s.paid() + ", rejected " + s.rejected() + ", unchanged " + s.unchanged(),
        caller);
    return s;
  }

  private Settlement settle(PaymentBatch batch, List<Outcome> outcomes, String by, Caller caller) {
    Map<String, Transfer> byEndToEnd = new HashMap<>();
    for (Transfer t : transfers(batch.id)) {
      byEndToEnd.put(t.endToEndId, t);
    }
    Instant now = clock.instant();
    int paid = 0;
    int rejected = 0;
    int unchanged = 0;
    int pending = 0;
    List<String> unknown = new ArrayList<>();
    for (Outcome o : outcomes) {
      Transfer t = byEndToEnd.get(o.endToEndId());
      if (t == null) {
        unknown.add(o.endToEndId());
        continue;
      }
      if (o.status() == Transfer.Status.PENDING) {
        pending++;
        continue;
      }
      if (!t.settle(o.status(), o.reason(), now, by)) {
        unchanged++;
        continue;
      }
      Disbursement x =
          em.find(Disbursement.class, t.id.disbursementId(), LockModeType.PESSIMISTIC_WRITE);
      if (o.status() == Transfer.Status.PAID) {
        outbox.append(DoteEvent.TOPIC, x.settlePaid(batch.messageId + "/" + t.endToEndId, now));
        paid++;
      } else {
        outbox.append(DoteEvent.TOPIC, x.settleRejected(batch.id, o.reason(), now));
        rejected++;
      }
    }
    em.flush();
    if (batch.state == PaymentBatch.State.OPEN
        && transfers(batch.id).stream().noneMatch(t -> t.status == Transfer.Status.PENDING)) {
      batch.state = PaymentBatch.State.SETTLED;
    }
    return new Settlement(paid, rejected, unchanged, pending, unknown);
  }

  /** A batch, for the agency and auditors. */
  @Transactional
  public PaymentBatch get(UUID id) {
    PaymentBatch b = em.find(PaymentBatch.class, id);
    if (b == null) {
      throw ProblemException.notFound("payment batch", id);
    }
    return b;
  }

  /** The batch as shown, with its transfers and what it left out. */
  @Transactional
  public PaymentBatchView view(UUID id) {
    PaymentBatch b = get(id);
    List<Exclusion> excluded =
        em.createQuery(
                "from Exclusion e where e.id.batchId = ?1 order by e.id.disbursementId",
                Exclusion.class)
            .setParameter(1, id)
            .getResultList();
    return PaymentBatchView.of(b, transfers(id), excluded);
  }

  private List<Transfer> transfers(UUID batchId) {
    return em.createQuery(
            "from Transfer t where t.id.batchId = ?1 order by t.endToEndId", Transfer.class)
        .setParameter(1, batchId)
        .getResultList();
  }

  private PaymentBatch lockBatch(UUID id) {
    PaymentBatch b = em.find(PaymentBatch.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (b == null) {
      throw ProblemException.notFound("payment batch", id);
    }
    return b;
  }

  private List<Candidate> candidates(Selection s) {
    StringBuilder q =
        new StringBuilder(
            "select x, d.programmeCode, d.participantId, d.internshipId from Disbursement x,"
                + " Dote d where d.id = x.doteId and x.status = ?1 and x.amountCents > 0");
    List<Object> params = new ArrayList<>(List.of(Disbursement.Status.AUTHORISED));
    if (s.programmeCode() != null) {
      params.add(s.programmeCode());
      q.append(" and d.programmeCode = ?").append(params.size());
    }
    if (s.period() != null) {
      params.add(s.period());
      q.append(" and x.period = ?").append(params.size());
    }
    if (s.kind() != null) {
      params.add(s.kind());
      q.append(" and x.kind = ?").append(params.size());
    }
    q.append(" order by x.authorisedAt, x.id");
    var query = em.createQuery(q.toString(), Object[].class);
    for (int i = 0; i < params.size(); i++) {
      query.setParameter(i + 1, params.get(i));
    }
    return query
        .getResultStream()
        .map(r -> new Candidate((Disbursement) r[0], (String) r[1], (UUID) r[2], (UUID) r[3]))
        .toList();
  }

  private static List<UUID> ids(
      List<Candidate> candidates, BudgetLine.Kind kind, Function<Candidate, UUID> id) {
    return candidates.stream()
        .filter(c -> c.x().kind == kind)
        .map(id)
        .filter(java.util.Objects::nonNull)
        .distinct()
        .sorted(Comparator.naturalOrder())
        .toList();
  }

  static Transfer.PayeeKind payeeKind(BudgetLine.Kind kind) {
    return switch (kind) {
      case PARTICIPANT_ALLOWANCE -> Transfer.PayeeKind.PARTICIPANT;
      case HOST_CONTRIBUTION -> Transfer.PayeeKind.HOST;
      case PROMOTER_SERVICES -> Transfer.PayeeKind.PROMOTER;
    };
  }

  private static String noAccount(Transfer.PayeeKind kind) {
    return switch (kind) {
      case PARTICIPANT -> "the participant has no payment account";
      case HOST -> "the host has no payment account";
      case PROMOTER -> "the promoter organisation has no payment account";
    };
  }

  /** The disbursement's id without dashes: 32 characters, within the 35 allowed. */
  static String endToEndId(UUID disbursementId) {
    return disbursementId.toString().replace("-", "");
  }

  /**
   * Programme and month, and what is paid: nothing about the person beyond what the transfer needs
   * (the payee's name and IBAN are in their own elements).
   */
  private static String remittance(Candidate c, Disbursement x) {
    String month =
        x.kind == BudgetLine.Kind.PARTICIPANT_ALLOWANCE
            ? x.period
            : YearMonth.from(x.authorisedAt.atZone(ROME)).toString();
    String what =
        switch (x.kind) {
          case PARTICIPANT_ALLOWANCE -> "indennita tirocinio";
          case HOST_CONTRIBUTION -> "contributo soggetto ospitante";
          case PROMOTER_SERVICES -> "servizi al lavoro";
        };
    String line = "Percorsi " + c.programmeCode() + " " + what + " " + month;
    return line.length() > 140 ? line.substring(0, 140) : line;
  }

  private static Transfer.Status outcome(String status) {
    if (status == null) {
      return Transfer.Status.PENDING;
    }
    if (Pain002.PAID.contains(status)) {
      return Transfer.Status.PAID;
    }
    return Pain002.REJECTED.equals(status) ? Transfer.Status.REJECTED : Transfer.Status.PENDING;
  }

  private static String reasonOf(String status, String reason) {
    if (!Pain002.REJECTED.equals(status)) {
      return null;
    }
    return reason != null ? reason : "rejected by the bank";
  }

  private static ProblemException nothingToPay(String detail) {
    return new ProblemException(Problem.of("nothing-to-pay", "Nothing to pay", 422, detail));
  }

  private static ProblemException invalidReport(String detail) {
    return new ProblemException(
        Problem.of("invalid-status-report", "Invalid status report", 422, detail));
  }
}
