package io.rapport.interactions.rest;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.rapport.interactions.Mailbox;
import io.rapport.interactions.service.MailboxService;
import io.rapport.interactions.service.MailboxService.Connection;
import io.rapport.security.Caller;
import io.rapport.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** The reps' mailboxes, connected for capture: every email with a client becomes an interaction. */
@Path("/api/v1/mailboxes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Capture")
@RolesAllowed({ Roles.REP, Roles.MANAGER, Roles.ADMIN })
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "An integrator, or a rep acting on another rep's mailbox")
public class MailboxResource {

    private final MailboxService mailboxes;
    private final Caller caller;

    public MailboxResource(MailboxService mailboxes, Caller caller) {
        this.mailboxes = mailboxes;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "connectMailbox", summary = "Connect a mailbox for capture",
            description = "The login is tried first: a refused one is 422 quoting the server. The password is then "
                    + "stored sealed with RAPPORT_SECRETS_KEY and never answered. A rep connects their own mailbox, "
                    + "an admin anyone's.")
    @APIResponse(responseCode = "201", description = "Connected; capture starts (SYNCING)",
            content = @Content(schema = @Schema(implementation = MailboxView.class)))
    @APIResponse(responseCode = "409", description = "The owner has this account connected already (mailboxId "
            + "names it)")
    @APIResponse(responseCode = "422", description = "The server refused the login (its reason quoted), could not be "
            + "reached over encrypted IMAP, or is on a private address")
    public Response connect(@Valid @NotNull MailboxInput input, @Context UriInfo uriInfo) {
        Mailbox mailbox = mailboxes.connect(new Connection(input.owner(), input.host().strip(), input.port(),
                input.security(), input.username(), input.password(), input.inboxFolder(), input.sentFolder()),
                caller);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(mailbox.id.toString()).build())
                .entity(MailboxView.of(mailbox)).build();
    }

    @GET
    @Operation(operationId = "listMailboxes", summary = "Mailbox connections",
            description = "A rep's own; a manager or an admin sees every rep's, or one rep's with owner.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = MailboxList.class)))
    public MailboxList list(@Parameter(description = "Only this rep's (managers and admins)") @QueryParam("owner")
            String owner) {
        return new MailboxList(mailboxes.list(caller, owner).stream().map(MailboxView::of).toList());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getMailbox", summary = "A mailbox connection and how its capture stands")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = MailboxView.class)))
    public MailboxView get(@PathParam("id") UUID id) {
        return MailboxView.of(mailboxes.get(id, caller));
    }

    @POST
    @Path("/{id}/pause")
    @Operation(operationId = "pauseMailbox", summary = "Stop capturing until resumed",
            description = "What was captured stays. Pausing a paused mailbox changes nothing.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = MailboxView.class)))
    public MailboxView pause(@PathParam("id") UUID id) {
        return MailboxView.of(mailboxes.pause(id, caller));
    }

    @POST
    @Path("/{id}/resume")
    @Operation(operationId = "resumeMailbox", summary = "Capture again from where it stopped",
            description = "A paused mailbox, or one in ERROR, is tried again (SYNCING).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = MailboxView.class)))
    public MailboxView resume(@PathParam("id") UUID id) {
        return MailboxView.of(mailboxes.resume(id, caller));
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteMailbox", summary = "Disconnect a mailbox",
            description = "Its password is forgotten at once; the interactions it captured stay.")
    @APIResponse(responseCode = "204", description = "Disconnected")
    public void delete(@PathParam("id") UUID id) {
        mailboxes.delete(id, caller);
    }
}
