package it.percorsi.placement.reference;

import java.util.regex.Pattern;

/**
 * ATECO 2025 activity codes (ISTAT, in force since 1 April 2025): a 2-digit division, then
 * optionally group (.d), class (.dd), category (.dd.d) and subcategory (.dd.dd), e.g. {@code
 * 62.10.00}. Only the shape is checked; the division must exist in the classification's range.
 */
public final class Ateco {

  public static final String VERSION = "ATECO 2025";
  private static final Pattern SHAPE = Pattern.compile("(\\d{2})(\\.\\d{1,2}(\\.\\d{1,2})?)?");

  private Ateco() {}

  /** Why {@code code} is not an ATECO 2025 code, or null when it is. */
  public static String problem(String code) {
    if (code == null) {
      return null;
    }
    var m = SHAPE.matcher(code);
    if (!m.matches()) {
      return "must be an ATECO 2025 code such as 62, 62.1, 62.10, 62.10.0 or 62.10.00";
    }
    int division = Integer.parseInt(m.group(1));
    return division >= 1 && division <= 99 ? null : "has no such ATECO division";
  }

  /** The division (first two digits), e.g. {@code 62}. */
  public static String division(String code) {
    return code == null ? null : code.substring(0, 2);
  }
}
