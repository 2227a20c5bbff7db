package io.rapport.scheduler.task.service;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.quarkus.panache.common.Parameters;
import io.rapport.scheduler.task.TaskKind;
import io.rapport.scheduler.task.TaskStatus;

/** Filters of a task list; a null filter matches everything. */
public record TaskQuery(String owner, UUID contactId, TaskStatus status, TaskKind kind) {

    String where() {
        List<String> clauses = new ArrayList<>();
        if (owner != null) {
            clauses.add("owner = :owner");
        }
        if (contactId != null) {
            clauses.add("contactId = :contactId");
        }
        if (status != null) {
            clauses.add("status = :status");
        }
        if (kind != null) {
            clauses.add("kind = :kind");
        }
        return clauses.isEmpty() ? "1 = 1" : String.join(" and ", clauses);
    }

    Parameters parameters() {
        Parameters parameters = new Parameters();
        if (owner != null) {
            parameters.and("owner", owner);
        }
        if (contactId != null) {
            parameters.and("contactId", contactId);
        }
        if (status != null) {
            parameters.and("status", status);
        }
        if (kind != null) {
            parameters.and("kind", kind);
        }
        return parameters;
    }
}
