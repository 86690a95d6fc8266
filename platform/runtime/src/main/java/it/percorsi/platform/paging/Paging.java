package it.percorsi.platform.paging;

import it.percorsi.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * Cursor paging for list endpoints: reads {@code limit} (capped) and {@code cursor}, and answers
 * with the page and {@code Link: <...>; rel="next"}.
 *
 * <p>The link is a relative reference holding only the query ({@code <?limit=50&cursor=...>}): it
 * resolves against whatever URL the caller used, so it stays right behind the gateway, which
 * publishes the services under another path.
 */
@ApplicationScoped
public class Paging {

  public static final String LIMIT = "limit";

  private final PagingConfig config;

  public Paging(PagingConfig config) {
    this.config = config;
  }

  /**
   * The page asked for by the raw {@code limit} and {@code cursor} query parameters.
   *
   * @throws ProblemException a field error when {@code limit} is not a whole number
   */
  public PageRequest fromQuery(String limit, String cursor, int parts) {
    return request(parseLimit(limit), cursor, parts);
  }

  /**
   * The size a raw {@code limit} query parameter asks for, for a list that is not paged by cursor:
   * {@code defaultLimit} when absent, lowered to {@code maxLimit}.
   *
   * @throws ProblemException a field error when it is not a whole number of at least 1
   */
  public static int limit(String limit, int defaultLimit, int maxLimit) {
    Integer n = limit == null || limit.isBlank() ? null : parseLimit(limit.strip());
    return Math.min(checked(n == null ? defaultLimit : n), maxLimit);
  }

  private static Integer parseLimit(String limit) {
    if (limit == null) {
      return null;
    }
    try {
      return Integer.valueOf(limit);
    } catch (NumberFormatException e) {
      throw ProblemException.invalid(LIMIT, "must be a whole number");
    }
  }

  private static int checked(int size) {
    if (size < 1) {
      throw ProblemException.invalid(LIMIT, "must be at least 1");
    }
    return size;
  }

  /**
   * The page asked for.
   *
   * @param limit requested size, null for the default; above the cap it is lowered to the cap
   * @param cursor from a previous page, null for the first
   * @param parts number of sort key values in the cursor
   * @throws ProblemException 400 for a limit below 1 or a cursor this list did not return
   */
  public PageRequest request(Integer limit, String cursor, int parts) {
    int size = Math.min(checked(limit == null ? config.defaultLimit() : limit), config.maxLimit());
    return new PageRequest(
        size,
        cursor == null || cursor.isBlank() ? java.util.List.of() : Cursor.decode(cursor, parts));
  }

  /** 200 with the page as body and, when there is a next page, its {@code Link} header. */
  public static Response response(Page<?> page, URI requestUri, PageRequest request) {
    Response.ResponseBuilder b = Response.ok(page);
    if (page.next() != null) {
      b.header("Link", nextLink(requestUri, request.limit(), page.next()));
    }
    return b.build();
  }

  /** {@code <?...&limit=n&cursor=c>; rel="next"}, keeping the request's other parameters. */
  public static String nextLink(URI requestUri, int limit, String cursor) {
    StringBuilder query = new StringBuilder();
    String raw = requestUri.getRawQuery();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        String name = pair.split("=", 2)[0];
        if (!pair.isEmpty() && !name.equals(LIMIT) && !name.equals(Cursor.PARAM)) {
          query.append(pair).append('&');
        }
      }
    }
    // The cursor is base64url: safe in a query as it is.
    query.append(LIMIT).append('=').append(limit).append('&').append(Cursor.PARAM).append('=');
    query.append(cursor);
    return "<?" + query + ">; rel=\"next\"";
  }
}
