package it.percorsi.webhook.fanout;

import it.percorsi.platform.inbox.IncomingEvent;
import it.percorsi.platform.projection.dote.DoteProjection;
import it.percorsi.platform.projection.participant.ParticipantProjection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/**
 * Finds the case an event is about from the projections the other services keep as well (the
 * participant's owner and province, the dote's promoter and province), or from the event itself
 * when it names them. Empty when the case is not projected yet: the event waits (parked) until it
 * is.
 */
@ApplicationScoped
public class CaseResolver {

  public Optional<Audience> audience(IncomingEvent e) {
    if (EventTypes.PUBLIC.contains(e.type())) {
      return Optional.of(Audience.everyone());
    }
    if (e.type().startsWith("it.percorsi.webhook-endpoint.")) {
      String org = text(e, "ownerOrgId");
      return Optional.of(org == null ? Audience.agency() : Audience.organisation(org));
    }
    String owner = text(e, e.type().startsWith("it.percorsi.participant.") ? "ownerOrgId" : null);
    if (owner == null) {
      owner = text(e, "promoterOrgId");
    }
    String province = text(e, "provinceCode");
    if (owner != null && province != null) {
      return Optional.of(Audience.ofCase(owner, province));
    }
    UUID dote = uuid(e, "doteId");
    if (dote != null) {
      DoteProjection d = DoteProjection.findById(dote);
      return d == null
          ? Optional.empty()
          : Optional.of(Audience.ofCase(d.promoterOrgId, d.provinceCode));
    }
    UUID participant = uuid(e, "participantId");
    if (participant != null) {
      ParticipantProjection p = ParticipantProjection.findById(participant);
      if (p == null) {
        return Optional.empty();
      }
      // A transfer: the new owner sees the case from this event on (the old one gets a 404).
      String toOrg = text(e, "toOrgId");
      return Optional.of(
          Audience.ofCase(
              toOrg != null ? toOrg : p.ownerOrgId, province != null ? province : p.provinceCode));
    }
    return Optional.of(Audience.agency());
  }

  private static String text(IncomingEvent e, String field) {
    if (field == null) {
      return null;
    }
    String v = e.optionalText(field);
    return v == null || v.isBlank() ? null : v;
  }

  private static UUID uuid(IncomingEvent e, String field) {
    String v = text(e, field);
    if (v == null) {
      return null;
    }
    try {
      return UUID.fromString(v);
    } catch (IllegalArgumentException x) {
      return null;
    }
  }
}
