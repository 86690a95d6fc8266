package it.percorsi.placement.attendance;

/** The two parties to an internship's attendance: one enters a month, the other confirms it. */
public enum Party {
  HOST,
  PROMOTER;

  public Party other() {
    return this == HOST ? PROMOTER : HOST;
  }
}
