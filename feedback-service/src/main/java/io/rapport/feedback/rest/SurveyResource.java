package io.rapport.feedback.rest;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.rapport.feedback.SurveyKind;
import io.rapport.feedback.SurveyRequest;
import io.rapport.feedback.SurveyResponse;
import io.rapport.feedback.SurveyStatus;
import io.rapport.feedback.config.FeedbackConfig;
import io.rapport.feedback.delivery.SurveyLinks;
import io.rapport.feedback.mapping.SurveyMapper;
import io.rapport.feedback.service.SurveyQuery;
import io.rapport.feedback.service.SurveyContexts;
import io.rapport.feedback.service.SurveyService;
import io.rapport.rest.Cursor;
import io.rapport.rest.Preconditions;
import io.rapport.rest.QueryParams;
import io.rapport.rest.idempotency.IdempotencyKeys;
import io.rapport.security.Caller;
import io.rapport.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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

@Path("/api/v1/surveys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Survey requests")
@APIResponse(responseCode = "401", description = "No valid bearer token")
public class SurveyResource {

    /** The operation an Idempotency-Key of a survey's creation is scoped to. */
    private static final String CREATE = "surveys.create";

    private static final String PROBLEM = "application/problem+json";

    private final SurveyService surveys;
    private final IdempotencyKeys idempotency;
    private final FeedbackConfig config;
    private final Caller caller;
    private final JsonWebToken jwt;
    private final SurveyLinks links;
    private final Clock clock;

    public SurveyResource(SurveyService surveys, IdempotencyKeys idempotency, FeedbackConfig config, Caller caller,
            JsonWebToken jwt, SurveyLinks links, Clock clock) {
        this.surveys = surveys;
        this.links = links;
        this.idempotency = idempotency;
        this.config = config;
        this.caller = caller;
        this.jwt = jwt;
        this.clock = clock;
    }

    @POST
    @RolesAllowed({ Roles.REP, Roles.MANAGER, Roles.ADMIN })
    @Operation(operationId = "createSurvey", summary = "Send a survey to a contact",
            description = "Creates a request with a single-use response token, returned only in this response (it is "
                    + "stored as a hash, so an Idempotency-Key replay answers without it). The owner is the contact's "
                    + "owner; the survey page shows the creator's name (the token's 'name' claim, else the user id). "
                    + "Publishes feedback.requested. Channel EMAIL (the default) emails the client the survey page's "
                    + "link once the request is stored, in the contact's language where there are templates for it; "
                    + "deliveryStatus and sentAt tell how that went. LINK and IN_APP send nothing: share the link.")
    @APIResponse(responseCode = "201",
            description = "Created; Location and ETag are set; carries token, responsePath and link",
            content = @Content(schema = @Schema(implementation = SurveyRequestView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request; the problem lists the offending fields",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "A read-only role, or a rep asking for force",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "The contact was erased, or merged (mergedInto names the "
            + "survivor), or is marked do-not-contact; or survey fatigue: the "
            + "contact has a pending survey, or answered one less than RAPPORT_SURVEY_MIN_INTERVAL_DAYS (30) days ago "
            + "(otherRequestId names it)", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "422", description = "The contact is unknown (or another rep's); or cannot be "
            + "reached on the channel (EMAIL to a contact without an email address; SMS or MESSAGE while no provider "
            + "is configured); or contextId names an interaction or commitment the caller may not see, or one of "
            + "another contact or owner; or the Idempotency-Key was reused with a different body",
            content = @Content(mediaType = PROBLEM))
    public Response create(@Valid @NotNull SurveyRequestInput input,
            @Parameter(description = "Makes retries safe") @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @Parameter(description = "true: send despite survey fatigue (managers and admins only)",
                    schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
            @QueryParam("force") String forceText,
            @Context UriInfo uriInfo) {
        boolean force = Boolean.TRUE.equals(QueryParams.bool("force", forceText));
        String[] token = new String[1];
        SurveyRequestView[] created = new SurveyRequestView[1];
        // may wait for contacts-service and interactions-service: before the transaction, not in it; a retry of a
        // request answered already gets that answer, whatever they say now
        SurveyContexts.Context context = idempotency.answered(idempotencyKey, caller.userId(), CREATE) ? null
                : surveys.prepare(input);
        Response response = idempotency.execute(idempotencyKey, caller.userId(), CREATE, input, () -> {
            SurveyService.Created result = surveys.create(input, context, repName(), force, caller);
            token[0] = result.token();
            created[0] = SurveyMapper.toView(result.request(), null, clock.instant());
            // the stored (replayable) response never holds the token
            return Response.created(uriInfo.getAbsolutePathBuilder().path(result.request().id.toString()).build())
                    .tag(Preconditions.etag(result.request().version))
                    .entity(created[0])
                    .build();
        });
        if (token[0] == null) {
            return response;
        }
        return Response.fromResponse(response)
                .entity(created[0].withToken(token[0], SurveyMapper.PUBLIC_PATH + token[0], links.pageFor(token[0])))
                .build();
    }

    @GET
    @RolesAllowed({ Roles.REP, Roles.MANAGER, Roles.ADMIN, Roles.INTEGRATOR })
    @Operation(operationId = "listSurveys",
            summary = "List survey requests, newest first", description = "A rep sees only their own.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SurveyPage.class)))
    @APIResponse(responseCode = "400", description = "An unknown filter value or cursor, or a limit over the maximum",
            content = @Content(mediaType = PROBLEM))
    public SurveyPage list(
            @Parameter(description = "Only this contact's surveys") @QueryParam("contactId") String contactId,
            @Parameter(description = "Only this rep's surveys") @QueryParam("owner") String owner,
            @Parameter(description = "PENDING, ANSWERED, EXPIRED or CANCELLED") @QueryParam("status") String status,
            @Parameter(description = "NPS, CSAT or BOTH") @QueryParam("kind") String kind,
            @Parameter(description = "Page size, at most 200", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50"))
            @QueryParam("limit") @DefaultValue("50") String limitText,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        int limit = QueryParams.limit(limitText, config.maxPageSize()); // text: "abc" is a 400, not a 404
        SurveyQuery query = new SurveyQuery(QueryParams.uuid("contactId", contactId),
                caller.ownerFilter(blankToNull(owner)), QueryParams.enumValue(SurveyStatus.class, "status", status),
                QueryParams.enumValue(SurveyKind.class, "kind", kind), limit, Cursor.decode(cursor));
        List<SurveyRequest> page = surveys.find(query);
        Map<UUID, SurveyResponse> responses = surveys.responsesTo(page);
        return new SurveyPage(
                page.stream().map(request -> SurveyMapper.toView(request, responses.get(request.id), clock.instant()))
                        .toList(),
                Cursor.next(page, limit, SurveyService::cursorAfter));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.REP, Roles.MANAGER, Roles.ADMIN, Roles.INTEGRATOR })
    @Operation(operationId = "getSurvey", summary = "Get a survey request, with its answer once there is one",
            description = "Its version is the ETag a cancellation needs in If-Match; the token is never shown again.")
    @APIResponse(responseCode = "200", description = "The request; its version is the ETag",
            content = @Content(schema = @Schema(implementation = SurveyRequestView.class)))
    @APIResponse(responseCode = "404", description = "No such request, or not one the caller may see",
            content = @Content(mediaType = PROBLEM))
    public Response get(@PathParam("id") UUID id) {
        return withEtag(surveys.get(id, caller));
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({ Roles.REP, Roles.MANAGER, Roles.ADMIN })
    @Operation(operationId = "cancelSurvey", summary = "Cancel a pending survey request",
            description = "Needs If-Match with the ETag of the request. Its link answers 410 from then on.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SurveyRequestView.class)))
    @APIResponse(responseCode = "403", description = "A read-only role", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "Already answered, expired or cancelled",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "412", description = "The request changed since that ETag",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = PROBLEM))
    public Response cancel(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withEtag(surveys.cancel(id, ifMatch, caller));
    }

    @POST
    @Path("/{id}/response")
    @RolesAllowed({ Roles.REP, Roles.MANAGER, Roles.ADMIN })
    @Operation(operationId = "recordSurveyResponse", summary = "Record the client's answer on their behalf",
            description = "For an answer given by phone or in person (source REP). The request must be pending; its "
                    + "link answers 410 afterwards. Publishes feedback.received.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = SurveyResponseView.class)))
    @APIResponse(responseCode = "400", description = "Scores out of range, or not those the survey asks",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "A read-only role", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "Already answered, expired or cancelled",
            content = @Content(mediaType = PROBLEM))
    public Response record(@PathParam("id") UUID id, @Valid @NotNull ScoreInput input, @Context UriInfo uriInfo) {
        SurveyResponse response = surveys.recordForClient(id, input, caller);
        return Response.created(uriInfo.getBaseUriBuilder().path("/api/v1/surveys/" + id).build())
                .entity(SurveyResponseView.of(response)).build();
    }

    private Response withEtag(SurveyRequest request) {
        return Response.ok(SurveyMapper.toView(request, surveys.responseTo(request.id), clock.instant()))
                .tag(Preconditions.etag(request.version)).build();
    }

    /** The name the survey page shows for the rep: the token's {@code name} claim, else the user id. */
    private String repName() {
        Object name = jwt.getClaim("name");
        String text = name == null ? null : name.toString().strip();
        return text == null || text.isEmpty() ? caller.userId() : text.substring(0, Math.min(text.length(), 200));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
