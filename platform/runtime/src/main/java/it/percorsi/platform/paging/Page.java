package it.percorsi.platform.paging;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, as returned in the body: the items and the cursor of the next page (absent on
 * the last page). The same cursor goes in the {@code Link: rel="next"} header.
 */
public record Page<T>(List<T> items, String next) {

  /**
   * Cuts {@code fetched} (fetched with {@link PageRequest#fetchSize()}) to the page, with a next
   * cursor from the sort key of its last item when more rows exist.
   */
  public static <R, T> Page<T> of(
      List<R> fetched,
      PageRequest request,
      Function<R, List<String>> sortKey,
      Function<R, T> view) {
    boolean more = fetched.size() > request.limit();
    List<R> rows = more ? fetched.subList(0, request.limit()) : fetched;
    String next = more ? Cursor.encode(sortKey.apply(rows.get(rows.size() - 1))) : null;
    return new Page<>(rows.stream().map(view).toList(), next);
  }
}
