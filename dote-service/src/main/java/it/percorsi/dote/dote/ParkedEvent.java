package it.percorsi.dote.dote;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import it.percorsi.platform.inbox.IncomingEvent;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An event that would pay from a dote not yet running (its plan not yet approved, or its internship
 * not yet known), kept until it can be applied — never recorded as unpayable for good.
 */
@Entity
@Table(name = "parked_event")
public class ParkedEvent extends PanacheEntityBase {

  @Id
  @Column(name = "event_id")
  public String eventId;

  @Column(name = "dote_id", nullable = false)
  public UUID doteId;

  @Column(nullable = false)
  public String type;

  @Column(name = "event_time", nullable = false)
  public Instant eventTime;

  @Column(nullable = false, columnDefinition = "text")
  public String payload;

  @Column(name = "parked_at", nullable = false)
  public Instant parkedAt;

  @Column(nullable = false)
  public String why;

  protected ParkedEvent() {}

  static ParkedEvent of(UUID doteId, IncomingEvent e, String why, Instant now) {
    ParkedEvent p = new ParkedEvent();
    p.eventId = e.id();
    p.doteId = doteId;
    p.type = e.type();
    p.eventTime = e.time();
    p.payload = e.data().toString();
    p.why = why;
    p.parkedAt = now;
    return p;
  }
}
