package io.rapport.feedback.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.rapport.feedback.SurveyResponse;
import io.rapport.feedback.service.PublicSurveyService;
import io.rapport.rest.ContentTags;
import io.rapport.rest.input.BodyLimit;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The survey page's API: no login, the token in the path is the only credential. The rate limits and the link are
 * checked before anything else ({@link SurveyLinkGate}).
 */
@Path("/api/v1/public/surveys/{token}")
@PublicSurveyLink
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@SecurityRequirementsSet
@Tag(name = "Public survey")
@APIResponse(responseCode = "404", description = "No survey answers to this token",
        content = @Content(mediaType = "application/problem+json"))
@APIResponse(responseCode = "410", description = "The survey was answered, expired or was withdrawn",
        content = @Content(mediaType = "application/problem+json"))
@APIResponse(responseCode = "429", description = "Too many requests from this address or for this link",
        headers = @Header(name = "Retry-After", description = "Seconds to wait"),
        content = @Content(mediaType = "application/problem+json"))
public class PublicSurveyResource {

    /** A score or two and a comment of at most 2,000 characters, each of which may be written as a 6-byte escape. */
    private static final String ANSWER_LIMIT = "16K";

    private final PublicSurveyService surveys;
    private final ContentTags contentTags;

    public PublicSurveyResource(PublicSurveyService surveys, ContentTags contentTags) {
        this.surveys = surveys;
        this.contentTags = contentTags;
    }

    @GET
    @Operation(operationId = "viewPublicSurvey", summary = "What the survey page shows",
            description = "The questions and their scales, the client's first name and the rep's name; nothing else.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PublicSurvey.class)),
            headers = @Header(name = "ETag"))
    public Response view(@PathParam("token") String token) {
        return contentTags.ok(surveys.open(token).survey());
    }

    @POST
    @Path("/response")
    @Consumes(MediaType.APPLICATION_JSON)
    @BodyLimit(ANSWER_LIMIT)
    @Operation(operationId = "answerPublicSurvey",
            summary = "Answer the survey", description = "Once: the link answers 410 afterwards. Send the "
            + "score(s) the survey asks for (npsScore 0–10, csatScore 1–5) and an optional comment.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = PublicAnswer.class)))
    @APIResponse(responseCode = "400", description = "Scores out of range, or not those the survey asks",
            content = @Content(mediaType = "application/problem+json"))
    public Response respond(@PathParam("token") String token, @Valid @NotNull ScoreInput input) {
        SurveyResponse response = surveys.respond(token, input);
        return Response.status(Response.Status.CREATED)
                .entity(new PublicAnswer(response.npsScore, response.csatScore, response.comment, response.receivedAt))
                .build();
    }
}
