package io.rapport.scheduler.task.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.rapport.rest.QueryParams;
import io.rapport.scheduler.task.TaskKind;
import io.rapport.scheduler.task.TaskStatus;
import io.rapport.scheduler.task.config.TasksConfig;
import io.rapport.scheduler.task.mapping.TaskMapper;
import io.rapport.scheduler.task.service.TaskQuery;
import io.rapport.scheduler.task.service.TaskService;
import io.rapport.security.Caller;
import io.rapport.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tasks")
public class TaskResource {

    private final TaskService tasks;
    private final Caller caller;
    private final TasksConfig config;

    public TaskResource(TaskService tasks, Caller caller, TasksConfig config) {
        this.tasks = tasks;
        this.caller = caller;
        this.config = config;
    }

    @GET
    @RolesAllowed({ Roles.REP, Roles.MANAGER, Roles.ADMIN, Roles.INTEGRATOR })
    @Operation(summary = "List tasks", description = "Ordered by due time. A rep sees only their own tasks.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TaskPage.class)))
    @APIResponse(responseCode = "400", description = "An unknown filter value or a page size over the maximum",
            content = @Content(mediaType = "application/problem+json"))
    public TaskPage list(
            @Parameter(description = "Only this contact's tasks") @QueryParam("contactId") String contactId,
            @Parameter(description = "Only this rep's tasks (a rep always sees only their own)") @QueryParam("owner") String owner,
            @Parameter(description = "OPEN, SNOOZED, COMPLETED, DISMISSED or AUTO_RESOLVED") @QueryParam("status") String status,
            @Parameter(description = "CHECK_IN, COMMITMENT_DUE, RESPOND, RECOVERY, APPRECIATION or FEEDBACK_DUE") @QueryParam("kind") String kind,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) int size) {
        if (size > config.maxPageSize()) {
            throw new BadRequestException("Query parameter 'size' must be at most " + config.maxPageSize());
        }
        TaskQuery query = new TaskQuery(caller.ownerFilter(owner), QueryParams.uuid("contactId", contactId),
                QueryParams.enumValue(TaskStatus.class, "status", status),
                QueryParams.enumValue(TaskKind.class, "kind", kind));
        List<TaskResponse> items = tasks.list(query, page, size).stream().map(TaskMapper::toResponse).toList();
        return new TaskPage(items, page, size, tasks.count(query));
    }
}
