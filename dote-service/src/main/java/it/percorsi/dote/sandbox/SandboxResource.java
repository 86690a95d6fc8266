package it.percorsi.dote.sandbox;

import it.percorsi.platform.caller.Role;
import it.percorsi.platform.clock.SandboxClock;
import it.percorsi.platform.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The sandbox business clock, served by dote-service for the whole platform: anyone may read the
 * business date; the agency moves it forward, and the answer comes once every service has applied
 * it and run its daily jobs for the days passed. With sandbox mode off both answer 404.
 */
@Path("/sandbox/clock")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "sandbox")
@SecurityRequirement(name = "bearer")
public class SandboxResource {

  private final SandboxClock sandbox;

  public SandboxResource(SandboxClock sandbox) {
    this.sandbox = sandbox;
  }

  /** The platform's business date. */
  public record ClockView(
      @Schema(examples = "2027-03-01") LocalDate today,
      @Schema(description = "Days the business clock runs ahead of the wall clock")
          long offsetDays) {}

  /** Body of {@code PUT /sandbox/clock}. */
  public record MoveClock(@Schema(examples = "2027-03-01") @NotNull LocalDate today) {}

  @GET
  @RolesAllowed({
    Role.AGENCY_ADMIN,
    Role.CPI_OPERATOR,
    Role.PROMOTER,
    Role.HOST,
    Role.AUDITOR,
    Role.INTEGRATOR
  })
  @Operation(operationId = "getSandboxClock", summary = "Read the sandbox business date")
  public ClockView get() {
    if (!sandbox.enabled()) {
      throw SandboxClock.notFound();
    }
    return new ClockView(sandbox.today(), sandbox.offsetDays());
  }

  @PUT
  @RolesAllowed(Role.AGENCY_ADMIN)
  @Operation(
      operationId = "moveSandboxClock",
      summary = "Move the sandbox business date forward (agency)",
      description =
          "Never backwards (409). Answers once every service applied the date and ran its daily"
              + " jobs (expiry, coming of age, follow-ups) for each day passed, in order; 504 names"
              + " the services that did not in time.")
  @APIResponse(
      responseCode = "200",
      description = "Every service applied the date",
      content = @Content(schema = @Schema(implementation = ClockView.class)))
  @APIResponse(
      responseCode = "504",
      description = "Some services did not apply the date in time (named in the detail)",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(ref = "Problem"),
              examples = {
                @ExampleObject(
                    name = "clock-move-incomplete",
                    summary = "Not every service applied the new date in time",
                    value =
                        "{\"type\":\"https://percorsi.it/problems/clock-move-incomplete\","
                            + "\"title\":\"Not every service applied the new date in time\","
                            + "\"status\":504}"),
                @ExampleObject(
                    name = "upstream-timeout",
                    summary = "The gateway's timeout",
                    value =
                        "{\"type\":\"https://percorsi.it/problems/upstream-timeout\","
                            + "\"title\":\"Upstream timeout\",\"status\":504}")
              }))
  public ClockView move(@Valid @NotNull MoveClock request) {
    sandbox.move(request.today());
    return new ClockView(sandbox.today(), sandbox.offsetDays());
  }
}
