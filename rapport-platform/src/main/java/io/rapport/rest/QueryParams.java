package io.rapport.rest;

import java.util.Arrays;
import java.util.UUID;

import jakarta.ws.rs.BadRequestException;

/**
 * Converts query parameters with a 400 that names the parameter and what it accepts. (JAX-RS answers a query
 * parameter it cannot convert with 404, which would tell a client the resource does not exist.)
 */
public final class QueryParams {

    private QueryParams() {
    }

    public static <E extends Enum<E>> E enumValue(Class<E> type, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("Query parameter '" + name + "' must be one of "
                    + Arrays.toString(type.getEnumConstants()) + ", not '" + value + "'");
        }
    }

    public static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("Query parameter '" + name + "' must be a UUID, not '" + value + "'");
        }
    }
}
