package io.rapport.scheduler.health.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.rapport.rest.Cursor;
import io.rapport.rest.QueryParams;
import io.rapport.scheduler.health.HealthBand;
import io.rapport.scheduler.health.RelationshipHealth;
import io.rapport.scheduler.health.config.HealthConfig;
import io.rapport.scheduler.health.mapping.HealthMapper;
import io.rapport.scheduler.health.service.OwnerBook;
import io.rapport.security.Caller;
import io.rapport.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/owners/{ownerId}/health")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Relationship health")
public class OwnerHealthResource {

    private static final String PROBLEM = "application/problem+json";

    private final OwnerBook book;
    private final Caller caller;
    private final HealthConfig config;

    public OwnerHealthResource(OwnerBook book, Caller caller, HealthConfig config) {
        this.book = book;
        this.caller = caller;
        this.config = config;
    }

    @GET
    @RolesAllowed({ Roles.REP, Roles.MANAGER, Roles.ADMIN, Roles.INTEGRATOR })
    @Operation(operationId = "listOwnerHealth", summary = "A rep's book by relationship health",
            description = "The rep's contacts, worst score first (then by contact id). A rep sees only their own.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = HealthPage.class)))
    @APIResponse(responseCode = "400", description = "A bad limit, cursor or band",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "Another rep's book", content = @Content(mediaType = PROBLEM))
    public HealthPage list(@PathParam("ownerId") String owner,
            @Parameter(description = "Only this band: HEALTHY, WATCH or AT_RISK") @QueryParam("band") String band,
            @Parameter(description = "Page size, 1 to the configured maximum (200 by default)",
                    schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50", minimum = "1"))
            @QueryParam("limit") @DefaultValue("50") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        if (!caller.canRead(owner)) {
            throw new ForbiddenException("A rep sees only their own book");
        }
        int pageSize = QueryParams.limit(limit, config.maxPageSize());
        List<RelationshipHealth> page = book.page(owner, QueryParams.enumValue(HealthBand.class, "band", band),
                pageSize, Cursor.decode(cursor));
        return new HealthPage(page.stream().map(HealthMapper::toResponse).toList(),
                Cursor.next(page, pageSize, OwnerBook::cursorAfter));
    }

    /** Read as text, so that a limit that is no number is a 400 naming it rather than JAX-RS's 404. */
}
