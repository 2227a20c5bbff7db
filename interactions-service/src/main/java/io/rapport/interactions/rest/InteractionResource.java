package io.rapport.interactions.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import io.rapport.interactions.Direction;
import io.rapport.interactions.Interaction;
import io.rapport.interactions.InteractionSource;
import io.rapport.interactions.InteractionType;
import io.rapport.interactions.config.InteractionsConfig;
import io.rapport.interactions.mapping.InteractionMapper;
import io.rapport.interactions.service.InteractionService;
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

@Path("/api/v1/interactions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Interactions")
@APIResponse(responseCode = "401", description = "No valid bearer token")
public class InteractionResource {

    private static final String PROBLEM = "application/problem+json";

    private final InteractionService interactions;
    private final IdempotencyKeys idempotency;
    private final InteractionsConfig config;
    private final Caller caller;

    public InteractionResource(InteractionService interactions, IdempotencyKeys idempotency,
            InteractionsConfig config, Caller caller) {
        this.interactions = interactions;
        this.idempotency = idempotency;
        this.config = config;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({ Roles.REP, Roles.MANAGER, Roles.ADMIN })
    @Operation(operationId = "createInteraction",
            summary = "Log an interaction", description = "The owner is the contact's owner: a rep logs only for "
            + "contacts they own. Publishes interaction.logged. With an Idempotency-Key, a retry gets the first "
            + "response again; the same key with another body is 422.")
    @APIResponse(responseCode = "201", description = "Logged; Location and ETag are set",
            content = @Content(schema = @Schema(implementation = InteractionResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid interaction; the problem lists the offending fields",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "Another rep's contact, or a read-only role",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "The contact was erased, or merged (mergedInto names the survivor)",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "422", description = "Unknown contact, or Idempotency-Key reused with another body",
            content = @Content(mediaType = PROBLEM))
    public Response create(@Valid @NotNull InteractionInput input,
            @Parameter(description = "Makes retries safe") @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @Context UriInfo uriInfo) {
        interactions.prepare(input); // may wait for contacts-service: before the transaction
        return idempotency.execute(idempotencyKey, caller.userId(), "interactions.create", input, () -> {
            Interaction interaction = interactions.create(input, caller);
            return Response.created(uriInfo.getAbsolutePathBuilder().path(interaction.id.toString()).build())
                    .tag(Preconditions.etag(interaction.version))
                    .entity(InteractionMapper.toResponse(interaction))
                    .build();
        });
    }

    @GET
    @RolesAllowed({ Roles.REP, Roles.MANAGER, Roles.ADMIN, Roles.INTEGRATOR })
    @Operation(operationId = "listInteractions",
            summary = "List interactions, newest first", description = "A rep sees only their own.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = InteractionPage.class)))
    @APIResponse(responseCode = "400", description = "An unknown filter value or cursor, or a limit over the maximum",
            content = @Content(mediaType = PROBLEM))
    public InteractionPage list(
            @QueryParam("contactId") String contactId,
            @Parameter(description = "Only this rep's interactions") @QueryParam("owner") String owner,
            @Parameter(description = "CALL, EMAIL, MEETING, VIDEO_CALL, MESSAGE, NOTE, SOCIAL, EVENT or VALUE_ADD")
            @QueryParam("type") String type,
            @Parameter(description = "INBOUND, OUTBOUND or INTERNAL") @QueryParam("direction") String direction,
            @Parameter(description = "true: only inbound interactions awaiting a reply")
            @QueryParam("requiresResponse") String requiresResponse,
            @Parameter(description = "MANUAL (logged through the API) or CAPTURED (from the rep's mailbox)")
            @QueryParam("source") String source,
            @Parameter(description = "Occurred at or after (ISO-8601)",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("from") String from,
            @Parameter(description = "Occurred before (ISO-8601)",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("to") String to,
            @Parameter(description = "Page size, at most 200", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50"))
            @QueryParam("limit") @DefaultValue("50") String limitText,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        int limit = QueryParams.limit(limitText, config.maxPageSize()); // text: "abc" is a 400, not a 404
        Instant fromTime = QueryParams.instant("from", from);
        Instant toTime = QueryParams.instant("to", to);
        QueryParams.period("from", fromTime, "to", toTime);
        List<Interaction> page = interactions.find(new InteractionService.Query(
                QueryParams.uuid("contactId", contactId), caller.ownerFilter(blankToNull(owner)),
                QueryParams.enumValue(InteractionType.class, "type", type),
                QueryParams.enumValue(Direction.class, "direction", direction),
                QueryParams.bool("requiresResponse", requiresResponse),
                QueryParams.enumValue(InteractionSource.class, "source", source), fromTime, toTime, limit,
                Cursor.decode(cursor)));
        return new InteractionPage(page.stream().map(InteractionMapper::toResponse).toList(),
                Cursor.next(page, limit, InteractionService::cursorAfter));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.REP, Roles.MANAGER, Roles.ADMIN, Roles.INTEGRATOR })
    @Operation(operationId = "getInteraction", summary = "Get an interaction",
            description = "Its version is the ETag a change needs in If-Match.")
    @APIResponse(responseCode = "200", description = "The interaction; its version is the ETag",
            content = @Content(schema = @Schema(implementation = InteractionResponse.class)))
    @APIResponse(responseCode = "404", description = "No such interaction, or not one the caller may see",
            content = @Content(mediaType = PROBLEM))
    public Response get(@PathParam("id") UUID id) {
        return withEtag(interactions.get(id, caller));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.REP, Roles.MANAGER, Roles.ADMIN })
    @Operation(operationId = "replaceInteraction",
            summary = "Replace an interaction", description = "Needs If-Match with the ETag of the version "
            + "replaced. The contact cannot change. Publishes interaction.updated when something changed.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = InteractionResponse.class)))
    @APIResponse(responseCode = "400", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "412", description = "The interaction changed since that ETag",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = PROBLEM))
    public Response replace(@PathParam("id") UUID id, @Valid @NotNull InteractionInput input,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withEtag(interactions.replace(id, input, ifMatch, caller));
    }

    @PATCH
    @Path("/{id}")
    @Consumes({ JsonMergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON })
    @RolesAllowed({ Roles.REP, Roles.MANAGER, Roles.ADMIN })
    @Operation(operationId = "patchInteraction", summary = "Change part of an interaction (JSON Merge Patch, RFC 7396)",
            description = "Members present replace, null removes. Needs If-Match. The result is validated like a PUT.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = InteractionResponse.class)))
    @APIResponse(responseCode = "400", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "412", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "428", content = @Content(mediaType = PROBLEM))
    public Response patch(@PathParam("id") UUID id, @NotNull JsonNode patch,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withEtag(interactions.patch(id, patch, ifMatch, caller));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({ Roles.REP, Roles.MANAGER, Roles.ADMIN })
    @Operation(operationId = "deleteInteraction",
            summary = "Delete an interaction", description = "Needs If-Match. Commitments made in it stay, no "
            + "longer linked to it. Publishes interaction.deleted.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "412", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "428", content = @Content(mediaType = PROBLEM))
    public void delete(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        interactions.delete(id, ifMatch, caller);
    }

    private static Response withEtag(Interaction interaction) {
        return Response.ok(InteractionMapper.toResponse(interaction)).tag(Preconditions.etag(interaction.version))
                .build();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
