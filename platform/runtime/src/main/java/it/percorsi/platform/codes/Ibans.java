package it.percorsi.platform.codes;

import it.percorsi.platform.problem.ProblemException;
import java.util.Locale;
import org.iban4j.BicFormatException;
import org.iban4j.BicUtil;
import org.iban4j.IbanFormatException;
import org.iban4j.IbanUtil;
import org.iban4j.InvalidCheckDigitException;
import org.iban4j.UnsupportedCountryException;

/**
 * IBANs (and BICs) checked by iban4j: country, length and structure of the country's format, and
 * the ISO 7064 check digits. An IBAN is personal data: never log it, never put it in an event or a
 * problem detail.
 */
public final class Ibans {

  private Ibans() {}

  /** Upper-cases and strips spaces (the printed form groups by four). */
  public static String normalise(String iban) {
    return iban == null ? null : iban.replace(" ", "").toUpperCase(Locale.ROOT);
  }

  /**
   * The IBAN as kept ({@linkplain #normalise normalised}) when it is valid (country format and
   * check digits).
   *
   * @throws ProblemException a field-level 400 on {@code iban} otherwise
   */
  public static String checked(String raw) {
    String iban = normalise(raw);
    String problem = problem(iban);
    if (problem != null) {
      throw ProblemException.invalid("iban", problem);
    }
    return iban;
  }

  /** Why a normalised {@code iban} is not a valid IBAN, or null when it is. */
  public static String problem(String iban) {
    if (iban == null || iban.isEmpty()) {
      return "is required";
    }
    try {
      IbanUtil.validate(iban);
      return null;
    } catch (InvalidCheckDigitException e) {
      return "has wrong check digits";
    } catch (UnsupportedCountryException e) {
      return "is not an IBAN of a country that uses IBANs";
    } catch (IbanFormatException e) {
      return "does not have the format of an IBAN of its country";
    }
  }

  /** Why {@code bic} is not a valid BIC, or null when it is. */
  public static String bicProblem(String bic) {
    try {
      BicUtil.validate(bic);
      return null;
    } catch (BicFormatException | UnsupportedCountryException e) {
      return "is not a valid BIC";
    }
  }

  /** The country and last four characters only, for a reader who must recognise the account. */
  public static String masked(String iban) {
    if (iban == null || iban.length() < 8) {
      return null;
    }
    return iban.substring(0, 2)
        + "**"
        + "*".repeat(iban.length() - 8)
        + iban.substring(iban.length() - 4);
  }
}
