package io.rapport.feedback.rest;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.rapport.feedback.FeedbackContact;
import io.rapport.feedback.SurveyRequest;
import io.rapport.feedback.SurveyResponse;
import io.rapport.feedback.mapping.SurveyMapper;
import io.rapport.feedback.service.ContactDirectory;
import io.rapport.feedback.service.SurveyService;
import io.rapport.security.Caller;
import io.rapport.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/contacts/{contactId}/feedback")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Contact feedback")
@APIResponse(responseCode = "401", description = "No valid bearer token")
public class ContactFeedbackResource {

    private static final String PROBLEM = "application/problem+json";

    private final ContactDirectory contacts;
    private final SurveyService surveys;
    private final Caller caller;
    private final Clock clock;

    public ContactFeedbackResource(ContactDirectory contacts, SurveyService surveys, Caller caller, Clock clock) {
        this.contacts = contacts;
        this.surveys = surveys;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({ Roles.REP, Roles.MANAGER, Roles.ADMIN, Roles.INTEGRATOR })
    @Operation(summary = "The contact's feedback history",
            description = "Every survey sent to the contact (including those of contacts merged into it), newest "
                    + "first, each with its answer. A rep sees only the history of contacts they own.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ContactFeedback.class)))
    @APIResponse(responseCode = "404", description = "Unknown, another rep's, or merged (the problem names "
            + "mergedInto)", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "410", description = "The contact was erased", content = @Content(mediaType = PROBLEM))
    public ContactFeedback history(@PathParam("contactId") UUID contactId) {
        FeedbackContact contact = contacts.readable(contactId, caller);
        List<SurveyRequest> requests = SurveyRequest.list("contactId = ?1 order by createdAt desc, id desc",
                contact.id);
        Map<UUID, SurveyResponse> responses = surveys.responsesTo(requests);
        return new ContactFeedback(contact.id, requests.stream()
                .map(request -> SurveyMapper.toView(request, responses.get(request.id), clock.instant())).toList());
    }
}
