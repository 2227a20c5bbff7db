package io.rapport.scheduler.health.rest;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.rapport.rest.ContentTags;
import io.rapport.scheduler.health.mapping.HealthMapper;
import io.rapport.scheduler.health.service.HealthService;
import io.rapport.security.Caller;
import io.rapport.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/api/v1/contacts/{id}/health")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Relationship health")
public class ContactHealthResource {

    private static final String PROBLEM = "application/problem+json";

    private final HealthService health;
    private final Caller caller;
    private final ContentTags contentTags;

    public ContactHealthResource(HealthService health, Caller caller, ContentTags contentTags) {
        this.health = health;
        this.caller = caller;
        this.contentTags = contentTags;
    }

    @GET
    @RolesAllowed({ Roles.REP, Roles.MANAGER, Roles.ADMIN, Roles.INTEGRATOR })
    @Operation(operationId = "getContactHealth", summary = "A contact's relationship health",
            description = "The 0-100 score, its band and its components (recency against the check-in cadence, "
                    + "sentiment trend, latest NPS/CSAT, commitments kept, inbound messages awaiting a reply), each "
                    + "with its facts, sub-score, weight and explanation. A rep sees only their own contacts.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = HealthResponse.class)),
            headers = @Header(name = "ETag"))
    @APIResponse(responseCode = "400", description = "The id is not a UUID", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "No such contact (or erased, or merged), or not one the caller "
            + "may see", content = @Content(mediaType = PROBLEM))
    public Response get(
            @Parameter(description = "The contact's id", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @PathParam("id") String id) {
        return contentTags.ok(HealthMapper.toResponse(health.get(contactId(id), caller)));
    }

    /** A malformed id is a bad request, not an unknown resource (JAX-RS would answer 404). */
    private static UUID contactId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("Path parameter 'id' must be a UUID, not '" + id + "'");
        }
    }
}
