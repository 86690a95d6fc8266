package it.percorsi.platform.projection.participant;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.common.annotation.Blocking;
import it.percorsi.platform.inbox.Inbox;
import it.percorsi.platform.inbox.IncomingEvent;
import it.percorsi.platform.inbox.PoisonEventException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Keeps the participant projection from {@code percorsi.participants.v1}, once per event id. Types
 * this version does not know are recorded and skipped (the topic only grows additively).
 */
@ApplicationScoped
public class ParticipantEvents {

  public static final String REGISTERED = "it.percorsi.participant.registered.v1";
  public static final String UPDATED = "it.percorsi.participant.updated.v1";
  public static final String CONSENT_WITHDRAWN = "it.percorsi.participant.consent-withdrawn.v1";
  public static final String OWNERSHIP_TRANSFERRED =
      "it.percorsi.participant.ownership-transferred.v1";
  public static final String ERASED = "it.percorsi.participant.erased.v1";
  public static final String CAME_OF_AGE = "it.percorsi.participant.came-of-age.v1";
  private static final Logger LOG = Logger.getLogger(ParticipantEvents.class);

  private final Inbox inbox;
  private final String consumer;

  public ParticipantEvents(
      Inbox inbox, @ConfigProperty(name = "quarkus.application.name") String consumer) {
    this.inbox = inbox;
    this.consumer = consumer;
  }

  @Incoming("participants-in")
  @Blocking
  public void consume(ConsumerRecord<String, String> record) {
    inbox.handle(consumer, record, this::apply);
  }

  void apply(IncomingEvent event) {
    switch (event.type()) {
      case REGISTERED -> registered(event);
      case UPDATED -> updated(event);
      case CONSENT_WITHDRAWN -> existing(event).consentGiven = false;
      case OWNERSHIP_TRANSFERRED -> existing(event).ownerOrgId = event.text("toOrgId");
      case CAME_OF_AGE -> existing(event).minor = false;
      case ERASED -> {
        ParticipantProjection p = existing(event);
        p.erased = true;
        p.nationality = null;
        p.consentGiven = false;
      }
      default -> LOG.debugf("Skipping event type %s", event.type());
    }
  }

  private void registered(IncomingEvent event) {
    JsonNode d = event.data();
    UUID id = event.uuid("participantId");
    ParticipantProjection p = ParticipantProjection.findById(id);
    if (p == null) {
      p = new ParticipantProjection();
      p.participantId = id;
    }
    p.regionCode = event.text("regionCode");
    p.provinceCode = event.text("provinceCode");
    p.nationality = event.optionalText("nationality");
    p.enteredAsUnaccompaniedMinor = d.path("enteredAsUnaccompaniedMinor").asBoolean(false);
    p.ownerOrgId = event.text("ownerOrgId");
    p.registeredOn = LocalDate.parse(event.text("registeredOn"));
    p.employmentStatus = event.optionalText("employmentStatus");
    p.consentGiven = d.path("consentGiven").asBoolean(false);
    p.minor = d.path("minor").asBoolean(false);
    touch(p, event);
    p.persist();
  }

  private void updated(IncomingEvent event) {
    JsonNode d = event.data();
    ParticipantProjection p = existing(event);
    p.regionCode = event.text("regionCode");
    p.provinceCode = event.text("provinceCode");
    p.nationality = event.optionalText("nationality");
    p.enteredAsUnaccompaniedMinor = d.path("enteredAsUnaccompaniedMinor").asBoolean(false);
    p.employmentStatus = event.optionalText("employmentStatus");
    p.consentGiven = d.path("consentGiven").asBoolean(false);
    if (d.hasNonNull("minor")) {
      p.minor = d.get("minor").asBoolean();
    }
  }

  /** The projected participant an event is about; events of one participant arrive in order. */
  private ParticipantProjection existing(IncomingEvent event) {
    UUID id = event.uuid("participantId");
    ParticipantProjection p = ParticipantProjection.findById(id);
    if (p == null) {
      throw new PoisonEventException(
          "event " + event.id() + " (" + event.type() + ") for a participant never registered");
    }
    touch(p, event);
    return p;
  }

  private static void touch(ParticipantProjection p, IncomingEvent event) {
    p.lastEventId = event.id();
    p.lastEventAt = event.time();
  }
}
