package it.percorsi.platform.paging;

import java.util.List;

/**
 * What page a caller asked for: at most {@code limit} items after the sort key {@code after} (empty
 * for the first page).
 */
public record PageRequest(int limit, List<String> after) {

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
}
