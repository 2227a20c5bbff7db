package io.rapport.scheduler.task.rest;

import java.time.DateTimeException;
import java.time.ZoneId;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.rapport.rest.QueryParams;
import io.rapport.scheduler.task.service.AgendaService;
import io.rapport.security.Caller;
import io.rapport.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/owners/{ownerId}/agenda")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tasks")
public class AgendaResource {

    private final AgendaService agendas;
    private final Caller caller;

    public AgendaResource(AgendaService agendas, Caller caller) {
        this.agendas = agendas;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.REP, Roles.MANAGER, Roles.ADMIN, Roles.INTEGRATOR })
    @Operation(operationId = "getAgenda", summary = "A rep's agenda",
            description = "Overdue tasks, today's, and the next days', each most urgent first. A rep sees only their own.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Agenda.class)))
    @APIResponse(responseCode = "400", description = "An unknown time zone or a bad number of days",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "403", description = "Another rep's agenda",
            content = @Content(mediaType = "application/problem+json"))
    public Agenda agenda(@PathParam("ownerId") String owner,
            @Parameter(description = "The rep's IANA time zone, which decides what 'today' is", example = "Europe/Paris")
            @QueryParam("timezone") @DefaultValue("UTC") String timezone,
            @Parameter(description = "How many days after today the upcoming section covers (0-31)",
                    schema = @Schema(type = SchemaType.INTEGER, defaultValue = "7"))
            @QueryParam("days") @DefaultValue("7") String daysText) {
        int days = QueryParams.integer("days", daysText, 0, 31);
        if (!caller.canRead(owner)) {
            throw new ForbiddenException("A rep sees only their own agenda");
        }
        return agendas.agenda(owner, zone(timezone), days);
    }

    private static ZoneId zone(String timezone) {
        try {
            return ZoneId.of(timezone);
        } catch (DateTimeException e) {
            throw new BadRequestException("Query parameter 'timezone' must be an IANA time zone such as Europe/Paris");
        }
    }
}
