package it.percorsi.placement.notice;

import java.util.regex.Pattern;

/**
 * What of an upload may be kept in a batch's report: file names and reasons, with anything that
 * looks like a tax code, and any value a validator quotes, taken out.
 */
final class Redaction {

  private static final Pattern TAX_CODE =
      Pattern.compile(
          "(?i)[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]"
              + "|(?<![0-9])[0-9]{11}(?![0-9])");
  private static final Pattern QUOTED_VALUE = Pattern.compile("(?i)(value) '[^']*'");
  private static final Pattern DATATYPE_VALUE = Pattern.compile("(cvc-[a-z.0-9-]+: )'[^']*'");

  private Redaction() {}

  /** A reason for the report: no quoted value, no tax code, at most 500 characters. */
  static String reason(String message) {
    if (message == null) {
      return "unknown error";
    }
    String s = QUOTED_VALUE.matcher(message).replaceAll("$1 (not shown)");
    s = DATATYPE_VALUE.matcher(s).replaceAll("$1(a value not shown)");
    s = TAX_CODE.matcher(s).replaceAll("(not shown)").replaceAll("\\s+", " ").trim();
    return s.length() > 500 ? s.substring(0, 497) + "..." : s;
  }

  /** A file name for the report: no tax code, at most 255 characters. */
  static String fileName(String name) {
    String s = TAX_CODE.matcher(name == null ? "" : name).replaceAll("(not shown)");
    return s.length() > 255 ? "..." + s.substring(s.length() - 252) : s;
  }
}
