package it.percorsi.platform.idempotency;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * The result of a creating request as kept for its Idempotency-Key: what the first request answered
 * and what a retry answers again.
 *
 * @param status HTTP status of the first answer (201 for a creation)
 * @param body JSON body of the first answer
 * @param location {@code Location} of the created resource, or null
 * @param etag {@code ETag} header value of the first answer, or null
 * @param resourceId id of the created resource, so its stored answers can be forgotten (erasure)
 * @param replayed whether this is a stored answer given again rather than a fresh one
 */
public record StoredResponse(
    int status, String body, URI location, String etag, String resourceId, boolean replayed) {

  /** A fresh answer to store. */
  public static StoredResponse created(String body, URI location, String etag, String resourceId) {
    return new StoredResponse(201, body, location, etag, resourceId, false);
  }

  /** The HTTP response, marked {@code Idempotent-Replayed: true} when it is a stored one. */
  public Response toResponse() {
    Response.ResponseBuilder b =
        Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body);
    if (location != null) {
      b.location(location);
    }
    if (etag != null) {
      b.header(HttpHeaders.ETAG, etag);
    }
    if (replayed) {
      b.header(Idempotency.REPLAYED_HEADER, "true");
    }
    return b.build();
  }
}
