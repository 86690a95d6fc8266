package it.percorsi.participant.participant;

import it.percorsi.participant.participant.Codes.EmploymentStatus;
import it.percorsi.platform.problem.Problem;
import it.percorsi.platform.problem.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Filters of {@code GET /participants}, read from query parameters; every one is optional and they
 * combine with AND. Ages are completed years today.
 */
public record ParticipantFilter(
    String province,
    String region,
    EmploymentStatus employmentStatus,
    Boolean enteredAsUnaccompaniedMinor,
    Integer minAge,
    Integer maxAge,
    String registeredBy,
    String owner,
    Status status,
    String taxCode) {

  /** Whether the record still holds personal data. */
  public enum Status {
    ACTIVE,
    ERASED
  }

  /**
   * Parses raw query values, collecting a field error per unreadable one (so a typo is a 400 that
   * names the parameter, not a silent empty list).
   */
  public static ParticipantFilter parse(
      String province,
      String region,
      String employmentStatus,
      String enteredAsMinor,
      String minAge,
      String maxAge,
      String registeredBy,
      String owner,
      String status,
      String taxCode) {
    List<Problem.FieldError> errors = new ArrayList<>();
    ParticipantFilter f =
        new ParticipantFilter(
            code(province, "province", "[0-9]{3}", errors),
            code(region, "region", "[0-9]{2}", errors),
            constant(EmploymentStatus.class, employmentStatus, "employmentStatus", errors),
            bool(enteredAsMinor, "enteredAsMinor", errors),
            age(minAge, "minAge", errors),
            age(maxAge, "maxAge", errors),
            registeredBy,
            owner,
            constant(Status.class, status, "status", errors),
            taxCode == null ? null : it.percorsi.platform.codes.TaxCodes.normalise(taxCode));
    if (f.minAge != null && f.maxAge != null && f.minAge > f.maxAge) {
      errors.add(new Problem.FieldError("minAge", "is greater than maxAge"));
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(Problem.validation(errors));
    }
    return f;
  }

  private static String code(
      String value, String name, String pattern, List<Problem.FieldError> errors) {
    if (value != null && !value.matches(pattern)) {
      errors.add(new Problem.FieldError(name, "must match " + pattern));
    }
    return value;
  }

  private static <E extends Enum<E>> E constant(
      Class<E> type, String value, String name, List<Problem.FieldError> errors) {
    if (value == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      errors.add(
          new Problem.FieldError(
              name, "must be one of " + java.util.Arrays.toString(type.getEnumConstants())));
      return null;
    }
  }

  private static Boolean bool(String value, String name, List<Problem.FieldError> errors) {
    if (value == null) {
      return null;
    }
    if (!value.equals("true") && !value.equals("false")) {
      errors.add(new Problem.FieldError(name, "must be true or false"));
      return null;
    }
    return Boolean.valueOf(value);
  }

  private static Integer age(String value, String name, List<Problem.FieldError> errors) {
    if (value == null) {
      return null;
    }
    try {
      int age = Integer.parseInt(value);
      if (age >= 0 && age <= 120) {
        return age;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    errors.add(new Problem.FieldError(name, "must be a whole number of years from 0 to 120"));
    return null;
  }
}
