package io.rapport.scheduler.task.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.rapport.rest.Cursor;
import io.rapport.rest.Preconditions;
import io.rapport.rest.QueryParams;
import io.rapport.scheduler.task.Task;
import io.rapport.scheduler.task.TaskKind;
import io.rapport.scheduler.task.TaskPriority;
import io.rapport.scheduler.task.TaskStatus;
import io.rapport.scheduler.task.config.TasksConfig;
import io.rapport.scheduler.task.mapping.TaskResponses;
import io.rapport.scheduler.task.service.TaskActions;
import io.rapport.scheduler.task.service.TaskQuery;
import io.rapport.scheduler.task.service.TaskService;
import io.rapport.scheduler.task.service.TaskSort;
import io.rapport.security.Caller;
import io.rapport.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/api/v1/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tasks")
public class TaskResource {

    private static final String PROBLEM = "application/problem+json";

    private final TaskService tasks;
    private final TaskActions actions;
    private final TaskResponses responses;
    private final Caller caller;
    private final TasksConfig config;
    public TaskResource(TaskService tasks, TaskActions actions, TaskResponses responses, Caller caller,
            TasksConfig config) {
        this.tasks = tasks;
        this.actions = actions;
        this.responses = responses;
        this.caller = caller;
        this.config = config;
    }

    @GET
    @RolesAllowed({ Roles.REP, Roles.MANAGER, Roles.ADMIN, Roles.INTEGRATOR })
    @Operation(operationId = "listTasks",
            summary = "List tasks", description = "Filtered, sorted (soonest due first unless asked otherwise) and "
            + "paged with a cursor. A rep sees only their own tasks.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TaskPage.class)))
    @APIResponse(responseCode = "400", description = "An unknown filter value, sort or cursor, or a limit over the maximum",
            content = @Content(mediaType = PROBLEM))
    public TaskPage list(
            @Parameter(description = "Only this contact's tasks") @QueryParam("contactId") String contactId,
            @Parameter(description = "Only this rep's tasks (a rep always sees only their own)") @QueryParam("owner") String owner,
            @Parameter(description = "OPEN, SNOOZED, COMPLETED, DISMISSED or AUTO_RESOLVED") @QueryParam("status") String status,
            @Parameter(description = "CHECK_IN, COMMITMENT_DUE, RESPOND, RECOVERY, APPRECIATION, FEEDBACK_DUE or "
                    + "FOLLOW_UP") @QueryParam("kind") String kind,
            @Parameter(description = "LOW, NORMAL, HIGH or URGENT") @QueryParam("priority") String priority,
            @Parameter(description = "Due at or after (ISO-8601)",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("dueAfter") String dueAfter,
            @Parameter(description = "Due before (ISO-8601)",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("dueBefore") String dueBefore,
            @Parameter(description = "dueAt (default), -dueAt, createdAt, -createdAt, or priority (most urgent first, then soonest due)")
            @QueryParam("sort") String sort,
            @Parameter(description = "Page size", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50"))
            @QueryParam("limit") @DefaultValue("50") String limitText,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        Instant after = QueryParams.instant("dueAfter", dueAfter);
        Instant before = QueryParams.instant("dueBefore", dueBefore);
        QueryParams.period("dueAfter", after, "dueBefore", before);
        TaskSort order = TaskSort.fromParameter(sort);
        TaskQuery query = new TaskQuery(caller.ownerFilter(owner), QueryParams.uuid("contactId", contactId),
                QueryParams.enumValue(TaskStatus.class, "status", status),
                QueryParams.enumValue(TaskKind.class, "kind", kind),
                QueryParams.enumValue(TaskPriority.class, "priority", priority), after, before, order,
                QueryParams.limit(limitText, config.maxPageSize()), Cursor.decode(cursor));
        List<Task> page = tasks.list(query);
        return new TaskPage(responses.of(page),
                Cursor.next(page, query.limit(), order::cursorAfter));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.REP, Roles.MANAGER, Roles.ADMIN, Roles.INTEGRATOR })
    @Operation(operationId = "getTask",
            summary = "Get a task", description = "Its version is the ETag the actions need in If-Match.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TaskResponse.class)))
    @APIResponse(responseCode = "404", content = @Content(mediaType = PROBLEM))
    public Response get(@PathParam("id") UUID id) {
        return withEtag(actions.get(id, caller));
    }

    @POST
    @Path("/{id}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.REP, Roles.MANAGER, Roles.ADMIN })
    @Operation(operationId = "completeTask",
            summary = "Complete a task", description = "Needs If-Match. Publishes task.completed.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TaskResponse.class)))
    @APIResponse(responseCode = "409", description = "Already closed", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "412", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "428", content = @Content(mediaType = PROBLEM))
    public Response complete(@PathParam("id") UUID id, @Valid TaskActionRequests.Complete request,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withEtag(actions.complete(id, request == null ? null : request.note(), ifMatch, caller));
    }

    @POST
    @Path("/{id}/snooze")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.REP, Roles.MANAGER, Roles.ADMIN })
    @Operation(operationId = "snoozeTask",
            summary = "Snooze a task until a later time", description = "Needs If-Match. Publishes task.snoozed.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TaskResponse.class)))
    @APIResponse(responseCode = "400", description = "No or a past 'until'", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "Already closed", content = @Content(mediaType = PROBLEM))
    public Response snooze(@PathParam("id") UUID id, @Valid @NotNull TaskActionRequests.Snooze request,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withEtag(actions.snooze(id, request.until(), ifMatch, caller));
    }

    @POST
    @Path("/{id}/dismiss")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.REP, Roles.MANAGER, Roles.ADMIN })
    @Operation(operationId = "dismissTask",
            summary = "Dismiss a task with a reason", description = "Needs If-Match. Publishes task.dismissed.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TaskResponse.class)))
    @APIResponse(responseCode = "400", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "Already closed", content = @Content(mediaType = PROBLEM))
    public Response dismiss(@PathParam("id") UUID id, @Valid @NotNull TaskActionRequests.Dismiss request,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withEtag(actions.dismiss(id, request.reason(), ifMatch, caller));
    }

    private Response withEtag(Task task) {
        return Response.ok(responses.of(task)).tag(Preconditions.etag(task.version)).build();
    }
}
