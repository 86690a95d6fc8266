package it.percorsi.platform.projection.dote;

import io.smallrye.common.annotation.Blocking;
import it.percorsi.platform.inbox.Inbox;
import it.percorsi.platform.inbox.IncomingEvent;
import it.percorsi.platform.inbox.PoisonEventException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.LocalDate;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Keeps the dote projection from {@code percorsi.dotes.v1}, once per event id, and tells the
 * service what changed ({@link DoteProjected}). Events of one dote arrive in order (record key =
 * dote id); types this version does not know are skipped (the topic only grows additively).
 */
@ApplicationScoped
public class DoteEvents {

  public static final String ASSIGNED = "it.percorsi.dote.assigned.v1";
  public static final String ACTIVATED = "it.percorsi.dote.activated.v1";
  public static final String EXTENDED = "it.percorsi.dote.extended.v1";
  public static final String EXPIRED = "it.percorsi.dote.expired.v1";
  public static final String REVOKED = "it.percorsi.dote.revoked.v1";
  public static final String COMPLETED = "it.percorsi.dote.completed.v1";
  public static final String ACTIVATION_REFUSED = "it.percorsi.dote.activation-refused.v1";
  private static final Logger LOG = Logger.getLogger(DoteEvents.class);

  private final Inbox inbox;
  private final Event<DoteProjected> projected;
  private final String consumer;

  public DoteEvents(
      Inbox inbox,
      Event<DoteProjected> projected,
      @ConfigProperty(name = "quarkus.application.name") String consumer) {
    this.inbox = inbox;
    this.projected = projected;
    this.consumer = consumer;
  }

  @Incoming("dotes-in")
  @Blocking
  public void consume(ConsumerRecord<String, String> record) {
    inbox.handle(consumer, record, this::apply);
  }

  /** Applies one event; public for direct calls inside a transaction (tests). */
  public void apply(IncomingEvent e) {
    DoteProjection d =
        switch (e.type()) {
          case ASSIGNED -> assigned(e);
          case ACTIVATED -> {
            DoteProjection x = existing(e);
            x.state = DoteProjection.ACTIVE;
            x.planId = e.uuid("planId");
            x.activatedOn = date(e, "activatedOn");
            yield x;
          }
          case EXTENDED -> {
            DoteProjection x = existing(e);
            x.state = DoteProjection.EXTENDED;
            x.extensionMonths = e.nonNegativeInt("totalExtensionMonths");
            yield x;
          }
          case EXPIRED -> closed(e, DoteProjection.EXPIRED, "expiredOn");
          case REVOKED -> closed(e, DoteProjection.REVOKED, "revokedOn");
          case COMPLETED -> closed(e, DoteProjection.COMPLETED, "completedOn");
          case ACTIVATION_REFUSED -> existing(e);
          default -> {
            LOG.debugf("Skipping event type %s", e.type());
            yield null;
          }
        };
    if (d != null) {
      projected.fire(new DoteProjected(e.type(), e, d));
    }
  }

  private DoteProjection assigned(IncomingEvent e) {
    UUID id = e.uuid("doteId");
    DoteProjection d = DoteProjection.findById(id);
    if (d == null) {
      d = new DoteProjection();
      d.doteId = id;
    }
    d.programmeCode = e.text("programmeCode");
    d.participantId = e.uuid("participantId");
    d.promoterOrgId = e.text("promoterOrgId");
    d.regionCode = e.text("regionCode");
    d.provinceCode = e.text("provinceCode");
    d.state = DoteProjection.ASSIGNED;
    d.assignedOn = date(e, "assignedOn");
    d.plannedInternshipStart = date(e, "plannedInternshipStart");
    d.startDeadline = date(e, "startDeadline");
    d.internshipMonths = optionalInt(e, "internshipMonths");
    d.maxExtensionMonths = optionalInt(e, "maxExtensionMonths");
    d.monthlyAllowanceCents = optionalLong(e, "monthlyAllowanceCents");
    d.attendanceThresholdPercent = optionalInt(e, "attendanceThresholdPercent");
    d.hostContributionCents = optionalLong(e, "hostContributionCents");
    d.promoterServicesCents = optionalLong(e, "promoterServicesCents");
    touch(d, e);
    d.persist();
    return d;
  }

  private DoteProjection closed(IncomingEvent e, String state, String dateField) {
    DoteProjection d = existing(e);
    d.state = state;
    d.closedOn = date(e, dateField);
    return d;
  }

  private DoteProjection existing(IncomingEvent e) {
    UUID id = e.uuid("doteId");
    DoteProjection d = DoteProjection.findById(id);
    if (d == null) {
      throw new PoisonEventException(
          "event " + e.id() + " (" + e.type() + ") for a dote never assigned");
    }
    touch(d, e);
    return d;
  }

  private static LocalDate date(IncomingEvent e, String field) {
    try {
      return LocalDate.parse(e.text(field));
    } catch (java.time.format.DateTimeParseException x) {
      throw new PoisonEventException("event " + e.id() + " has an invalid " + field, x);
    }
  }

  private static Integer optionalInt(IncomingEvent e, String field) {
    return e.data().hasNonNull(field) ? e.nonNegativeInt(field) : null;
  }

  private static Long optionalLong(IncomingEvent e, String field) {
    return e.data().hasNonNull(field) ? e.nonNegativeLong(field) : null;
  }

  private static void touch(DoteProjection d, IncomingEvent e) {
    d.lastEventId = e.id();
    d.lastEventAt = e.time();
  }
}
