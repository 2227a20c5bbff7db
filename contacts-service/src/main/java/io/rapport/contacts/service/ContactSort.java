package io.rapport.contacts.service;

import java.util.Arrays;

import jakarta.ws.rs.BadRequestException;

/** The orders a contact list can have; each is a keyset (column, id) so cursors stay stable. */
public enum ContactSort {
    NAME("name", "sort_name", false, false),
    NAME_DESC("-name", "sort_name", true, false),
    CREATED("createdAt", "created_at", false, true),
    CREATED_DESC("-createdAt", "created_at", true, true),
    UPDATED("updatedAt", "updated_at", false, true),
    UPDATED_DESC("-updatedAt", "updated_at", true, true);

    final String parameter;
    final String column;
    final boolean descending;
    final boolean timestamp;

    ContactSort(String parameter, String column, boolean descending, boolean timestamp) {
        this.parameter = parameter;
        this.column = column;
        this.descending = descending;
        this.timestamp = timestamp;
    }

    public static ContactSort fromParameter(String value) {
        if (value == null || value.isBlank()) {
            return NAME;
        }
        return Arrays.stream(values()).filter(sort -> sort.parameter.equals(value.strip())).findFirst()
                .orElseThrow(() -> new BadRequestException("Query parameter 'sort' must be one of "
                        + Arrays.stream(values()).map(sort -> sort.parameter).toList() + ", not '" + value + "'"));
    }
}
