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
 * never read as JSON by guess (a client that forgot the header is told so, not half-understood);
 * and a body declared in a charset other than UTF-8 (the only one JSON has, RFC 8259 §8.1) is a 415
 * too. A request without a body is not concerned.
 */
public class RequiredContentType {

  @ServerRequestFilter(preMatching = true)
  public Optional<Response> check(ContainerRequestContext request) {
    if (!hasBody(request)) {
      return Optional.empty();
    }
    String type = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
    if (type == null) {
      return refuse("A request with a body must have a Content-Type: application/json");
    }
    String charset = charset(type);
    if (charset != null && !charset.equalsIgnoreCase("utf-8")) {
      return refuse("JSON is UTF-8: charset " + charset + " is not accepted");
    }
    return Optional.empty();
  }

  private static Optional<Response> refuse(String detail) {
    return Optional.of(
        ProblemMappers.response(
            Problem.of("unsupported-media-type", "Unsupported media type", 415, detail)));
  }

  /** The charset parameter of a media type, unquoted; null when there is none. */
  static String charset(String contentType) {
    for (String part : contentType.split(";")) {
      String p = part.trim();
      if (p.regionMatches(true, 0, "charset=", 0, 8)) {
        return p.substring(8).trim().replace("\"", "");
      }
    }
    return null;
  }

  private static boolean hasBody(ContainerRequestContext request) {
    if (request.getHeaderString("Transfer-Encoding") != null) {
      return true;
    }
    String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
    return length != null && !length.trim().equals("0");
  }
}
