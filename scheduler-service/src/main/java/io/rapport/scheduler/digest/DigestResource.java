package io.rapport.scheduler.digest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.rapport.rest.ContentTags;
import io.rapport.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/api/v1/owners/{ownerId}/digest")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.REP, Roles.MANAGER, Roles.ADMIN })
@Tag(name = "Tasks")
@APIResponse(responseCode = "403", description = "Another rep's digest, or the integrator role",
        content = @Content(mediaType = "application/problem+json"))
public class DigestResource {

    private final DigestSubscriptions subscriptions;
    private final ContentTags contentTags;

    public DigestResource(DigestSubscriptions subscriptions, ContentTags contentTags) {
        this.subscriptions = subscriptions;
        this.contentTags = contentTags;
    }

    @GET
    @Operation(operationId = "getDigest", summary = "A rep's daily agenda email", description = "The settings and "
            + "how the latest digest went. A rep reads only their own.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DigestView.class)),
            headers = @Header(name = "ETag"))
    @APIResponse(responseCode = "404", description = "No digest was ever set for the rep",
            content = @Content(mediaType = "application/problem+json"))
    public Response get(@PathParam("ownerId") String owner) {
        return contentTags.ok(subscriptions.get(owner));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putDigest", summary = "Set a rep's daily agenda email", description = "Every day at "
            + "the given time of the rep's time zone, their agenda (overdue, today, coming up, with the reason of every "
            + "task) is emailed to the address; exactly one a day, none on an empty day unless sendWhenEmpty. A rep "
            + "sets only their own.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DigestView.class)),
            headers = @Header(name = "ETag"))
    @APIResponse(responseCode = "400", description = "Invalid settings; the problem lists the offending fields",
            content = @Content(mediaType = "application/problem+json"))
    public Response put(@PathParam("ownerId") String owner, @Valid @NotNull DigestInput input) {
        return contentTags.ok(subscriptions.put(owner, input));
    }
}
