package it.percorsi.dote.events;

/** {@code it.percorsi.quota.exhausted.v1}: a region's quota of a programme reached zero. */
public record QuotaExhausted(String programmeCode, String regionCode, int total)
    implements ProgrammeEvent {

  public static final String TYPE = "it.percorsi.quota.exhausted.v1";

  @Override
  public String type() {
    return TYPE;
  }
}
