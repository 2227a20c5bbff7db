package io.rapport.contacts.rest;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.rapport.contacts.Contact;
import io.rapport.contacts.mapping.ContactMapper;
import io.rapport.contacts.service.ContactService;
import io.rapport.security.Caller;
import io.rapport.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;

@Path("/api/v1/contacts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Contacts")
public class ContactResource {

    private final ContactService contacts;
    private final Caller caller;

    public ContactResource(ContactService contacts, Caller caller) {
        this.contacts = contacts;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({ Roles.REP, Roles.MANAGER, Roles.ADMIN })
    @Operation(summary = "Create a contact", description = "Publishes contact.created.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = ContactResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid contact; the problem lists the offending fields",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "A rep naming another owner, or a read-only role")
    public Response create(@Valid @NotNull NewContact request, @Context UriInfo uriInfo) {
        Contact contact = contacts.create(request, caller);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(contact.id.toString()).build())
                .tag(etag(contact))
                .entity(ContactMapper.toResponse(contact))
                .build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.REP, Roles.MANAGER, Roles.ADMIN, Roles.INTEGRATOR })
    @Operation(summary = "Get a contact")
    @APIResponse(responseCode = "200", description = "The contact; its version is the ETag",
            content = @Content(schema = @Schema(implementation = ContactResponse.class)))
    @APIResponse(responseCode = "404", description = "No such contact, or not one the caller may see",
            content = @Content(mediaType = "application/problem+json"))
    public Response get(@Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") UUID id) {
        Contact contact = contacts.get(id, caller);
        return Response.ok(ContactMapper.toResponse(contact)).tag(etag(contact)).build();
    }

    private static EntityTag etag(Contact contact) {
        return new EntityTag(Long.toString(contact.version));
    }
}
