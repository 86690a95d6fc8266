package it.percorsi.demo;

import it.percorsi.platform.codes.TaxCodes;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;

/**
 * Italian tax codes the way the revenue agency builds them: the 16-character personal code
 * (surname, name, birth date and sex, the cadastral code of the birthplace — Z and three digits for
 * a foreign country — and the check character) and the 11-digit provisional numeric one given to
 * many foreigners, also used as a company's partita IVA.
 */
public final class TaxCode {

  private static final String MONTHS = "ABCDEHLMPRST";

  private TaxCode() {}

  /** The 16-character code of a person born on {@code birth} in {@code cadastral}. */
  public static String personal(
      String familyName, String givenName, LocalDate birth, String sex, String cadastral) {
    StringBuilder sb = new StringBuilder();
    sb.append(surnamePart(familyName)).append(namePart(givenName));
    sb.append(String.format(Locale.ROOT, "%02d", birth.getYear() % 100));
    sb.append(MONTHS.charAt(birth.getMonthValue() - 1));
    sb.append(
        String.format(Locale.ROOT, "%02d", birth.getDayOfMonth() + ("F".equals(sex) ? 40 : 0)));
    sb.append(cadastral);
    return sb.append(checkChar(sb)).toString();
  }

  /** A provisional numeric code (also a valid partita IVA shape): 10 digits and the check digit. */
  public static String provisional(Random r) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      sb.append(i == 0 ? 1 + r.nextInt(9) : r.nextInt(10));
    }
    return sb.append(numericCheck(sb)).toString();
  }

  /** A partita IVA: 7-digit number, 3-digit office code, check digit. */
  public static String partitaIva(Random r, String office) {
    StringBuilder sb = new StringBuilder();
    sb.append(1 + r.nextInt(9));
    for (int i = 1; i < 7; i++) {
      sb.append(r.nextInt(10));
    }
    sb.append(office);
    return sb.append(numericCheck(sb)).toString();
  }

  static int numericCheck(CharSequence first10) {
    return TaxCodes.numericCheckDigit(first10.toString());
  }

  static char checkChar(CharSequence first15) {
    return TaxCodes.personalCheckChar(first15.toString());
  }

  static String surnamePart(String name) {
    String n = letters(name);
    String cons = consonants(n);
    return pad(cons + vowels(n));
  }

  static String namePart(String name) {
    String n = letters(name);
    String cons = consonants(n);
    if (cons.length() >= 4) {
      return "" + cons.charAt(0) + cons.charAt(2) + cons.charAt(3);
    }
    return pad(cons + vowels(n));
  }

  private static String letters(String s) {
    String plain = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return plain.toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "");
  }

  private static String consonants(String s) {
    return s.replaceAll("[AEIOU]", "");
  }

  private static String vowels(String s) {
    return s.replaceAll("[^AEIOU]", "");
  }

  private static String pad(String s) {
    return (s + "XXX").substring(0, 3);
  }
}
