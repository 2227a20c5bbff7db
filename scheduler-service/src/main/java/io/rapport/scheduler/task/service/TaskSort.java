package io.rapport.scheduler.task.service;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

import io.rapport.rest.Cursor;
import io.rapport.scheduler.task.Task;
import jakarta.ws.rs.BadRequestException;

/** The orders a task list can come in, each with the keyset condition that continues it after a cursor. */
public enum TaskSort {

    DUE("dueAt", "dueAt", true),
    DUE_DESC("-dueAt", "dueAt", false),
    CREATED("createdAt", "createdAt", true),
    CREATED_DESC("-createdAt", "createdAt", false),
    /** Most urgent first, then the earliest due. */
    PRIORITY("priority", "dueAt", true);

    private final String parameter;
    private final String field;
    private final boolean ascending;

    TaskSort(String parameter, String field, boolean ascending) {
        this.parameter = parameter;
        this.field = field;
        this.ascending = ascending;
    }

    public static TaskSort fromParameter(String value) {
        if (value == null || value.isBlank()) {
            return DUE;
        }
        return Arrays.stream(values()).filter(sort -> sort.parameter.equals(value.strip())).findFirst()
                .orElseThrow(() -> new BadRequestException("Query parameter 'sort' must be one of dueAt, -dueAt, "
                        + "createdAt, -createdAt or priority, not '" + value + "'"));
    }

    String orderBy() {
        String direction = ascending ? "asc" : "desc";
        String byTime = field + " " + direction + ", id " + direction;
        return this == PRIORITY ? "priorityRank desc, " + byTime : byTime;
    }

    /** The condition for rows after the cursor's row, with its parameters added to {@code parameters}. */
    String after(Cursor cursor, Map<String, Object> parameters) {
        String later = ascending ? ">" : "<";
        String timeAndId = "(" + field + " " + later + " :afterTime or (" + field + " = :afterTime and id " + later
                + " :afterId))";
        parameters.put("afterId", cursor.id());
        try {
            if (this != PRIORITY) {
                parameters.put("afterTime", Instant.parse(cursor.sortValue()));
                return timeAndId;
            }
            String[] rankAndTime = cursor.sortValue().split("\\|", 2);
            parameters.put("afterRank", Integer.valueOf(rankAndTime[0]));
            parameters.put("afterTime", Instant.parse(rankAndTime[1]));
            return "(priorityRank < :afterRank or (priorityRank = :afterRank and " + timeAndId + "))";
        } catch (RuntimeException notOurs) {
            throw new BadRequestException("Query parameter 'cursor' is not a cursor of this sort order");
        }
    }

    /** The cursor that continues this order after {@code task}. */
    public Cursor cursorAfter(Task task) {
        return switch (this) {
            case DUE, DUE_DESC -> new Cursor(task.dueAt.toString(), task.id);
            case CREATED, CREATED_DESC -> new Cursor(task.createdAt.toString(), task.id);
            case PRIORITY -> new Cursor(task.priorityRank + "|" + task.dueAt, task.id);
        };
    }
}
