package io.rapport.interactions.rest;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.rapport.interactions.service.ContactDataExport;
import io.rapport.security.Caller;
import io.rapport.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/contacts/{contactId}/export")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Timeline")
@APIResponse(responseCode = "401", description = "No valid bearer token")
public class ContactExportResource {

    private static final String PROBLEM = "application/problem+json";

    private final ContactDataExport export;
    private final Caller caller;

    public ContactExportResource(ContactDataExport export, Caller caller) {
        this.export = export;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.REP, Roles.MANAGER, Roles.ADMIN })
    @Operation(operationId = "exportContactInteractions",
            summary = "Everything this service holds on a contact (its part of the GDPR export)",
            description = "Every touch-point and commitment, oldest first, including those of contacts merged into "
                    + "it. contacts-service's GET /api/v1/contacts/{id}/export gathers it with the other parts.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = InteractionsExport.class)))
    @APIResponse(responseCode = "403", description = "An integrator", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "Unknown contact, not the caller's, or merged (mergedInto "
            + "names the survivor)", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "410", description = "The contact was erased", content = @Content(mediaType = PROBLEM))
    public InteractionsExport export(@PathParam("contactId") UUID contactId) {
        return export.export(contactId, caller);
    }
}
