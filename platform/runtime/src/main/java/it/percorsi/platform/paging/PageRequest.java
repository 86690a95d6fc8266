package it.percorsi.platform.paging;

import it.percorsi.platform.problem.ProblemException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What page a caller asked for: at most {@code limit} items after the sort key {@code after} (empty
 * for the first page).
 */
public record PageRequest(int limit, List<String> after) {

  /** The range of instants a cursor may carry (records are never older or newer). */
  private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");

  private static final Instant LATEST = Instant.parse("2199-12-31T23:59:59Z");

  public PageRequest {
    after = List.copyOf(after);
  }

  public boolean first() {
    return after.isEmpty();
  }

  /** Rows to fetch: one more than the limit, to know whether a next page exists. */
  public int fetchSize() {
    return limit + 1;
  }

  /**
   * For a list ordered by an instant and then the id: adds to {@code where} the predicate "after
   * this page's cursor" on those two fields, and its parameters to {@code params}. Nothing on the
   * first page.
   *
   * @throws ProblemException a field error on {@code cursor} when it is not one this list returned
   */
  public void addAfter(
      String instantField, String idField, List<String> where, Map<String, Object> params) {
    if (first()) {
      return;
    }
    try {
      Instant at = Instant.parse(after.get(0));
      // A forged cursor must not reach the database with an instant it cannot store.
      if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
        throw new IllegalArgumentException("out of range");
      }
      params.put("afterAt", at);
      params.put("afterId", UUID.fromString(after.get(1)));
    } catch (RuntimeException e) {
      throw ProblemException.invalid(Cursor.PARAM, "is not a cursor this list returned");
    }
    where.add(
        "(%1$s > :afterAt or (%1$s = :afterAt and %2$s > :afterId))"
            .formatted(instantField, idField));
  }
}
