package it.percorsi.placement.reference;

import it.percorsi.platform.codes.TaxCodes;

/**
 * Tax identifiers of host organisations: the 11-digit partita IVA / company codice fiscale (the
 * same check digit as the numeric codice fiscale), or the 16-character personal codice fiscale of a
 * sole trader; the checks themselves are the platform's {@link TaxCodes}.
 */
public final class TaxIds {

  private TaxIds() {}

  /** Upper-cased, without spaces. */
  public static String normalise(String code) {
    return TaxCodes.normalise(code);
  }

  /** Why {@code code} is not a valid tax id, or null when it is. */
  public static String problem(String code) {
    if (code == null || code.isEmpty()) {
      return "is required";
    }
    if (!code.matches("[0-9]{11}|[A-Z0-9]{16}")) {
      return "must be an 11-digit partita IVA or a 16-character personal tax code";
    }
    return TaxCodes.problem(code);
  }
}
