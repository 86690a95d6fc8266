package it.percorsi.plan.plan;

/** Why a reviewer sends a submitted plan back: codes only go on the bus, the note stays here. */
public enum ReturnReason {
  OBJECTIVES_UNCLEAR,
  PROFILE_INCOMPLETE,
  ACTIVITIES_NOT_SUITABLE,
  COSTS_NOT_JUSTIFIED,
  INTERNSHIP_NOT_SUITABLE,
  SIGNATURES_INVALID,
  OTHER
}
