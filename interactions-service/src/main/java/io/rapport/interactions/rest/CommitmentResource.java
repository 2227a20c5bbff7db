package io.rapport.interactions.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import io.rapport.interactions.Commitment;
import io.rapport.interactions.CommitmentStatus;
import io.rapport.interactions.config.InteractionsConfig;
import io.rapport.interactions.mapping.CommitmentMapper;
import io.rapport.interactions.service.CommitmentService;
import io.rapport.rest.Cursor;
import io.rapport.rest.JsonMergePatch;
import io.rapport.rest.Preconditions;
import io.rapport.rest.QueryParams;
import io.rapport.rest.idempotency.IdempotencyKeys;
import io.rapport.security.Caller;
import io.rapport.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

@Path("/api/v1/commitments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Commitments")
@APIResponse(responseCode = "401", description = "No valid bearer token")
public class CommitmentResource {

    private static final String PROBLEM = "application/problem+json";

    private final CommitmentService commitments;
    private final IdempotencyKeys idempotency;
    private final InteractionsConfig config;
    private final Caller caller;

    public CommitmentResource(CommitmentService commitments, IdempotencyKeys idempotency, InteractionsConfig config,
            Caller caller) {
        this.commitments = commitments;
        this.idempotency = idempotency;
        this.config = config;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({ Roles.REP, Roles.MANAGER, Roles.ADMIN })
    @Operation(operationId = "createCommitment",
            summary = "Record a commitment", description = "A promise to a contact, OPEN until fulfilled or "
            + "cancelled. The owner is the contact's owner. Publishes commitment.made. Accepts an Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Recorded; Location and ETag are set",
            content = @Content(schema = @Schema(implementation = CommitmentResponse.class)))
    @APIResponse(responseCode = "400", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "Another rep's contact, or a read-only role",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "The contact was erased, or merged (mergedInto names the survivor)",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "422", description = "Unknown contact, or Idempotency-Key reused with another body",
            content = @Content(mediaType = PROBLEM))
    public Response create(@Valid @NotNull CommitmentInput input,
            @Parameter(description = "Makes retries safe") @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @Context UriInfo uriInfo) {
        commitments.prepare(input); // may wait for contacts-service: before the transaction
        return idempotency.execute(idempotencyKey, caller.userId(), "commitments.create", input, () -> {
            Commitment commitment = commitments.create(input, caller);
            return Response.created(uriInfo.getAbsolutePathBuilder().path(commitment.id.toString()).build())
                    .tag(Preconditions.etag(commitment.version))
                    .entity(toResponse(commitment))
                    .build();
        });
    }

    @GET
    @RolesAllowed({ Roles.REP, Roles.MANAGER, Roles.ADMIN, Roles.INTEGRATOR })
    @Operation(operationId = "listCommitments",
            summary = "List commitments, soonest due first", description = "A rep sees only their own.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CommitmentPage.class)))
    @APIResponse(responseCode = "400", description = "An unknown filter value or cursor, or a limit over the maximum",
            content = @Content(mediaType = PROBLEM))
    public CommitmentPage list(
            @QueryParam("contactId") String contactId,
            @Parameter(description = "Only this rep's commitments") @QueryParam("owner") String owner,
            @Parameter(description = "OPEN, FULFILLED or CANCELLED") @QueryParam("status") String status,
            @Parameter(description = "true: only open ones past their due time; false: all others")
            @QueryParam("overdue") String overdue,
            @Parameter(description = "Due at or after (ISO-8601)",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("dueFrom") String dueFrom,
            @Parameter(description = "Due before (ISO-8601)",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("dueTo") String dueTo,
            @Parameter(description = "Page size, at most 200", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50"))
            @QueryParam("limit") @DefaultValue("50") String limitText,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        int limit = QueryParams.limit(limitText, config.maxPageSize()); // text: "abc" is a 400, not a 404
        Instant from = QueryParams.instant("dueFrom", dueFrom);
        Instant to = QueryParams.instant("dueTo", dueTo);
        QueryParams.period("from", from, "to", to);
        List<Commitment> page = commitments.find(new CommitmentService.Query(
                QueryParams.uuid("contactId", contactId),
                caller.ownerFilter(owner == null || owner.isBlank() ? null : owner.strip()),
                QueryParams.enumValue(CommitmentStatus.class, "status", status), QueryParams.bool("overdue", overdue),
                from, to, limit, Cursor.decode(cursor)));
        return new CommitmentPage(page.stream().map(this::toResponse).toList(),
                Cursor.next(page, limit, CommitmentService::cursorAfter));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.REP, Roles.MANAGER, Roles.ADMIN, Roles.INTEGRATOR })
    @Operation(operationId = "getCommitment", summary = "Get a commitment",
            description = "Its version is the ETag a change needs in If-Match.")
    @APIResponse(responseCode = "200", description = "The commitment; its version is the ETag",
            content = @Content(schema = @Schema(implementation = CommitmentResponse.class)))
    @APIResponse(responseCode = "404", description = "No such commitment, or not one the caller may see",
            content = @Content(mediaType = PROBLEM))
    public Response get(@PathParam("id") UUID id) {
        return withEtag(commitments.get(id, caller));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.REP, Roles.MANAGER, Roles.ADMIN })
    @Operation(operationId = "replaceCommitment",
            summary = "Replace an open commitment", description = "Needs If-Match. Only an OPEN commitment "
            + "changes (else 409); the contact cannot change. The new terms are published as commitment.made with a "
            + "higher version.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CommitmentResponse.class)))
    @APIResponse(responseCode = "400", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "Fulfilled or cancelled: final", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "412", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "428", content = @Content(mediaType = PROBLEM))
    public Response replace(@PathParam("id") UUID id, @Valid @NotNull CommitmentInput input,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withEtag(commitments.replace(id, input, ifMatch, caller));
    }

    @PATCH
    @Path("/{id}")
    @Consumes({ JsonMergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON })
    @RolesAllowed({ Roles.REP, Roles.MANAGER, Roles.ADMIN })
    @Operation(operationId = "patchCommitment",
            summary = "Change part of an open commitment (JSON Merge Patch, RFC 7396)",
            description = "Needs If-Match. Validated like a PUT.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CommitmentResponse.class)))
    @APIResponse(responseCode = "400", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "412", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "428", content = @Content(mediaType = PROBLEM))
    public Response patch(@PathParam("id") UUID id, @NotNull JsonNode patch,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withEtag(commitments.patch(id, patch, ifMatch, caller));
    }

    @POST
    @Path("/{id}/fulfil")
    @RolesAllowed({ Roles.REP, Roles.MANAGER, Roles.ADMIN })
    @Operation(operationId = "fulfilCommitment",
            summary = "Mark a commitment kept", description = "Needs If-Match. Only an OPEN commitment can be "
            + "fulfilled; fulfilled and cancelled are final (409): a renewed promise is a new commitment. "
            + "Publishes commitment.fulfilled.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CommitmentResponse.class)))
    @APIResponse(responseCode = "400", description = "fulfilledAt in the future", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "Not OPEN", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "412", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "428", content = @Content(mediaType = PROBLEM))
    public Response fulfil(@PathParam("id") UUID id,
            @RequestBody(required = false, description = "Absent: kept now") @Valid FulfilRequest request,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withEtag(commitments.fulfil(id, request == null ? null : request.fulfilledAt(), ifMatch, caller));
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({ Roles.REP, Roles.MANAGER, Roles.ADMIN })
    @Operation(operationId = "cancelCommitment",
            summary = "Withdraw a commitment", description = "Needs If-Match and a reason. Only an OPEN "
            + "commitment can be cancelled (409 otherwise). Publishes commitment.cancelled.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CommitmentResponse.class)))
    @APIResponse(responseCode = "400", description = "No reason", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "Not OPEN", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "412", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "428", content = @Content(mediaType = PROBLEM))
    public Response cancel(@PathParam("id") UUID id, @Valid @NotNull CancelRequest request,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withEtag(commitments.cancel(id, request.reason(), ifMatch, caller));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({ Roles.REP, Roles.MANAGER, Roles.ADMIN })
    @Operation(operationId = "deleteCommitment",
            summary = "Delete a commitment recorded by mistake", description = "Needs If-Match. An OPEN one is "
            + "announced as commitment.cancelled with the reason 'deleted', so its reminders stop.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "412", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "428", content = @Content(mediaType = PROBLEM))
    public void delete(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        commitments.delete(id, ifMatch, caller);
    }

    private Response withEtag(Commitment commitment) {
        return Response.ok(toResponse(commitment)).tag(Preconditions.etag(commitment.version)).build();
    }

    private CommitmentResponse toResponse(Commitment commitment) {
        return CommitmentMapper.toResponse(commitment, commitments.now());
    }
}
