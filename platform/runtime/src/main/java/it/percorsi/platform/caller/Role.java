package it.percorsi.platform.caller;

/** Realm roles of the percorsi realm, as they appear in the token. */
public final class Role {
  public static final String AGENCY_ADMIN = "agency-admin";
  public static final String CPI_OPERATOR = "cpi-operator";
  public static final String PROMOTER = "promoter";
  public static final String HOST = "host";
  public static final String AUDITOR = "auditor";
  public static final String INTEGRATOR = "integrator";

  /**
   * placement-service's own service account, for the UNILAV notice import only: resolves workers'
   * tax codes to participant ids in participant-service.
   */
  public static final String NOTICE_IMPORT = "notice-import";

  private Role() {}
}
