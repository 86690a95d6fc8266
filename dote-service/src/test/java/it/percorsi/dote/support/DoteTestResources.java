package it.percorsi.dote.support;

/** The resources every dote-service HTTP test uses, named once. */
public final class DoteTestResources {
  public static final String DATABASE = "dote_test";
  public static final String TOPICS =
      "percorsi.participants.v1,percorsi.dotes.v1,percorsi.plans.v1,percorsi.placements.v1";

  private DoteTestResources() {}
}
