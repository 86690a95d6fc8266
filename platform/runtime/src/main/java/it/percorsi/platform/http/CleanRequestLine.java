package it.percorsi.platform.http;

import it.percorsi.platform.json.StrictJson;
import it.percorsi.platform.problem.Problem;
import it.percorsi.platform.problem.ProblemMappers;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses, before any resource runs, a path or query parameter whose decoded value holds a
 * character no request may carry (NUL and other control characters, bidirectional overrides,
 * unpaired surrogates): a field-level 400 naming the parameter, instead of a database error.
 */
public class CleanRequestLine {

  @ServerRequestFilter(preMatching = true)
  public Optional<Response> check(ContainerRequestContext request) {
    List<Problem.FieldError> errors = new ArrayList<>();
    MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters(true);
    for (Map.Entry<String, List<String>> e : query.entrySet()) {
      boolean clean =
          StrictJson.cleanText(e.getKey()) && e.getValue().stream().allMatch(StrictJson::cleanText);
      if (!clean) {
        errors.add(
            new Problem.FieldError(
                StrictJson.cleanText(e.getKey()) ? e.getKey() : "query", StrictJson.TEXT_MESSAGE));
      }
    }
    for (PathSegment segment : request.getUriInfo().getPathSegments(true)) {
      if (!StrictJson.cleanText(segment.getPath())) {
        errors.add(new Problem.FieldError("path", StrictJson.TEXT_MESSAGE));
        break;
      }
    }
    return errors.isEmpty()
        ? Optional.empty()
        : Optional.of(ProblemMappers.response(Problem.validation(errors)));
  }
}
