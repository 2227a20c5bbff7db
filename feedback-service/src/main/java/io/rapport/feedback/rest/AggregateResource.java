package io.rapport.feedback.rest;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.rapport.feedback.service.AggregateGroupBy;
import io.rapport.feedback.service.AggregateQuery;
import io.rapport.feedback.service.FeedbackAggregates;
import io.rapport.rest.QueryParams;
import io.rapport.security.Caller;
import io.rapport.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "NPS and CSAT")
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "400", description = "A bad date, period or groupBy",
        content = @Content(mediaType = "application/problem+json"))
public class AggregateResource {

    private static final int MAX_PERIOD_DAYS = 3 * 366;

    private final FeedbackAggregates aggregates;
    private final Caller caller;
    private final Clock clock;

    public AggregateResource(FeedbackAggregates aggregates, Caller caller, Clock clock) {
        this.aggregates = aggregates;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @Path("/nps")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = NpsReport.class)))
    @RolesAllowed({ Roles.REP, Roles.MANAGER, Roles.ADMIN, Roles.INTEGRATOR })
    @Operation(operationId = "getNpsReport", summary = "Net Promoter Score over a period",
            description = "NPS = % promoters (9–10) − % detractors (0–6) of the responses received in the period, "
                    + "rounded to the nearest integer with halves away from zero; with counts per class and the "
                    + "response rate of the NPS surveys sent in the period. In total and, with groupBy, per owner, "
                    + "organisation or month. A rep sees only their own surveys.")
    public NpsReport nps(
            @Parameter(description = "First day (UTC, YYYY-MM-DD); defaults to a year before 'to'",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("from")
            String from,
            @Parameter(description = "Last day, inclusive (UTC, YYYY-MM-DD); defaults to today",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("to")
            String to,
            @Parameter(description = "OWNER, ORGANISATION or MONTH") @QueryParam("groupBy") String groupBy,
            @Parameter(description = "Only this rep's surveys") @QueryParam("owner") String owner) {
        Period period = period(from, to);
        AggregateGroupBy grouping = QueryParams.enumValue(AggregateGroupBy.class, "groupBy", groupBy);
        String ownerFilter = caller.ownerFilter(blankToNull(owner));
        List<NpsGroup> total = aggregates.nps(period.query(null, ownerFilter));
        return new NpsReport(period.from(), period.to(), grouping, ownerFilter,
                total.isEmpty() ? new NpsGroup(null, 0, 0, 0, 0, null, 0, 0, null) : total.get(0),
                grouping == null ? null : aggregates.nps(period.query(grouping, ownerFilter)));
    }

    @GET
    @Path("/csat")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CsatReport.class)))
    @RolesAllowed({ Roles.REP, Roles.MANAGER, Roles.ADMIN, Roles.INTEGRATOR })
    @Operation(operationId = "getCsatReport", summary = "Customer satisfaction over a period",
            description = "CSAT score = % satisfied (4–5) of the responses received in the period, rounded to the "
                    + "nearest integer; with counts per class, the mean score and the response rate of the CSAT "
                    + "surveys sent in the period. In total and, with groupBy, per owner, organisation or month. A "
                    + "rep sees only their own surveys.")
    public CsatReport csat(
            @Parameter(description = "First day (UTC, YYYY-MM-DD); defaults to a year before 'to'",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("from")
            String from,
            @Parameter(description = "Last day, inclusive (UTC, YYYY-MM-DD); defaults to today",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("to")
            String to,
            @Parameter(description = "OWNER, ORGANISATION or MONTH") @QueryParam("groupBy") String groupBy,
            @Parameter(description = "Only this rep's surveys") @QueryParam("owner") String owner) {
        Period period = period(from, to);
        AggregateGroupBy grouping = QueryParams.enumValue(AggregateGroupBy.class, "groupBy", groupBy);
        String ownerFilter = caller.ownerFilter(blankToNull(owner));
        List<CsatGroup> total = aggregates.csat(period.query(null, ownerFilter));
        return new CsatReport(period.from(), period.to(), grouping, ownerFilter,
                total.isEmpty() ? new CsatGroup(null, 0, 0, 0, 0, null, null, 0, 0, null) : total.get(0),
                grouping == null ? null : aggregates.csat(period.query(grouping, ownerFilter)));
    }

    private record Period(LocalDate from, LocalDate to) {
        AggregateQuery query(AggregateGroupBy groupBy, String owner) {
            return new AggregateQuery(from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                    to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), groupBy, owner);
        }
    }

    private Period period(String from, String to) {
        LocalDate last = QueryParams.date("to", to);
        if (last == null) {
            last = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        }
        LocalDate first = QueryParams.date("from", from);
        if (first == null) {
            first = last.minusYears(1).plusDays(1);
        }
        if (first.isAfter(last)) {
            throw new BadRequestException("Query parameter 'from' must not be after 'to'");
        }
        if (first.plusDays(MAX_PERIOD_DAYS).isBefore(last)) {
            throw new BadRequestException("The period may span at most " + MAX_PERIOD_DAYS + " days");
        }
        return new Period(first, last);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
