package it.percorsi.client.problems;

/**
 * {@code region-not-in-programme} (422): the programme has no quota for the participant's region.
 */
public class RegionNotInProgrammeException extends UnprocessableException {

  public RegionNotInProgrammeException(Problem problem) {
    super(problem);
  }

  /** The ISTAT code of the participant's region. */
  public String regionCode() {
    return member("regionCode");
  }
}
