package io.rapport.scheduler.task.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.rapport.rest.Cursor;
import io.rapport.scheduler.task.TaskKind;
import io.rapport.scheduler.task.TaskPriority;
import io.rapport.scheduler.task.TaskStatus;

/**
 * A page of the task list: the filters (each optional), the order, and where the page starts.
 *
 * @param dueAfter  due at or after
 * @param dueBefore due before
 * @param after     the cursor of the previous page, or null for the first
 */
public record TaskQuery(String owner, UUID contactId, TaskStatus status, TaskKind kind, TaskPriority priority,
        Instant dueAfter, Instant dueBefore, TaskSort sort, int limit, Cursor after) {

    /** The HQL of this query, filling {@code parameters}. */
    String hql(Map<String, Object> parameters) {
        List<String> clauses = new ArrayList<>();
        filter(clauses, parameters, "owner = :owner", "owner", owner);
        filter(clauses, parameters, "contactId = :contactId", "contactId", contactId);
        filter(clauses, parameters, "status = :status", "status", status);
        filter(clauses, parameters, "kind = :kind", "kind", kind);
        filter(clauses, parameters, "priority = :priority", "priority", priority);
        filter(clauses, parameters, "dueAt >= :dueAfter", "dueAfter", dueAfter);
        filter(clauses, parameters, "dueAt < :dueBefore", "dueBefore", dueBefore);
        if (after != null) {
            clauses.add(sort.after(after, parameters));
        }
        return (clauses.isEmpty() ? "" : "where " + String.join(" and ", clauses) + " ") + "order by "
                + sort.orderBy();
    }

    private static void filter(List<String> clauses, Map<String, Object> parameters, String clause, String name,
            Object value) {
        if (value != null) {
            clauses.add(clause);
            parameters.put(name, value);
        }
    }
}
