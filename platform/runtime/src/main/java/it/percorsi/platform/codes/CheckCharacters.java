package it.percorsi.platform.codes;

/**
 * The check characters of Italian tax identifiers, written once for every service: the 11-digit
 * numeric form (a company's partita IVA / codice fiscale, and the provisional code given to many
 * foreigners) and the 16-character personal codice fiscale (D.M. 23 dicembre 1976).
 */
public final class CheckCharacters {

  /** Values of odd positions (1st, 3rd, ...) of a personal code, for digits and letters alike. */
  private static final int[] ODD = {
    1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23
  };

  private CheckCharacters() {}

  /**
   * The 11th digit of a numeric code from its first 10 digits: a Luhn-like sum where the digits in
   * even positions are doubled (minus 9 when above 9), and the check digit brings the sum to a
   * multiple of 10.
   */
  public static int numericCheckDigit(String code) {
    int sum = 0;
    for (int i = 0; i < 10; i++) {
      int d = code.charAt(i) - '0';
      if (i % 2 == 1) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
    }
    return (10 - sum % 10) % 10;
  }

  /** Whether {@code code} is 11 digits whose last is the check digit of the first 10. */
  public static boolean validNumeric(String code) {
    return code != null
        && code.length() == 11
        && code.chars().allMatch(Character::isDigit)
        && numericCheckDigit(code) == code.charAt(10) - '0';
  }

  /** The 16th character of a personal code from its first 15 (upper-case letters and digits). */
  public static char personalCheckChar(String code) {
    int sum = 0;
    for (int i = 0; i < 15; i++) {
      char c = code.charAt(i);
      int v = Character.isDigit(c) ? c - '0' : c - 'A';
      // Positions are counted from 1: odd positions use the conversion table.
      sum += (i % 2 == 0) ? ODD[v] : v;
    }
    return (char) ('A' + sum % 26);
  }
}
