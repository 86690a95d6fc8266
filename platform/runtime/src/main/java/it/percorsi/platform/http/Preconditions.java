package it.percorsi.platform.http;

import it.percorsi.platform.problem.ProblemException;

/**
 * Optimistic concurrency on {@code If-Match} (RFC 9110), with strong comparison of entity tags.
 * (Stand-in with the signatures announced for the platform commit; the lead's version wins.)
 */
public final class Preconditions {

  private Preconditions() {}

  /** The one way an entity's ETag is computed from its version. */
  public static String etag(long version) {
    return "\"" + version + "\"";
  }

  /** 428 without {@code If-Match}, 412 when it names another version. */
  public static void required(String ifMatch, String currentEtag) {
    if (ifMatch == null || ifMatch.isBlank()) {
      throw ProblemException.preconditionRequired();
    }
    optional(ifMatch, currentEtag);
  }

  /** 412 when {@code If-Match} is sent and names another version. */
  public static void optional(String ifMatch, String currentEtag) {
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
      return;
    }
    for (String tag : ifMatch.split(",")) {
      if (tag.strip().equals(currentEtag)) {
        return;
      }
    }
    throw ProblemException.staleWrite(currentEtag);
  }
}
