package it.percorsi.plan.plan;

import it.percorsi.platform.problem.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one place where a plan's refusals become problems: kind, title and status per reason. */
public class PlanProblems {

  static Problem problem(PlanRefused e) {
    Problem p =
        switch (e.reason()) {
          case PLAN_CLOSED -> Problem.of("plan-closed", "The plan is closed", 409, e.getMessage());
          case WRONG_STATE ->
              Problem.of("plan-state", "Not possible in the plan's state", 409, e.getMessage());
          case INCOMPLETE ->
              Problem.of("plan-incomplete", "The plan is not complete", 422, e.getMessage());
          case DELIVERY_NOT_ALLOWED ->
              Problem.of(
                  "delivery-not-allowed",
                  "The delivery does not fit the approved plan",
                  422,
                  e.getMessage());
          case DELIVERY_DECIDED ->
              Problem.of("delivery-decided", "The delivery is decided", 409, e.getMessage());
        };
    return e.errors().isEmpty() ? p : p.with("errors", e.errors());
  }

  @ServerExceptionMapper
  public Response refused(PlanRefused e, UriInfo uri) {
    Problem problem = problem(e).withInstance(URI.create(uri.getRequestUri().getRawPath()));
    return Response.status(problem.getStatus()).type(Problem.MEDIA_TYPE).entity(problem).build();
  }
}
