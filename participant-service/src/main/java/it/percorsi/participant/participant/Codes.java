package it.percorsi.participant.participant;

/** The closed code lists of a participant record; the JSON values are the constant names. */
public final class Codes {

  private Codes() {}

  /** Where the participant was first received. */
  public enum ReceptionType {
    FIRST_RECEPTION,
    SAI,
    CAS,
    FAMILY,
    OTHER
  }

  /** Kind of residence permit ("permesso di soggiorno"). */
  public enum PermitKind {
    MINOR_AGE,
    ASYLUM_REQUEST,
    INTERNATIONAL_PROTECTION,
    SPECIAL_PROTECTION,
    STUDY,
    JOB_SEEKING,
    WORK,
    OTHER
  }

  /** Italian level on the Common European Framework of Reference. */
  public enum CefrLevel {
    PRE_A1,
    A1,
    A2,
    B1,
    B2,
    C1,
    C2
  }

  /** Position on the labour market. */
  public enum EmploymentStatus {
    NEVER_EMPLOYED,
    UNEMPLOYED,
    EMPLOYED
  }

  /** Who consented to the processing: the participant, or the guardian of a minor. */
  public enum ConsentGiver {
    PARTICIPANT,
    GUARDIAN
  }

  /** A tax code is provisional (11 digits) until the definitive 16-character one is issued. */
  public enum TaxCodeKind {
    PROVISIONAL,
    DEFINITIVE
  }
}
