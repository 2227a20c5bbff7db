package io.rapport.interactions.rest;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.rapport.interactions.InteractionType;
import io.rapport.interactions.config.InteractionsConfig;
import io.rapport.interactions.mapping.CommitmentMapper;
import io.rapport.interactions.mapping.InteractionMapper;
import io.rapport.interactions.service.ContactDirectory;
import io.rapport.interactions.service.TimelineService;
import io.rapport.rest.Cursor;
import io.rapport.rest.QueryParams;
import io.rapport.security.Caller;
import io.rapport.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/contacts/{contactId}/timeline")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Timeline")
@APIResponse(responseCode = "401", description = "No valid bearer token")
public class ContactTimelineResource {

    private static final String PROBLEM = "application/problem+json";
    private static final String COMMITMENT = "COMMITMENT";

    private final TimelineService timeline;
    private final ContactDirectory contacts;
    private final InteractionsConfig config;
    private final Clock clock;
    private final Caller caller;

    public ContactTimelineResource(TimelineService timeline, ContactDirectory contacts, InteractionsConfig config,
            Clock clock, Caller caller) {
        this.timeline = timeline;
        this.contacts = contacts;
        this.config = config;
        this.clock = clock;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.REP, Roles.MANAGER, Roles.ADMIN, Roles.INTEGRATOR })
    @Operation(operationId = "getTimeline",
            summary = "A contact's timeline", description = "Interactions (at occurredAt) and commitments (at "
            + "createdAt, when made) interleaved, newest first; ties broken by id, descending.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TimelinePage.class)))
    @APIResponse(responseCode = "400", description = "An unknown type, a bad period or cursor, or a limit over the "
            + "maximum", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "Unknown contact, not the caller's, or merged (mergedInto "
            + "names the survivor)", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "410", description = "The contact was erased", content = @Content(mediaType = PROBLEM))
    public TimelinePage timeline(@PathParam("contactId") UUID contactId,
            @Parameter(description = "Repeatable: an interaction type, or COMMITMENT; all when absent")
            @QueryParam("type") List<String> types,
            @Parameter(description = "At or after (ISO-8601)",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("from") String from,
            @Parameter(description = "Before (ISO-8601)",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("to") String to,
            @Parameter(description = "Page size, at most 200", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50"))
            @QueryParam("limit") @DefaultValue("50") String limitText,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        int limit = QueryParams.limit(limitText, config.maxPageSize()); // text: "abc" is a 400, not a 404
        Instant fromTime = QueryParams.instant("from", from);
        Instant toTime = QueryParams.instant("to", to);
        QueryParams.period("from", fromTime, "to", toTime);
        Set<InteractionType> interactionTypes = EnumSet.noneOf(InteractionType.class);
        boolean withCommitments = false;
        List<String> requested = types == null ? List.of()
                : types.stream().flatMap(t -> List.of(t.split(",")).stream()).map(String::strip)
                        .filter(t -> !t.isEmpty()).toList();
        if (requested.isEmpty()) {
            interactionTypes = EnumSet.allOf(InteractionType.class);
            withCommitments = true;
        }
        for (String type : requested) {
            if (COMMITMENT.equalsIgnoreCase(type)) {
                withCommitments = true;
            } else {
                try {
                    interactionTypes.add(InteractionType.valueOf(type.toUpperCase()));
                } catch (IllegalArgumentException e) {
                    throw new BadRequestException("Query parameter 'type' must be COMMITMENT or one of "
                            + EnumSet.allOf(InteractionType.class) + ", not '" + type + "'");
                }
            }
        }
        contacts.forRead(contactId, caller);
        Cursor after = Cursor.decode(cursor);
        TimelineService.Page page = timeline.page(new TimelineService.Filter(contactId, interactionTypes,
                withCommitments, fromTime, toTime, limit, after));
        Instant now = clock.instant();
        return new TimelinePage(page.items().stream().map(item -> item.interaction() != null
                ? new TimelineEntry("INTERACTION", item.id(), item.at(),
                        InteractionMapper.toResponse(item.interaction()), null)
                : new TimelineEntry(COMMITMENT, item.id(), item.at(), null,
                        CommitmentMapper.toResponse(item.commitment(), now)))
                .toList(), page.nextCursor());
    }
}
