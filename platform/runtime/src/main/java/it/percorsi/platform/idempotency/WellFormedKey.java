package it.percorsi.platform.idempotency;

import it.percorsi.platform.problem.Problem;
import it.percorsi.platform.problem.ProblemMappers;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * An {@code Idempotency-Key} header, on any request, is one well-formed key or a 400: an empty,
 * repeated, overlong or non-ASCII key is a client's mistake to tell, never something silently
 * ignored (also where the operation does not need one).
 */
public class WellFormedKey {

  @ServerRequestFilter(preMatching = true)
  public Optional<Response> check(ContainerRequestContext request) {
    List<String> values = request.getHeaders().get(Idempotency.HEADER);
    if (values == null || values.isEmpty()) {
      return Optional.empty();
    }
    if (values.size() == 1 && Idempotency.wellFormed(values.get(0))) {
      return Optional.empty();
    }
    return Optional.of(
        ProblemMappers.response(
            Problem.validation(
                List.of(
                    new Problem.FieldError(
                        Idempotency.HEADER,
                        "must be one key of 1 to 255 visible ASCII characters")))));
  }
}
