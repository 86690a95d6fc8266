package it.percorsi.placement.internship;

/** started → completed at its planned end, or interrupted early with a reason. */
public enum InternshipState {
  STARTED,
  COMPLETED,
  INTERRUPTED
}
