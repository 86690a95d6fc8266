package it.percorsi.participant.participant;

import java.time.Instant;
import java.util.List;

/**
 * Everything the registry holds about a participant, for the data subject's right of access and
 * portability: the record with its tax code history and consent record, and the audit trail.
 */
public record ParticipantExport(
    Instant exportedAt, ParticipantView participant, List<HistoryEntry> history) {}
