package io.rapport.contacts.rest;

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

import io.rapport.contacts.Need;
import io.rapport.contacts.config.ContactsConfig;
import io.rapport.contacts.service.NeedService;
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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

@Path("/api/v1/contacts/{contactId}/needs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Needs and goals")
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "410", description = "The contact was erased",
        content = @Content(mediaType = "application/problem+json"))
@APIResponse(responseCode = "404", description = "No such contact or need, or not one the caller may see",
        content = @Content(mediaType = "application/problem+json"))
public class NeedResource {

    private static final String PROBLEM = "application/problem+json";

    private final NeedService needs;
    private final IdempotencyKeys idempotency;
    private final Caller caller;
    private final ContactsConfig config;

    public NeedResource(NeedService needs, IdempotencyKeys idempotency, Caller caller, ContactsConfig config) {
        this.needs = needs;
        this.idempotency = idempotency;
        this.caller = caller;
        this.config = config;
    }

    @GET
    @RolesAllowed({ Roles.REP, Roles.MANAGER, Roles.ADMIN, Roles.INTEGRATOR })
    @Operation(operationId = "listNeeds", summary = "The contact's needs and goals, oldest first",
            description = "Every need recorded for the contact, open or met, paged with a cursor.")
    @APIResponse(responseCode = "200", description = "One page of the needs, oldest first",
            content = @Content(schema = @Schema(implementation = NeedPage.class)))
    @APIResponse(responseCode = "400", description = "A limit over the maximum, or a cursor this API did not issue",
            content = @Content(mediaType = PROBLEM))
    public NeedPage list(@PathParam("contactId") UUID contactId,
            @Parameter(description = "Page size, at most 200",
                    schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50"))
            @QueryParam("limit") @DefaultValue("50") String limitText,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        int limit = QueryParams.limit(limitText, config.maxPageSize()); // text: "abc" is a 400, not a 404
        List<Need> page = needs.list(contactId, caller, limit, Cursor.decode(cursor));
        return new NeedPage(page.stream().map(NeedResponse::of).toList(),
                Cursor.next(page, limit, NeedService::cursorAfter));
    }

    @POST
    @RolesAllowed({ Roles.REP, Roles.MANAGER, Roles.ADMIN })
    @Operation(operationId = "createNeed",
            summary = "Record a need or goal", description = "Accepts an Idempotency-Key.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = NeedResponse.class)))
    @APIResponse(responseCode = "400", content = @Content(mediaType = PROBLEM))
    public Response create(@PathParam("contactId") UUID contactId, @Valid @NotNull NeedInput input,
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey, @Context UriInfo uriInfo) {
        return idempotency.execute(idempotencyKey, caller.userId(), "needs.create:" + contactId, input, () -> {
            Need need = needs.create(contactId, input, caller);
            return Response.created(uriInfo.getAbsolutePathBuilder().path(need.id.toString()).build())
                    .tag(Preconditions.etag(need.version))
                    .entity(NeedResponse.of(need))
                    .build();
        });
    }

    @GET
    @Path("/{needId}")
    @RolesAllowed({ Roles.REP, Roles.MANAGER, Roles.ADMIN, Roles.INTEGRATOR })
    @Operation(operationId = "getNeed", summary = "Get a need", description = "Its version is the ETag a change "
            + "needs in If-Match.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = NeedResponse.class)))
    public Response get(@PathParam("contactId") UUID contactId, @PathParam("needId") UUID needId) {
        Need need = needs.get(contactId, needId, caller);
        return Response.ok(NeedResponse.of(need)).tag(Preconditions.etag(need.version)).build();
    }

    @PATCH
    @Path("/{needId}")
    @Consumes({ JsonMergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON })
    @RolesAllowed({ Roles.REP, Roles.MANAGER, Roles.ADMIN })
    @Operation(operationId = "patchNeed", summary = "Change a need (JSON Merge Patch)", description = "Needs If-Match.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = NeedResponse.class)))
    @APIResponse(responseCode = "400", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "412", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "428", content = @Content(mediaType = PROBLEM))
    public Response patch(@PathParam("contactId") UUID contactId, @PathParam("needId") UUID needId,
            @NotNull JsonNode patch, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Need need = needs.patch(contactId, needId, patch, ifMatch, caller);
        return Response.ok(NeedResponse.of(need)).tag(Preconditions.etag(need.version)).build();
    }

    @DELETE
    @Path("/{needId}")
    @RolesAllowed({ Roles.REP, Roles.MANAGER, Roles.ADMIN })
    @Operation(operationId = "deleteNeed", summary = "Delete a need", description = "Needs If-Match.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "412", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "428", content = @Content(mediaType = PROBLEM))
    public void delete(@PathParam("contactId") UUID contactId, @PathParam("needId") UUID needId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        needs.delete(contactId, needId, ifMatch, caller);
    }
}
