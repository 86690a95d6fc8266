package it.percorsi.placement.notice;

import java.time.LocalDate;

/**
 * One UNILAV notice as read from a file, valid against the schema. Held in memory only while its
 * chunk is matched and applied: the worker's tax code is never stored nor logged.
 *
 * @param position where it is in the upload
 * @param code the notice's code (CodiceComunicazione)
 * @param kind original, correction or cancellation
 * @param targetsCode the notice a correction or cancellation is about
 * @param event what the notice says happened
 */
public record Notice(
    Position position,
    String code,
    Kind kind,
    String targetsCode,
    Event event,
    String employerTaxCode,
    String atecoCode,
    String siteMunicipality,
    String workerTaxCode,
    String citizenship,
    LocalDate startDate,
    LocalDate endDate,
    String contractType,
    String istatProfession,
    String workingTime,
    int weeklyHours) {

  /** Original, correction (RETTIFICA) or cancellation (ANNULLAMENTO). */
  public enum Kind {
    ORIGINAL,
    CORRECTION,
    CANCELLATION;

    static Kind of(String tipo) {
      return switch (tipo) {
        case "RETTIFICA" -> CORRECTION;
        case "ANNULLAMENTO" -> CANCELLATION;
        default -> ORIGINAL;
      };
    }
  }

  /**
   * What happened: a hire (InizioRapporto), an extension (Proroga), a transformation, an end
   * (Cessazione). INTERNSHIP is a hire notice of an internship (contract type C.01.00), which
   * confirms the internship's start instead of recording a hire.
   */
  public enum Event {
    HIRE,
    EXTENSION,
    TRANSFORMATION,
    END,
    INTERNSHIP
  }

  /** Where a notice is in an upload: the file (a zip entry, or the upload itself) and its index. */
  public record Position(String fileName, int index, Integer line) {
    @Override
    public String toString() {
      return fileName + " #" + index + (line == null ? "" : " (line " + line + ")");
    }
  }

  /** The internship contract type: such a notice confirms an internship's start. */
  public static final String INTERNSHIP_CONTRACT = "C.01.00";
}
