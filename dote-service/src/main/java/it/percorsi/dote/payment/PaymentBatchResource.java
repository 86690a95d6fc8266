package it.percorsi.dote.payment;

import it.percorsi.dote.ledger.BudgetLine;
import it.percorsi.platform.caller.Caller;
import it.percorsi.platform.caller.CurrentCaller;
import it.percorsi.platform.caller.Role;
import it.percorsi.platform.idempotency.Creation;
import it.percorsi.platform.idempotency.Idempotency;
import it.percorsi.platform.problem.Problem;
import it.percorsi.platform.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * SEPA credit-transfer batches of authorised disbursements: created, downloaded and settled by the
 * agency; read by the agency and auditors. The file holds the payees' IBANs and names: the agency
 * only.
 */
@Path("/disbursements/batches")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "payments")
@SecurityRequirement(name = "bearer")
public class PaymentBatchResource {

  private final PaymentBatches batches;
  private final CurrentCaller caller;
  private final Creation creation;

  public PaymentBatchResource(PaymentBatches batches, CurrentCaller caller, Creation creation) {
    this.batches = batches;
    this.caller = caller;
    this.creation = creation;
  }

  /** Which authorised disbursements of a programme to pay; an absent period or line means any. */
  public record CreateBatch(
      @Schema(examples = "GARANZIA-MSNA-2026") @NotBlank @Size(max = 60) String programmeCode,
      @Schema(examples = "2026-03", description = "The month of an allowance, or a period id")
          @Size(max = 60)
          String period,
      @Schema(
              examples = "PARTICIPANT_ALLOWANCE",
              description = "PARTICIPANT_ALLOWANCE, HOST_CONTRIBUTION or PROMOTER_SERVICES")
          @Pattern(
              regexp = "PARTICIPANT_ALLOWANCE|HOST_CONTRIBUTION|PROMOTER_SERVICES",
              message = "must be PARTICIPANT_ALLOWANCE, HOST_CONTRIBUTION or PROMOTER_SERVICES")
          String line,
      @Schema(examples = "2026-04-10", description = "Defaults to today")
          LocalDate requestedExecutionDate) {}

  /** The agency's own word on one transfer. */
  public record Confirmation(
      @Schema(examples = "0d5c3d1e8c2f4a3b9d7e6f5a4b3c2d1e") @NotBlank @Size(max = 35)
          String endToEndId,
      @Schema(examples = "PAID", description = "PAID or REJECTED")
          @NotNull
          @Pattern(regexp = "PAID|REJECTED", message = "must be PAID or REJECTED")
          String outcome,
      @Schema(examples = "AC04 closed account", description = "Required for REJECTED")
          @Size(max = 500)
          String reason) {}

  /** Several confirmations. */
  public record Confirmations(
      @NotEmpty @Size(max = 5000) List<@Valid @NotNull Confirmation> items) {}

  @POST
  @RolesAllowed(Role.AGENCY_ADMIN)
  @Operation(
      operationId = "createPaymentBatch",
      summary = "Create a SEPA credit-transfer batch of authorised disbursements (agency)",
      description =
          "Takes the programme's authorised disbursements matching the filters, reads the payees' accounts"
              + " from participant-service, placement-service and the promoter registry, leaves"
              + " out (and lists) those whose payee has no account, and writes a pain.001.001.09"
              + " validated against the ISO 20022 schema. Each included disbursement becomes"
              + " BATCHED (disbursement.batched). With an Idempotency-Key a retry returns the"
              + " first answer.")
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content = @Content(schema = @Schema(implementation = PaymentBatchView.class)))
  public Response create(
      @Valid @NotNull CreateBatch request,
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @Parameter(description = "Any unique string, up to 255 visible ASCII characters")
          @HeaderParam(Idempotency.HEADER)
          String idempotencyKey,
      UriInfo uri) {
    Caller c = caller.get();
    return creation.respond(
        c,
        idempotencyKey,
        uri,
        request,
        () -> {
          PaymentBatch b =
              batches.create(
                  new PaymentBatches.Selection(
                      request.programmeCode().strip(),
                      blankToNull(request.period()),
                      request.line() == null ? null : BudgetLine.Kind.valueOf(request.line())),
                  request.requestedExecutionDate(),
                  c,
                  authorization);
          return new Creation.Created(batches.view(b.id), b.id.toString(), null);
        },
        id -> batches.get(UUID.fromString(id)));
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Role.AGENCY_ADMIN, Role.AUDITOR})
  @Operation(
      operationId = "getPaymentBatch",
      summary = "Read a payment batch, its transfers and what it left out")
  public PaymentBatchView get(@PathParam("id") UUID id) {
    return batches.view(id);
  }

  @GET
  @Path("/{id}/file")
  @Produces(MediaType.APPLICATION_XML)
  @RolesAllowed(Role.AGENCY_ADMIN)
  @Operation(
      operationId = "getPaymentBatchFile",
      summary = "Download the batch's pain.001.001.09 (agency)",
      description = "The file as given to the bank; it holds the payees' names and IBANs.")
  @APIResponse(
      responseCode = "200",
      description = "The ISO 20022 customer credit-transfer initiation",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_XML,
              schema =
                  @Schema(
                      type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)))
  public Response file(@PathParam("id") UUID id) {
    PaymentBatch b = batches.get(id);
    return Response.ok(b.file, MediaType.APPLICATION_XML_TYPE)
        .header("Content-Disposition", "attachment; filename=\"" + b.messageId + ".pain.001.xml\"")
        .build();
  }

  @POST
  @Path("/{id}/status-reports")
  // Any type reaches the method, so that the role check comes first; XML is checked there.
  @Consumes(MediaType.WILDCARD)
  @RolesAllowed(Role.AGENCY_ADMIN)
  @Operation(
      operationId = "uploadPaymentStatusReport",
      summary = "Upload the bank's pain.002.001.10 status report for the batch (agency)",
      description =
          "Validated against the ISO 20022 schema; it must answer this batch's message. ACSC or"
              + " ACCC marks a transfer paid (disbursement.paid), RJCT rejected: the disbursement"
              + " is authorised again with the reason (disbursement.rejected). A transfer already"
              + " settled is left as it is, so uploading a report again changes nothing.")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_XML,
              schema =
                  @Schema(
                      type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)))
  public PaymentBatches.Settlement statusReport(
      @PathParam("id") UUID id,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      String xml) {
    String type = contentType == null ? "" : contentType.split(";")[0].strip();
    if (!type.equalsIgnoreCase(MediaType.APPLICATION_XML)
        && !type.equalsIgnoreCase(MediaType.TEXT_XML)) {
      throw new ProblemException(
          Problem.of(
              "unsupported-media-type",
              "Unsupported media type",
              415,
              "A status report is a pain.002.001.10 document: Content-Type application/xml"));
    }
    if (xml == null || xml.isBlank()) {
      throw ProblemException.invalid("body", "must be a pain.002.001.10 document");
    }
    return batches.applyStatusReport(id, xml, caller.get());
  }

  @POST
  @Path("/{id}/confirmations")
  @RolesAllowed(Role.AGENCY_ADMIN)
  @Operation(
      operationId = "confirmPaymentBatchTransfers",
      summary = "Confirm transfers of the batch as paid or rejected (agency)",
      description =
          "For a bank that sends no status report: the same effect as one. A transfer already"
              + " settled is left as it is.")
  public PaymentBatches.Settlement confirm(
      @PathParam("id") UUID id, @Valid @NotNull Confirmations body) {
    List<PaymentBatches.Outcome> outcomes =
        body.items().stream()
            .map(
                c -> {
                  boolean rejected = c.outcome().equals("REJECTED");
                  if (rejected && (c.reason() == null || c.reason().isBlank())) {
                    throw ProblemException.invalid("items.reason", "is required for REJECTED");
                  }
                  return new PaymentBatches.Outcome(
                      c.endToEndId(),
                      rejected ? Transfer.Status.REJECTED : Transfer.Status.PAID,
                      rejected ? c.reason().strip() : null);
                })
            .toList();
    return batches.confirm(id, outcomes, caller.get());
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
