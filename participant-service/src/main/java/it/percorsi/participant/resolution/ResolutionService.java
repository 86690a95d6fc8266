package it.percorsi.participant.resolution;

import it.percorsi.participant.participant.TaxCodeRecord;
import it.percorsi.platform.audit.AuditTrail;
import it.percorsi.platform.caller.Caller;
import it.percorsi.platform.codes.TaxCodes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Resolves tax codes (current or past) to participant ids, in bulk, for the UNILAV notice import
 * only. Audited with counts, never with the codes.
 */
@ApplicationScoped
public class ResolutionService {

  /** The audit trail's record of a resolution request. */
  static final String AGGREGATE = "tax-code-resolution";

  private final AuditTrail audit;

  public ResolutionService(AuditTrail audit) {
    this.audit = audit;
  }

  /** The codes among {@code taxCodes} that are (or were) a participant's, with its id. */
  @Transactional
  public List<Resolution.Match> resolve(List<String> taxCodes, Caller caller) {
    Set<String> codes = new LinkedHashSet<>();
    for (String c : taxCodes) {
      if (c != null && !c.isBlank()) {
        codes.add(TaxCodes.normalise(c));
      }
    }
    List<Resolution.Match> matches =
        codes.isEmpty()
            ? List.of()
            : TaxCodeRecord.<TaxCodeRecord>list("taxCode in ?1", codes).stream()
                .map(r -> new Resolution.Match(r.taxCode, r.participantId))
                .toList();
    audit.record(
        AGGREGATE,
        UUID.randomUUID(),
        "resolved",
        "asked=" + codes.size() + " matched=" + matches.size(),
        caller);
    return matches;
  }
}
