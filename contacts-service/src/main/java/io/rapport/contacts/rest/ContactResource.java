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

import io.rapport.contacts.Contact;
import io.rapport.contacts.LifecycleStage;
import io.rapport.contacts.config.ContactsConfig;
import io.rapport.contacts.mapping.ContactMapper;
import io.rapport.contacts.service.ContactQuery;
import io.rapport.contacts.service.ContactSearch;
import io.rapport.contacts.service.ContactService;
import io.rapport.contacts.service.ContactSort;
import io.rapport.contacts.service.PrivacyService;
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

@Path("/api/v1/contacts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Contacts")
@APIResponse(responseCode = "401", description = "No valid bearer token")
public class ContactResource {

    private static final String PROBLEM = "application/problem+json";

    private final ContactService contacts;
    private final PrivacyService privacy;
    private final ContactSearch search;
    private final IdempotencyKeys idempotency;
    private final ContactsConfig config;
    private final Caller caller;

    public ContactResource(ContactService contacts, PrivacyService privacy, ContactSearch search,
            IdempotencyKeys idempotency, ContactsConfig config, Caller caller) {
        this.contacts = contacts;
        this.privacy = privacy;
        this.search = search;
        this.idempotency = idempotency;
        this.config = config;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({ Roles.REP, Roles.MANAGER, Roles.ADMIN })
    @Operation(operationId = "createContact",
            summary = "Create a contact", description = "Publishes contact.created. With an Idempotency-Key, a "
            + "retry gets the first response again; the same key with another body is 422.")
    @APIResponse(responseCode = "201", description = "Created; Location and ETag are set",
            content = @Content(schema = @Schema(implementation = ContactResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid contact; the problem lists the offending fields",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "A rep naming another owner, or a read-only role",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with a different body",
            content = @Content(mediaType = PROBLEM))
    public Response create(@Valid @NotNull ContactInput input,
            @Parameter(description = "Makes retries safe") @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @Context UriInfo uriInfo) {
        return idempotency.execute(idempotencyKey, caller.userId(), "contacts.create", input, () -> {
            Contact contact = contacts.create(input, caller);
            return Response.created(uriInfo.getAbsolutePathBuilder().path(contact.id.toString()).build())
                    .tag(Preconditions.etag(contact.version))
                    .entity(toResponse(contact))
                    .build();
        });
    }

    @GET
    @RolesAllowed({ Roles.REP, Roles.MANAGER, Roles.ADMIN, Roles.INTEGRATOR })
    @Operation(operationId = "listContacts", summary = "List and search contacts",
            description = "A rep sees only their own contacts. 'q' searches names, title, emails, organisation, "
                    + "tags and notes, matching every word as a prefix.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ContactPage.class)))
    @APIResponse(responseCode = "400", description = "An unknown filter value, sort or cursor, or a limit over the maximum",
            content = @Content(mediaType = PROBLEM))
    public ContactPage list(
            @Parameter(description = "Words to search for") @QueryParam("q") String text,
            @Parameter(description = "Only this rep's contacts") @QueryParam("owner") String owner,
            @QueryParam("tag") String tag,
            @Parameter(description = "PROSPECT, ACTIVE_CUSTOMER, AT_RISK or FORMER") @QueryParam("stage") String stage,
            @QueryParam("organisationId") String organisationId,
            @Parameter(description = "name (default), -name, createdAt, -createdAt, updatedAt, -updatedAt")
            @QueryParam("sort") String sort,
            @Parameter(description = "Page size, at most 200", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50"))
            @QueryParam("limit") @DefaultValue("50") String limitText,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        int limit = QueryParams.limit(limitText, config.maxPageSize()); // text: "abc" is a 400, not a 404
        ContactSort order = ContactSort.fromParameter(sort);
        ContactQuery query = new ContactQuery(text, caller.ownerFilter(owner), blankToNull(tag),
                QueryParams.enumValue(LifecycleStage.class, "stage", stage),
                QueryParams.uuid("organisationId", organisationId), order, limit, Cursor.decode(cursor));
        List<Contact> page = search.find(query);
        return new ContactPage(page.stream().map(this::toResponse).toList(),
                Cursor.next(page, limit, contact -> ContactSearch.cursorAfter(contact, order)));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.REP, Roles.MANAGER, Roles.ADMIN, Roles.INTEGRATOR })
    @Operation(operationId = "getContact", summary = "Get a contact", description = "Its version is the ETag a "
            + "change needs in If-Match. A merged contact answers 404 naming the survivor, an erased one 410.")
    @APIResponse(responseCode = "200", description = "The contact; its version is the ETag",
            content = @Content(schema = @Schema(implementation = ContactResponse.class)))
    @APIResponse(responseCode = "404", description = "No such contact, or not one the caller may see",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "410", description = "The contact was erased", content = @Content(mediaType = PROBLEM))
    public Response get(@PathParam("id") UUID id) {
        return withEtag(contacts.get(id, caller));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.REP, Roles.MANAGER, Roles.ADMIN })
    @Operation(operationId = "replaceContact",
            summary = "Replace a contact", description = "Needs If-Match with the ETag of the version replaced. "
            + "Publishes contact.updated when something changed. Changing the owner is a manager's action.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ContactResponse.class)))
    @APIResponse(responseCode = "400", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "No such contact, or merged into another (mergedInto names it)",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "410", description = "The contact was erased", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "412", description = "The contact changed since that ETag", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = PROBLEM))
    public Response replace(@PathParam("id") UUID id, @Valid @NotNull ContactInput input,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withEtag(contacts.replace(id, input, ifMatch, caller));
    }

    @PATCH
    @Path("/{id}")
    @Consumes({ JsonMergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON })
    @RolesAllowed({ Roles.REP, Roles.MANAGER, Roles.ADMIN })
    @Operation(operationId = "patchContact", summary = "Change part of a contact (JSON Merge Patch, RFC 7396)",
            description = "Members present replace, null removes. Needs If-Match. The result is validated like a PUT.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ContactResponse.class)))
    @APIResponse(responseCode = "400", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "No such contact, or merged into another (mergedInto names it)",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "410", description = "The contact was erased", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "412", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "428", content = @Content(mediaType = PROBLEM))
    public Response patch(@PathParam("id") UUID id, @NotNull JsonNode patch,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withEtag(contacts.patch(id, patch, ifMatch, caller));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "eraseContact", summary = "Erase a contact (GDPR art. 17)",
            description = "Removes the contact and everything personal attached to it; the id then answers 410. "
                    + "Needs If-Match. Publishes contact.erased, on which every service purges its data.")
    @APIResponse(responseCode = "204", description = "Erased")
    @APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "410", description = "Erased already", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "412", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "428", content = @Content(mediaType = PROBLEM))
    public void erase(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        privacy.erase(id, ifMatch, caller);
    }

    private Response withEtag(Contact contact) {
        return Response.ok(toResponse(contact)).tag(Preconditions.etag(contact.version)).build();
    }

    private ContactResponse toResponse(Contact contact) {
        return ContactMapper.toResponse(contact, contacts.effectiveCadence(contact));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
