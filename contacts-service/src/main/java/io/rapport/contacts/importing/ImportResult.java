package io.rapport.contacts.importing;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The outcome of one row, written as one line of the NDJSON response. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportResult(long row, Status status, UUID id, String reason, List<Map<String, String>> errors) {

    public enum Status {
        CREATED, UPDATED, DUPLICATE, REJECTED
    }

    static ImportResult created(long row, UUID id) {
        return new ImportResult(row, Status.CREATED, id, null, null);
    }

    static ImportResult updated(long row, UUID id) {
        return new ImportResult(row, Status.UPDATED, id, null, null);
    }

    static ImportResult duplicate(long row, UUID existing, String reason) {
        return new ImportResult(row, Status.DUPLICATE, existing, reason, null);
    }

    static ImportResult rejected(long row, String reason, List<Map<String, String>> errors) {
        return new ImportResult(row, Status.REJECTED, null, reason, errors);
    }
}
