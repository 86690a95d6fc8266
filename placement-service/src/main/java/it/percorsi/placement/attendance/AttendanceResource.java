package it.percorsi.placement.attendance;

import it.percorsi.placement.internship.InternshipService;
import it.percorsi.platform.caller.CurrentCaller;
import it.percorsi.platform.caller.Role;
import it.percorsi.platform.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Monthly attendance of an internship: one party enters a month, the other confirms it. */
@Path("/internships/{id}/attendance")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "internships")
@SecurityRequirement(name = "bearer")
public class AttendanceResource {

  private final InternshipService service;
  private final CurrentCaller caller;

  public AttendanceResource(InternshipService service, CurrentCaller caller) {
    this.service = service;
    this.caller = caller;
  }

  /** Body of {@code PUT /internships/{id}/attendance/{month}}. */
  public record MonthAttendance(
      @Schema(examples = "70", description = "Hours attended in the month")
          @NotNull
          @Min(0)
          @Max(744)
          Integer attendedHours) {}

  @GET
  @RolesAllowed({Role.PROMOTER, Role.CPI_OPERATOR, Role.AGENCY_ADMIN, Role.AUDITOR, Role.HOST})
  @Operation(
      operationId = "listAttendance",
      summary = "Attendance of an internship, month by month",
      description = "Planned hours (from the calendar), attended, per cent and threshold met.")
  public List<AttendanceView> list(@PathParam("id") UUID id) {
    int threshold = service.get(id, caller.get()).attendanceThresholdPercent;
    return service.attendance(id, caller.get()).stream()
        .map(a -> AttendanceView.of(a, threshold))
        .toList();
  }

  @PUT
  @Path("/{month}")
  @RolesAllowed({Role.PROMOTER, Role.HOST})
  @Operation(
      operationId = "recordAttendance",
      summary = "Enter or correct a month's attended hours",
      description =
          "By the host of the internship or its promoter. The planned hours are computed: the"
              + " weekly hours over the working days of the month inside the internship, without"
              + " Italian public holidays. Refused for a month outside the internship"
              + " (month-outside-internship), a month not yet ended (month-not-ended), hours above"
              + " the planned ones, and a confirmed month (attendance-confirmed). A correction"
              + " needs If-Match with the month's ETag.")
  @APIResponse(
      responseCode = "200",
      description = "Entered",
      content = @Content(schema = @Schema(implementation = AttendanceView.class)))
  @APIResponse(responseCode = "428", ref = "PreconditionRequired")
  public Response record(
      @PathParam("id") UUID id,
      @Parameter(example = "2026-12") @PathParam("month") String month,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Valid @NotNull MonthAttendance body) {
    AttendanceMonth a =
        service.recordAttendance(id, month(month), body.attendedHours(), ifMatch, caller.get());
    return withEtag(id, a);
  }

  @POST
  @Path("/{month}/confirmation")
  @Consumes(MediaType.WILDCARD) // an action without a body
  @RolesAllowed({Role.PROMOTER, Role.HOST})
  @Operation(
      operationId = "confirmAttendance",
      summary = "Confirm a month entered by the other party",
      description =
          "Emits it.percorsi.placement.attendance-recorded.v1, once; the month is then frozen."
              + " A second confirmation is attendance-confirmed (409).")
  @APIResponse(
      responseCode = "200",
      description = "Confirmed",
      content = @Content(schema = @Schema(implementation = AttendanceView.class)))
  public Response confirm(
      @PathParam("id") UUID id, @Parameter(example = "2026-12") @PathParam("month") String month) {
    return withEtag(id, service.confirmAttendance(id, month(month), caller.get()));
  }

  private Response withEtag(UUID id, AttendanceMonth a) {
    int threshold = service.get(id, caller.get()).attendanceThresholdPercent;
    return Response.ok(AttendanceView.of(a, threshold)).header(HttpHeaders.ETAG, a.etag()).build();
  }

  private static YearMonth month(String month) {
    try {
      if (month.matches("\\d{4}-\\d{2}")) {
        return YearMonth.parse(month);
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    throw ProblemException.invalid("month", "must be a month as yyyy-MM");
  }
}
