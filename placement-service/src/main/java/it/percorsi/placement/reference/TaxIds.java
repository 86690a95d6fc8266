package it.percorsi.placement.reference;

import it.percorsi.platform.codes.CheckCharacters;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Tax identifiers of host organisations: the 11-digit partita IVA / company codice fiscale, or the
 * 16-character personal codice fiscale of a sole trader, each with its check character.
 */
public final class TaxIds {

  private static final Pattern PERSONAL =
      Pattern.compile(
          "[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]");

  private TaxIds() {}

  /** Upper-cased, without spaces. */
  public static String normalise(String code) {
    return code == null ? null : code.replace(" ", "").toUpperCase(Locale.ROOT);
  }

  /** Why {@code code} is not a valid tax id, or null when it is. */
  public static String problem(String code) {
    if (code == null || code.isEmpty()) {
      return "is required";
    }
    if (code.matches("[0-9]{11}")) {
      return CheckCharacters.validNumeric(code) ? null : "has a wrong check digit";
    }
    if (!PERSONAL.matcher(code).matches()) {
      return "must be an 11-digit partita IVA or a 16-character personal tax code";
    }
    return CheckCharacters.personalCheckChar(code) == code.charAt(15)
        ? null
        : "has a wrong check character";
  }
}
