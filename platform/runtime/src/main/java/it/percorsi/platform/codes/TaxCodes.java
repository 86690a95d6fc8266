package it.percorsi.platform.codes;

import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * Italian tax codes (codice fiscale): the 16-character personal form and the 11-digit numeric form
 * given provisionally to many foreigners, each with its check character verified.
 */
public final class TaxCodes {

  private static final Pattern PERSONAL =
      Pattern.compile(
          "[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]");
  private static final Pattern NUMERIC = Pattern.compile("[0-9]{11}");
  private static final int[] ODD = {
    1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23
  };

  private static final String MONTHS = "ABCDEHLMPRST";
  private static final String OMOCODIA = "LMNPQRSTUV";

  private TaxCodes() {}

  /** Upper-cases and strips spaces. */
  public static String normalise(String code) {
    return code == null ? null : code.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
  }

  public static boolean isProvisional(String code) {
    return code != null && NUMERIC.matcher(code).matches();
  }

  /** Why {@code code} is not a valid tax code, or null when it is. */
  public static String problem(String code) {
    if (code == null || code.isEmpty()) {
      return "is required";
    }
    if (NUMERIC.matcher(code).matches()) {
      return numericCheckDigit(code) == code.charAt(10) - '0' ? null : "has a wrong check digit";
    }
    if (code.length() != 16 || !PERSONAL.matcher(code).matches()) {
      return "must be a 16-character tax code or an 11-digit provisional one";
    }
    return personalCheckChar(code) == code.charAt(15) ? null : "has a wrong check character";
  }

  /**
   * Why a valid 16-character {@code code} disagrees with the birth date and sex it encodes
   * (characters 7 to 11: year, month letter, day plus 40 for women), or null when it agrees. The
   * 11-digit provisional form encodes neither, so it always agrees.
   */
  public static String birthMismatch(String code, LocalDate birthDate, String sex) {
    if (code == null || code.length() != 16 || birthDate == null) {
      return null;
    }
    int year = digits(code, 6, 8);
    int month = MONTHS.indexOf(code.charAt(8)) + 1;
    int day = digits(code, 9, 11);
    boolean female = day > 40;
    int dayOfMonth = female ? day - 40 : day;
    if (year != birthDate.getYear() % 100
        || month != birthDate.getMonthValue()
        || dayOfMonth != birthDate.getDayOfMonth()) {
      return "does not match the birth date";
    }
    if (("F".equals(sex) && !female) || ("M".equals(sex) && female)) {
      return "does not match the sex";
    }
    return null;
  }

  /** Reads digits, undoing omocodia (letters L M N P Q R S T U V standing for 0 to 9). */
  private static int digits(String code, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = code.charAt(i);
      int d = Character.isDigit(c) ? c - '0' : OMOCODIA.indexOf(c);
      value = value * 10 + d;
    }
    return value;
  }

  /** The check character (16th) of a personal tax code, from its first 15 characters. */
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

  /** The check digit (11th) of a provisional numeric tax code, from its first 10 digits. */
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
}
