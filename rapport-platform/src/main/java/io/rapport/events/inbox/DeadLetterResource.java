package io.rapport.events.inbox;

import java.util.Map;
import java.util.function.Supplier;

import org.apache.kafka.common.errors.RetriableException;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.rapport.events.metrics.BrokerReachability;
import io.rapport.failure.Unavailable;
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

    /** Seconds to wait before asking again while the broker is away: about two of its reachability checks. */
    private static final String RETRY_AFTER_SECONDS = "20";

    private final DeadLetterRedrive redrive;
    private final BrokerReachability broker;

    public DeadLetterResource(DeadLetterRedrive redrive, BrokerReachability broker) {
        this.redrive = redrive;
        this.broker = broker;
    }

    @GET
    @Operation(operationId = "countDeadLetters",
            summary = "How many dead letters wait to be re-driven, by dead-letter topic",
            description = "Records on this service's dead-letter topics that no redrive has read yet, by topic.")
    @APIResponse(responseCode = "200", description = "Waiting dead letters by dead-letter topic",
            content = @Content(schema = @Schema(type = SchemaType.OBJECT, additionalProperties = Long.class)))
    public Map<String, Long> pending() {
        return withBroker(redrive::pending);
    }

    @POST
    @Path("/redrive")
    @Operation(operationId = "redriveDeadLetters",
            summary = "Applies every dead letter again",
            description = "Those applied before are skipped, those that fail again go back to the dead-letter topic "
                    + "with their new reason. One redrive at a time.")
    @APIResponse(responseCode = "200", description = "What the redrive read, applied, skipped and sent back",
            content = @Content(schema = @Schema(implementation = DeadLetterRedrive.Outcome.class)))
    @APIResponse(responseCode = "409", description = "Another redrive is running")
    public DeadLetterRedrive.Outcome redrive() {
        try {
            return withBroker(redrive::redrive);
        } catch (DeadLetterRedrive.RedriveRunning running) {
            throw HttpProblem.builder().withStatus(Response.Status.CONFLICT).withTitle("Conflict")
                    .withDetail(running.getMessage()).build();
        }
    }

    /**
     * The dead letters are on Kafka: while no broker answers, 503 with Retry-After at once (or within the Kafka
     * clients' timeout, when the broker went away since its last check) instead of a wait and a 500.
     */
    private <T> T withBroker(Supplier<T> operation) {
        if (!broker.reachable()) {
            throw brokerAway();
        }
        try {
            return operation.get();
        } catch (RetriableException e) {
            throw brokerAway(); // a timeout: the broker went away since its last check
        }
    }

    private static HttpProblem brokerAway() {
        return Unavailable.problem("Kafka, where the dead letters are, cannot be reached right now; try again shortly",
                RETRY_AFTER_SECONDS);
    }
}
