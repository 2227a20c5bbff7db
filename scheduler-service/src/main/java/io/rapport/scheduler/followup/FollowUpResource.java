package io.rapport.scheduler.followup;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.rapport.rest.Preconditions;
import io.rapport.rest.idempotency.IdempotencyKeys;
import io.rapport.scheduler.task.Task;
import io.rapport.scheduler.task.mapping.TaskResponses;
import io.rapport.scheduler.task.rest.TaskResponse;
import io.rapport.security.Caller;
import io.rapport.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Adding a task by hand, beside the tasks the rules raise (which TaskResource lists and closes). */
@Path("/api/v1/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tasks")
public class FollowUpResource {

    private static final String PROBLEM = "application/problem+json";

    private final ManualFollowUps followUps;
    private final IdempotencyKeys idempotency;
    private final TaskResponses responses;
    private final Caller caller;

    public FollowUpResource(ManualFollowUps followUps, IdempotencyKeys idempotency, TaskResponses responses,
            Caller caller) {
        this.followUps = followUps;
        this.idempotency = idempotency;
        this.responses = responses;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.REP, Roles.MANAGER, Roles.ADMIN })
    @Operation(operationId = "addFollowUp", summary = "Add a follow-up by hand",
            description = "A FOLLOW_UP task for a contact the caller may change, owned by the contact's owner, listed "
                    + "and closed like the tasks the rules raise; it never escalates. Publishes task.created. With an "
                    + "Idempotency-Key, a retry gets the first response again.")
    @APIResponse(responseCode = "201", description = "Added; Location and ETag are set",
            content = @Content(schema = @Schema(implementation = TaskResponse.class)))
    @APIResponse(responseCode = "400", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "Another rep's contact, or a read-only role",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "The contact was erased, or merged (mergedInto names the "
            + "survivor), or has an open follow-up with this subject (otherTaskId names it)",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "422", description = "Unknown contact, or Idempotency-Key reused with another body",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "503", description = "The contact is not known here yet and contacts-service could "
            + "not be asked; retry after Retry-After seconds", content = @Content(mediaType = PROBLEM))
    public Response add(@Valid @NotNull FollowUpInput input,
            @Parameter(description = "Makes retries safe") @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @Context UriInfo uriInfo) {
        followUps.prepare(input); // may wait for contacts-service: before the transaction, not in it
        return idempotency.execute(idempotencyKey, caller.userId(), "tasks.add", input, () -> {
            Task task = followUps.add(input, caller);
            return Response.created(uriInfo.getAbsolutePathBuilder().path(task.id.toString()).build())
                    .tag(Preconditions.etag(task.version)).entity(responses.of(task)).build();
        });
    }
}
