package it.percorsi.platform.idempotency;

import it.percorsi.platform.caller.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A creating {@code POST} as every resource answers it: once per {@code Idempotency-Key}, 201 with
 * the new record's view, its {@code Location} under the request path and its {@code ETag}. A retry
 * gets the stored answer at once, without running the creation's checks again, and only if the
 * caller may still read the record (as a read would decide today).
 */
@ApplicationScoped
public class Creation {

  /** What a creation made: the view to answer with, the new record's id and its entity tag. */
  public record Created(Object view, String id, String etag) {}

  private final Idempotency idempotency;

  public Creation(Idempotency idempotency) {
    this.idempotency = idempotency;
  }

  /**
   * Answers a creating request.
   *
   * @param request the request body as read (it fingerprints the request with the path)
   * @param create makes the record, in the transaction that stores the key's answer
   * @param readable throws (a 404 problem) when the caller may not read the record of a stored
   *     answer any more
   */
  public Response respond(
      Caller caller,
      String key,
      UriInfo uri,
      Object request,
      Supplier<Created> create,
      Consumer<String> readable) {
    String fingerprint = idempotency.fingerprint("POST", uri.getPath(), request);
    StoredResponse answer =
        idempotency
            .replay(caller, key, fingerprint)
            .orElseGet(
                () ->
                    idempotency.once(
                        caller,
                        key,
                        fingerprint,
                        () -> {
                          Created c = create.get();
                          URI location = uri.getAbsolutePathBuilder().path(c.id()).build();
                          return idempotency.created(c.view(), location, c.etag(), c.id());
                        }));
    if (answer.replayed() && answer.resourceId() != null) {
      readable.accept(answer.resourceId());
    }
    return answer.toResponse();
  }
}
