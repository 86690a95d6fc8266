package it.percorsi.platform.http;

import it.percorsi.platform.problem.Problem;
import it.percorsi.platform.problem.ProblemMappers;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A request with a body must say what the body is: without a {@code Content-Type} it is a 415,
 * never read as JSON by guess (a client that forgot the header is told so, not half-understood).
 */
public class RequiredContentType {

  @ServerRequestFilter(preMatching = true)
  public Optional<Response> check(ContainerRequestContext request) {
    if (request.getHeaderString(HttpHeaders.CONTENT_TYPE) != null || !hasBody(request)) {
      return Optional.empty();
    }
    return Optional.of(
        ProblemMappers.response(
            Problem.of(
                "unsupported-media-type",
                "Unsupported media type",
                415,
                "A request with a body must have a Content-Type: application/json")));
  }

  private static boolean hasBody(ContainerRequestContext request) {
    if (request.getHeaderString("Transfer-Encoding") != null) {
      return true;
    }
    String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
    return length != null && !length.trim().equals("0");
  }
}
