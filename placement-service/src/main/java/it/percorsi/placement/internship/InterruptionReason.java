package it.percorsi.placement.internship;

/** Why an internship ended before its planned end. */
public enum InterruptionReason {
  HIRED_BY_HOST,
  PARTICIPANT_WITHDREW,
  HOST_WITHDREW,
  OTHER
}
