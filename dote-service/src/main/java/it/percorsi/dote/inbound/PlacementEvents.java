package it.percorsi.dote.inbound;

import io.smallrye.common.annotation.Blocking;
import it.percorsi.dote.dote.Dote;
import it.percorsi.dote.dote.DoteService;
import it.percorsi.dote.ledger.Ledger;
import it.percorsi.dote.programme.Programme;
import it.percorsi.platform.inbox.Inbox;
import it.percorsi.platform.inbox.IncomingEvent;
import it.percorsi.platform.inbox.PoisonEventException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * {@code percorsi.placements.v1}: monthly attendance authorises (or refuses) the month's allowance;
 * the internship's completion completes the dote and pays the host contribution.
 */
@ApplicationScoped
public class PlacementEvents {

  public static final String ATTENDANCE_RECORDED = "it.percorsi.placement.attendance-recorded.v1";
  public static final String INTERNSHIP_COMPLETED = "it.percorsi.placement.internship-completed.v1";
  private static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

  private final Inbox inbox;
  private final DoteService dotes;
  private final Ledger ledger;

  public PlacementEvents(Inbox inbox, DoteService dotes, Ledger ledger) {
    this.inbox = inbox;
    this.dotes = dotes;
    this.ledger = ledger;
  }

  @Incoming("placements-in")
  @Blocking
  public void consume(ConsumerRecord<String, String> record) {
    inbox.handle("dote-service", record, this::apply);
  }

  void apply(IncomingEvent e) {
    switch (e.type()) {
      case ATTENDANCE_RECORDED -> attendance(e);
      case INTERNSHIP_COMPLETED -> dotes.internshipCompleted(e.uuid("doteId"), e.id());
      default -> {
        // Other placement events are not this service's concern.
      }
    }
  }

  /** Settles one month of attendance; public for direct calls in a transaction (tests). */
  public void attendance(IncomingEvent e) {
    UUID doteId = e.uuid("doteId");
    String month = e.text("month");
    if (!MONTH.matcher(month).matches()) {
      throw new PoisonEventException("event " + e.id() + " has an invalid month");
    }
    int planned = e.nonNegativeInt("plannedHours");
    int attended = e.nonNegativeInt("attendedHours");
    Dote d = Dote.findById(doteId);
    if (d == null) {
      throw new PoisonEventException("attendance for unknown dote in " + e.id());
    }
    Programme p = Programme.findById(d.programmeCode);
    ledger.attendance(d, p, month, planned, attended, e.id());
  }
}
