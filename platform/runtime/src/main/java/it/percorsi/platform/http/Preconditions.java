package it.percorsi.platform.http;

import it.percorsi.platform.problem.ProblemException;

/**
 * Optimistic concurrency on {@code If-Match} (RFC 9110), with strong comparison of entity tags, and
 * the one way an entity's tag is computed from its version.
 */
public final class Preconditions {

  private Preconditions() {}

  /** The strong entity tag of a version: {@code "7"}. */
  public static String etag(long version) {
    return "\"" + version + "\"";
  }

  /**
   * An update must say which version it read.
   *
   * @throws ProblemException 428 without {@code If-Match}, 412 when it names another version
   */
  public static void required(String ifMatch, String currentEtag) {
    if (ifMatch == null || ifMatch.isBlank()) {
      throw ProblemException.preconditionRequired();
    }
    optional(ifMatch, currentEtag);
  }

  /**
   * An action may say which version it read; if it does, that must be the current one.
   *
   * @throws ProblemException 412 when {@code If-Match} names another version
   */
  public static void optional(String ifMatch, String currentEtag) {
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
      return;
    }
    for (String tag : ifMatch.split(",")) {
      // A weak tag (W/"...") never matches strongly.
      if (tag.strip().equals(currentEtag)) {
        return;
      }
    }
    throw ProblemException.staleWrite(currentEtag);
  }
}
