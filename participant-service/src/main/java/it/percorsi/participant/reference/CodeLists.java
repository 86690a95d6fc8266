package it.percorsi.participant.reference;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * International code lists from the JDK: countries as ISO 3166-1 alpha-3 and languages as ISO 639
 * (the two-letter codes and their three-letter equivalents).
 */
public final class CodeLists {

  /** ICAO/ISO code for a stateless person (Doc 9303), used where a nationality is expected. */
  public static final String STATELESS = "XXA";

  private static final Set<String> COUNTRIES =
      Set.copyOf(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3));
  private static final Set<String> LANGUAGES = languages();

  private CodeLists() {}

  /** An ISO 3166-1 alpha-3 country code. */
  public static boolean isCountry(String code) {
    return code != null && COUNTRIES.contains(code);
  }

  /** A country code or {@link #STATELESS}. */
  public static boolean isNationality(String code) {
    return STATELESS.equals(code) || isCountry(code);
  }

  /** An ISO 639 language code known to the JDK, two or three letters, lower case. */
  public static boolean isLanguage(String code) {
    return code != null && LANGUAGES.contains(code);
  }

  private static Set<String> languages() {
    Set<String> codes = new HashSet<>();
    for (String two : Locale.getISOLanguages()) {
      codes.add(two);
      try {
        codes.add(Locale.forLanguageTag(two).getISO3Language());
      } catch (java.util.MissingResourceException e) {
        // A two-letter code without a three-letter one: the two letters are enough.
      }
    }
    return Set.copyOf(codes);
  }
}
