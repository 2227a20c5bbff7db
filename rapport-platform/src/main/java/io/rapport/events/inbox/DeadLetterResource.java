package io.rapport.events.inbox;

import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.rapport.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** An operator's view of the service's dead letters, and the way to apply them again after a fix. */
@Path("/api/v1/admin/dead-letters")
@Tag(name = "Operations")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {

    private final DeadLetterRedrive redrive;

    public DeadLetterResource(DeadLetterRedrive redrive) {
        this.redrive = redrive;
    }

    @GET
    @Operation(operationId = "countDeadLetters",
            summary = "How many dead letters wait to be re-driven, by dead-letter topic")
    public Map<String, Long> pending() {
        return redrive.pending();
    }

    @POST
    @Path("/redrive")
    @Operation(operationId = "redriveDeadLetters",
            summary = "Applies every dead letter again; those applied before are skipped, those that fail again "
            + "go back to the dead-letter topic")
    @APIResponse(responseCode = "409", description = "Another redrive is running")
    public DeadLetterRedrive.Outcome redrive() {
        try {
            return redrive.redrive();
        } catch (DeadLetterRedrive.RedriveRunning running) {
            throw HttpProblem.builder().withStatus(Response.Status.CONFLICT).withTitle("Conflict")
                    .withDetail(running.getMessage()).build();
        }
    }
}
