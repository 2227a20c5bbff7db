package io.rapport.feedback.rest;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.rapport.feedback.config.FeedbackConfig;
import io.rapport.feedback.service.SurveyService;
import io.rapport.rest.Cursor;
import io.rapport.rest.QueryParams;
import io.rapport.security.Caller;
import io.rapport.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/contacts/{contactId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Contact feedback")
@APIResponse(responseCode = "401", description = "No valid bearer token")
public class ContactFeedbackResource {

    private static final String PROBLEM = "application/problem+json";

    private final SurveyService surveys;
    private final Caller caller;
    private final FeedbackConfig config;

    public ContactFeedbackResource(SurveyService surveys, Caller caller, FeedbackConfig config) {
        this.surveys = surveys;
        this.caller = caller;
        this.config = config;
    }

    @GET
    @Path("/export")
    @RolesAllowed({ Roles.REP, Roles.MANAGER, Roles.ADMIN })
    @Operation(operationId = "exportContactFeedback",
            summary = "Everything this service holds on a contact (its part of the GDPR export)",
            description = "Every survey sent to the contact (including those of contacts merged into it), newest "
                    + "first, each with its answer and comment. contacts-service's GET /api/v1/contacts/{id}/export "
                    + "gathers it with the other parts.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ContactFeedback.class)))
    @APIResponse(responseCode = "403", description = "An integrator", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "Unknown, another rep's, or merged (the problem names "
            + "mergedInto)", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "410", description = "The contact was erased", content = @Content(mediaType = PROBLEM))
    public ContactFeedback export(@PathParam("contactId") UUID contactId) {
        return surveys.history(contactId, caller);
    }

    @GET
    @Path("/feedback")
    @RolesAllowed({ Roles.REP, Roles.MANAGER, Roles.ADMIN, Roles.INTEGRATOR })
    @Operation(operationId = "getContactFeedback", summary = "The contact's feedback history",
            description = "Every survey sent to the contact (including those of contacts merged into it), newest "
                    + "first, each with its answer, paged with a cursor. A rep sees only the history of contacts they "
                    + "own.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ContactFeedbackPage.class)))
    @APIResponse(responseCode = "400", description = "A limit over the maximum, or a cursor this API did not issue",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "Unknown, another rep's, or merged (the problem names "
            + "mergedInto)", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "410", description = "The contact was erased", content = @Content(mediaType = PROBLEM))
    public ContactFeedbackPage history(@PathParam("contactId") UUID contactId,
            @Parameter(description = "Page size", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50"))
            @QueryParam("limit") @DefaultValue("50") String limitText,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        int limit = QueryParams.limit(limitText, config.maxPageSize()); // text: "abc" is a 400, not a 404
        return surveys.historyPage(contactId, caller, limit, Cursor.decode(cursor));
    }
}
