package io.rapport.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;

import io.rapport.rest.input.StorableTime;
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

    /** An ISO-8601 instant such as 2026-01-31T09:00:00Z, or null when absent. */
    public static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            Instant instant = Instant.parse(value.strip());
            if (StorableTime.storable(instant)) {
                return instant;
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw new BadRequestException("Query parameter '" + name + "' must be an ISO-8601 UTC timestamp such as "
                + "2026-01-31T09:00:00Z in the years 0001 to 9999, not '" + value + "'");
    }

    /** An ISO-8601 date such as 2026-01-31, or null when absent. */
    public static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.strip());
            if (StorableTime.storable(date)) {
                return date;
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw new BadRequestException("Query parameter '" + name + "' must be a date (YYYY-MM-DD) in the years 0001 to "
                + "9999, not '" + value + "'");
    }

    public static Boolean bool(String name, String value) {
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

    /**
     * A whole number between {@code min} and {@code max}, given as text so that one that is no number (or too large
     * for an int) is a 400 naming the parameter rather than JAX-RS's 404.
     */
    public static int integer(String name, String value, int min, int max) {
        long number = digits(value);
        if (number >= min && number <= max) {
            return (int) number;
        }
        throw new BadRequestException("Query parameter '" + name + "' must be a whole number between " + min + " and "
                + max + ", not '" + value + "'");
    }

    /** A page size between 1 and {@code max}. */
    public static int limit(int limit, int max) {
        if (limit < 1 || limit > max) {
            throw new BadRequestException("Query parameter 'limit' must be between 1 and " + max);
        }
        return limit;
    }

    /**
     * A page size given as text (a non-number is answered like a size out of range, not with JAX-RS's 404). Only
     * digits: "+5" and " 5" are not how a size is written.
     */
    public static int limit(String value, int max) {
        long limit = digits(value);
        return limit(limit > max ? 0 : (int) limit, max); // anything else is out of range too
    }

    /** The number a value of up to nine digits writes, else -1: "+5", " 5", "5.0" and "" are not numbers here. */
    private static long digits(String value) {
        if (value == null || value.isEmpty() || value.length() > 9
                || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        return Long.parseLong(value);
    }

    /** A period whose named bounds, when both given, are in order. */
    public static void period(String fromName, Instant from, String toName, Instant to) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new BadRequestException("Query parameter '" + fromName + "' must be before '" + toName + "'");
        }
    }
}
