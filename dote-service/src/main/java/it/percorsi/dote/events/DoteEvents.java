package it.percorsi.dote.events;

import it.percorsi.platform.events.DomainEvent;
import java.time.LocalDate;
import java.util.UUID;

/** Events of {@code percorsi.dotes.v1}: ids, codes, dates and cents only. */
public final class DoteEvents {

  public static final String TOPIC = "percorsi.dotes.v1";

  private DoteEvents() {}

  /** A dote's event; the aggregate is the dote. */
  interface OfDote extends DomainEvent {
    UUID doteId();

    @Override
    default String aggregateId() {
      return doteId().toString();
    }

    @Override
    default String aggregateType() {
      return "dote";
    }
  }

  /** {@code it.percorsi.programme.published.v1}. */
  public record ProgrammePublished(
      String programmeCode, LocalDate applicationOpens, LocalDate applicationCloses, int totalDotes)
      implements DomainEvent {
    @Override
    public String type() {
      return "it.percorsi.programme.published.v1";
    }

    @Override
    public String aggregateId() {
      return programmeCode;
    }

    @Override
    public String aggregateType() {
      return "programme";
    }
  }

  /** {@code it.percorsi.quota.exhausted.v1}: a region's quota of a programme reached zero. */
  public record QuotaExhausted(String programmeCode, String regionCode, int total)
      implements DomainEvent {
    @Override
    public String type() {
      return "it.percorsi.quota.exhausted.v1";
    }

    @Override
    public String aggregateId() {
      return programmeCode;
    }

    @Override
    public String aggregateType() {
      return "programme";
    }
  }

  /** {@code it.percorsi.dote.assigned.v1}: the clearance ("nulla osta"). */
  public record DoteAssigned(
      UUID doteId,
      String programmeCode,
      UUID participantId,
      String promoterOrgId,
      String regionCode,
      String provinceCode,
      LocalDate assignedOn,
      LocalDate plannedInternshipStart,
      LocalDate startDeadline,
      int internshipMonths,
      int maxExtensionMonths,
      long monthlyAllowanceCents,
      int attendanceThresholdPercent,
      long hostContributionCents,
      long promoterServicesCents)
      implements OfDote {
    @Override
    public String type() {
      return "it.percorsi.dote.assigned.v1";
    }
  }

  /** {@code it.percorsi.dote.activated.v1}: plan approved, budget committed. */
  public record DoteActivated(
      UUID doteId,
      UUID planId,
      LocalDate activatedOn,
      long allowanceCents,
      long hostContributionCents,
      long promoterServicesCents)
      implements OfDote {
    @Override
    public String type() {
      return "it.percorsi.dote.activated.v1";
    }
  }

  /** {@code it.percorsi.dote.extended.v1} ("dote plus"). */
  public record DoteExtended(
      UUID doteId, int addedMonths, int totalExtensionMonths, long addedAllowanceCents)
      implements OfDote {
    @Override
    public String type() {
      return "it.percorsi.dote.extended.v1";
    }
  }

  /** {@code it.percorsi.dote.expired.v1}: not started in time; the quota place returned. */
  public record DoteExpired(
      UUID doteId, String programmeCode, String regionCode, LocalDate expiredOn) implements OfDote {
    @Override
    public String type() {
      return "it.percorsi.dote.expired.v1";
    }
  }

  /** {@code it.percorsi.dote.revoked.v1}. */
  public record DoteRevoked(UUID doteId, String reason, LocalDate revokedOn) implements OfDote {
    @Override
    public String type() {
      return "it.percorsi.dote.revoked.v1";
    }
  }

  /** {@code it.percorsi.dote.completed.v1}. */
  public record DoteCompleted(UUID doteId, LocalDate completedOn) implements OfDote {
    @Override
    public String type() {
      return "it.percorsi.dote.completed.v1";
    }
  }

  /** {@code it.percorsi.disbursement.authorised.v1}. */
  public record DisbursementAuthorised(
      UUID disbursementId, UUID doteId, String line, String period, long amountCents)
      implements OfDote {
    @Override
    public String type() {
      return "it.percorsi.disbursement.authorised.v1";
    }
  }

  /** {@code it.percorsi.disbursement.paid.v1}. */
  public record DisbursementPaid(
      UUID disbursementId, UUID doteId, long amountCents, String paymentReference)
      implements OfDote {
    @Override
    public String type() {
      return "it.percorsi.disbursement.paid.v1";
    }
  }
}
