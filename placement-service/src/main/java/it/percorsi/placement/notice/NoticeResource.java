package it.percorsi.placement.notice;

import it.percorsi.platform.caller.Caller;
import it.percorsi.platform.caller.CurrentCaller;
import it.percorsi.platform.caller.Role;
import it.percorsi.platform.problem.Problem;
import it.percorsi.platform.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Uploads of UNILAV notices, and their reports. */
@Path("/hires/notices")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "hires")
@SecurityRequirement(name = "bearer")
public class NoticeResource {

  static final String ZIP = "application/zip";
  static final Set<String> ACCEPTED = Set.of(ZIP, MediaType.APPLICATION_XML, MediaType.TEXT_XML);

  private final NoticeImport imports;
  private final CurrentCaller caller;

  public NoticeResource(NoticeImport imports, CurrentCaller caller) {
    this.imports = imports;
    this.caller = caller;
  }

  @POST
  // Any type reaches the method, so that the role check answers first; the method takes only these.
  @Consumes(MediaType.WILDCARD)
  @RolesAllowed({Role.AGENCY_ADMIN, Role.INTEGRATOR})
  @Operation(
      operationId = "uploadHireNotices",
      summary = "Upload UNILAV notices",
      description =
          "One UNILAV XML file (root UniLav, or UniLavFile holding several UniLav) or a zip of"
              + " many, streamed. Answers at once with the batch (202); its progress and report"
              + " at GET /hires/notices/{batchId}. Each notice about a participant becomes a hire,"
              + " an extension, a transformation or an end of employment (source NOTICE), or"
              + " confirms an internship's start (C.01.00); notices about anyone else are counted"
              + " and dropped. A notice already applied (same code) changes nothing, so an upload"
              + " can be repeated. An invalid notice is reported with its position and reason,"
              + " the others are applied. By the agency or an integrator.")
  @RequestBody(
      content = {
        @Content(mediaType = ZIP, schema = @Schema(type = SchemaType.STRING, format = "binary")),
        @Content(
            mediaType = MediaType.APPLICATION_XML,
            schema = @Schema(type = SchemaType.STRING, format = "binary")),
        @Content(
            mediaType = MediaType.TEXT_XML,
            schema = @Schema(type = SchemaType.STRING, format = "binary"))
      })
  @APIResponse(
      responseCode = "202",
      description = "Queued",
      content = @Content(schema = @Schema(implementation = NoticeBatchView.class)))
  public Response upload(
      InputStream body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, UriInfo uri)
      throws IOException {
    String type = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase();
    if (!ACCEPTED.contains(type)) {
      throw new ProblemException(
          Problem.of(
              "unsupported-media-type",
              "Unsupported media type",
              415,
              "Notices are uploaded as application/zip, application/xml or text/xml"));
    }
    Caller c = caller.get();
    NoticeBatch b = imports.upload(body, "upload.xml", c);
    return Response.accepted(NoticeBatchView.of(b, List.of()))
        .location(uri.getBaseUriBuilder().path("hires/notices/{id}").build(b.id))
        .build();
  }

  @GET
  @Path("/{batchId}")
  @RolesAllowed({Role.AGENCY_ADMIN, Role.INTEGRATOR, Role.AUDITOR})
  @Operation(
      operationId = "getHireNoticeBatch",
      summary = "Progress and report of an upload of UNILAV notices",
      description = "For the organisation that uploaded it, the agency and auditors.")
  @APIResponse(
      responseCode = "200",
      description = "The batch",
      content = @Content(schema = @Schema(implementation = NoticeBatchView.class)))
  public NoticeBatchView get(@PathParam("batchId") UUID batchId) {
    return imports.report(batchId, caller.get());
  }
}
