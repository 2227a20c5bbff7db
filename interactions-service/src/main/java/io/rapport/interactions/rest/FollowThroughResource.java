package io.rapport.interactions.rest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.rapport.interactions.service.FollowThroughService;
import io.rapport.rest.QueryParams;
import io.rapport.security.Caller;
import io.rapport.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/owners/{ownerId}/follow-through")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Follow-through")
@APIResponse(responseCode = "401", description = "No valid bearer token")
public class FollowThroughResource {

    private static final String PROBLEM = "application/problem+json";
    /** The period when none is named: the last 90 days. */
    private static final Duration DEFAULT_PERIOD = Duration.ofDays(90);
    private static final Duration MAX_PERIOD = Duration.ofDays(366 * 5);

    private final FollowThroughService followThrough;
    private final Clock clock;
    private final Caller caller;

    public FollowThroughResource(FollowThroughService followThrough, Clock clock, Caller caller) {
        this.followThrough = followThrough;
        this.clock = clock;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.REP, Roles.MANAGER, Roles.ADMIN, Roles.INTEGRATOR })
    @Operation(operationId = "getFollowThrough", summary = "A rep's follow-through over a period",
            description = "Of the commitments due in [from, to): how many were made (cancelled ones excepted), kept on "
                    + "time, kept late, are overdue or still pending, and the rate kept on time of those decided. "
                    + "The period defaults to the 90 days before now. A rep sees only their own.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = FollowThroughReport.class)))
    @APIResponse(responseCode = "400", description = "A bad period", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "A rep asking for another rep", content = @Content(mediaType = PROBLEM))
    public FollowThroughReport followThrough(@PathParam("ownerId") String ownerId,
            @Parameter(description = "Start, inclusive (ISO-8601); default: 'to' minus 90 days",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("from")
            String from,
            @Parameter(description = "End, exclusive (ISO-8601); default: now",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("to") String to) {
        if (!caller.canRead(ownerId)) {
            throw new ForbiddenException("A rep sees only their own follow-through");
        }
        Instant toTime = QueryParams.instant("to", to);
        Instant fromTime = QueryParams.instant("from", from);
        if (toTime == null) {
            toTime = clock.instant();
        }
        if (fromTime == null) {
            fromTime = toTime.minus(DEFAULT_PERIOD);
        }
        QueryParams.period("from", fromTime, "to", toTime);
        if (Duration.between(fromTime, toTime).compareTo(MAX_PERIOD) > 0) {
            throw new BadRequestException("The period may span at most " + MAX_PERIOD.toDays() + " days");
        }
        return followThrough.report(ownerId, fromTime, toTime);
    }
}
