package it.percorsi.placement.outcome;

import it.percorsi.placement.outcome.OutcomeFigures.Dimension;
import it.percorsi.platform.caller.CurrentCaller;
import it.percorsi.platform.caller.Role;
import it.percorsi.platform.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Outcome figures per programme, region, province and promoter, as JSON or CSV. */
@Path("/outcomes")
@Tag(name = "outcomes")
@SecurityRequirement(name = "bearer")
public class OutcomeResource {

  public static final String CSV = "text/csv";

  private final OutcomeService service;
  private final CurrentCaller caller;

  public OutcomeResource(OutcomeService service, CurrentCaller caller) {
    this.service = service;
    this.caller = caller;
  }

  @GET
  @Produces({MediaType.APPLICATION_JSON, CSV})
  @RolesAllowed({
    Role.PROMOTER,
    Role.CPI_OPERATOR,
    Role.AGENCY_ADMIN,
    Role.AUDITOR,
    Role.INTEGRATOR
  })
  @Operation(
      operationId = "getOutcomes",
      summary = "Outcome figures",
      description =
          "Dotes assigned and activated, internships started / completed / interrupted and the"
              + " completion rate, attendance months meeting the threshold, people employed at"
              + " 1/3/6/12 months among those whose checkpoint is due (count and rate), people"
              + " hired by contract family, median days from internship end to first hire."
              + " groupBy: one or more of programme, region, province, promoter (comma-separated"
              + " or repeated). JSON by default, CSV with Accept: text/csv. For anyone but the"
              + " agency and auditors every cell under 5 is \"suppressed\", and so is a rate or"
              + " median derived from it.")
  @APIResponse(
      responseCode = "200",
      description = "One row per group, its figures beside the group's values",
      content = {
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = OutcomeService.Outcomes.class)),
        @Content(
            mediaType = CSV,
            schema = @Schema(type = SchemaType.STRING, description = "RFC 4180, a header row"))
      })
  public Response outcomes(
      @Parameter(
              description =
                  "programme, region, province or promoter: comma-separated or repeated, e.g."
                      + " groupBy=province")
          @QueryParam("groupBy")
          List<String> groupBy,
      @Parameter(example = "EXAMPLE-PERCORSI-4-SUD") @QueryParam("programme") String programme,
      @Parameter(example = "19") @QueryParam("region") String region,
      @Parameter(example = "083") @QueryParam("province") String province,
      @Parameter(example = "ORG-PROMOTER-A") @QueryParam("promoter") String promoter,
      @jakarta.ws.rs.HeaderParam("Accept") String accept) {
    List<Dimension> dims = dimensions(groupBy);
    OutcomeService.Outcomes o =
        service.outcomes(
            dims, new OutcomeService.Filter(programme, region, province, promoter), caller.get());
    if (accept != null && accept.contains(CSV) && !accept.contains(MediaType.APPLICATION_JSON)) {
      return Response.ok(csv(o), CSV + "; charset=UTF-8").build();
    }
    return Response.ok(o, MediaType.APPLICATION_JSON).build();
  }

  static List<Dimension> dimensions(List<String> groupBy) {
    LinkedHashSet<Dimension> dims = new LinkedHashSet<>();
    for (String g : groupBy == null ? List.<String>of() : groupBy) {
      for (String p : g.split(",")) {
        if (p.isBlank()) {
          continue;
        }
        Dimension d = Dimension.of(p.strip());
        if (d == null) {
          throw ProblemException.invalid(
              "groupBy", "must be one or more of programme, region, province, promoter");
        }
        dims.add(d);
      }
    }
    return new ArrayList<>(dims);
  }

  static String csv(OutcomeService.Outcomes o) {
    List<String> columns = new ArrayList<>(o.groupBy());
    columns.addAll(OutcomeFigures.COUNTS);
    columns.addAll(OutcomeFigures.DERIVED);
    StringBuilder sb = new StringBuilder(String.join(",", columns)).append("\r\n");
    for (Map<String, Object> row : o.rows()) {
      sb.append(
              String.join(
                  ",",
                  columns.stream()
                      .map(c -> row.get(c) == null ? "" : cell(String.valueOf(row.get(c))))
                      .toList()))
          .append("\r\n");
    }
    return sb.toString();
  }

  private static String cell(String v) {
    return v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
  }
}
