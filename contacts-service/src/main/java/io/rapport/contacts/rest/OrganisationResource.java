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

import io.rapport.contacts.Organisation;
import io.rapport.contacts.config.ContactsConfig;
import io.rapport.contacts.service.OrganisationService;
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

@Path("/api/v1/organisations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Organisations")
@APIResponse(responseCode = "401", description = "No valid bearer token")
public class OrganisationResource {

    private static final String PROBLEM = "application/problem+json";

    private final OrganisationService organisations;
    private final IdempotencyKeys idempotency;
    private final ContactsConfig config;
    private final Caller caller;

    public OrganisationResource(OrganisationService organisations, IdempotencyKeys idempotency,
            ContactsConfig config, Caller caller) {
        this.organisations = organisations;
        this.idempotency = idempotency;
        this.config = config;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({ Roles.REP, Roles.MANAGER, Roles.ADMIN })
    @Operation(operationId = "createOrganisation",
            summary = "Create an organisation", description = "Accepts an Idempotency-Key.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = OrganisationResponse.class)))
    @APIResponse(responseCode = "400", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with a different body",
            content = @Content(mediaType = PROBLEM))
    public Response create(@Valid @NotNull OrganisationInput input,
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey, @Context UriInfo uriInfo) {
        return idempotency.execute(idempotencyKey, caller.userId(), "organisations.create", input, () -> {
            Organisation organisation = organisations.create(input);
            return Response.created(uriInfo.getAbsolutePathBuilder().path(organisation.id.toString()).build())
                    .tag(Preconditions.etag(organisation.version))
                    .entity(toResponse(organisation))
                    .build();
        });
    }

    @GET
    @RolesAllowed({ Roles.REP, Roles.MANAGER, Roles.ADMIN, Roles.INTEGRATOR })
    @Operation(operationId = "listOrganisations",
            summary = "List organisations by name", description = "'q' matches every word as a prefix of the name.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = OrganisationPage.class)))
    @APIResponse(responseCode = "400", content = @Content(mediaType = PROBLEM))
    public OrganisationPage list(@QueryParam("q") String text,
            @Parameter(description = "Page size, at most 200", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50"))
            @QueryParam("limit") @DefaultValue("50") String limitText,
            @QueryParam("cursor") String cursor) {
        int limit = QueryParams.limit(limitText, config.maxPageSize()); // text: "abc" is a 400, not a 404
        List<Organisation> page = organisations.list(text, limit, Cursor.decode(cursor));
        return new OrganisationPage(page.stream().map(OrganisationResource::toResponse).toList(),
                Cursor.next(page, limit, OrganisationService::cursorAfter));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.REP, Roles.MANAGER, Roles.ADMIN, Roles.INTEGRATOR })
    @Operation(operationId = "getOrganisation", summary = "Get an organisation",
            description = "Its version is the ETag a change needs in If-Match.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = OrganisationResponse.class)))
    @APIResponse(responseCode = "404", content = @Content(mediaType = PROBLEM))
    public Response get(@PathParam("id") UUID id) {
        return withEtag(organisations.get(id));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.REP, Roles.MANAGER, Roles.ADMIN })
    @Operation(operationId = "replaceOrganisation",
            summary = "Replace an organisation", description = "Needs If-Match.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = OrganisationResponse.class)))
    @APIResponse(responseCode = "412", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "428", content = @Content(mediaType = PROBLEM))
    public Response replace(@PathParam("id") UUID id, @Valid @NotNull OrganisationInput input,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withEtag(organisations.replace(id, input, ifMatch));
    }

    @PATCH
    @Path("/{id}")
    @Consumes({ JsonMergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON })
    @RolesAllowed({ Roles.REP, Roles.MANAGER, Roles.ADMIN })
    @Operation(operationId = "patchOrganisation",
            summary = "Change part of an organisation (JSON Merge Patch)", description = "Needs If-Match.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = OrganisationResponse.class)))
    @APIResponse(responseCode = "400", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "412", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "428", content = @Content(mediaType = PROBLEM))
    public Response patch(@PathParam("id") UUID id, @NotNull JsonNode patch,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withEtag(organisations.patch(id, patch, ifMatch));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({ Roles.MANAGER, Roles.ADMIN })
    @Operation(operationId = "deleteOrganisation",
            summary = "Delete an organisation no contact works for", description = "Needs If-Match.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "Contacts still work for it", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "412", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "428", content = @Content(mediaType = PROBLEM))
    public void delete(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        organisations.delete(id, ifMatch);
    }

    private static Response withEtag(Organisation organisation) {
        return Response.ok(toResponse(organisation)).tag(Preconditions.etag(organisation.version)).build();
    }

    private static OrganisationResponse toResponse(Organisation organisation) {
        return new OrganisationResponse(organisation.id, organisation.version, organisation.name, organisation.domain,
                organisation.industry, organisation.createdAt, organisation.updatedAt);
    }
}
