package io.rapport.interactions.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import jakarta.ws.rs.BadRequestException;

/** Query parameters beyond those of the platform's QueryParams, answered with a 400 naming the parameter. */
final class Params {

    private Params() {
    }

    static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequestException("Query parameter '" + name + "' must be an ISO-8601 UTC timestamp such as "
                    + "2026-01-31T09:00:00Z, not '" + value + "'");
        }
    }

    static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toLowerCase()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new BadRequestException("Query parameter '" + name + "' must be true or false, not '"
                    + value + "'");
        };
    }

    static void limit(int limit, int max) {
        if (limit < 1 || limit > max) {
            throw new BadRequestException("Query parameter 'limit' must be between 1 and " + max);
        }
    }

    static void period(Instant from, Instant to) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new BadRequestException("Query parameter 'from' must be before 'to'");
        }
    }
}
