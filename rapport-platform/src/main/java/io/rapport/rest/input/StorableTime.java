package io.rapport.rest.input;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The moments Rapport stores and answers: the years 0001 to 9999, those of RFC 3339's four-digit years. PostgreSQL
 * stores timestamps from 4713 BC to 294276 AD, but an answer must repeat a value as it was written, and beyond
 * four digits it could not (Java writes {@code +10000-01-01T00:00:00Z}, which RFC 3339 has no place for), while the
 * driver turns years it cannot send into others (year 584554051 was stored as year 1).
 */
public final class StorableTime {

    /** Why a date or time is refused, in the words a client sees. */
    public static final String REFUSAL = "must lie in the years 0001 to 9999";

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    /** PostgreSQL keeps microseconds, and the driver rounds to them: a later nanosecond would be stored as 10000. */
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private StorableTime() {
    }

    public static boolean storable(Instant instant) {
        return instant == null || (!instant.isBefore(EARLIEST) && !instant.isAfter(LATEST));
    }

    public static boolean storable(LocalDate date) {
        return date == null || (date.getYear() >= 1 && date.getYear() <= 9999);
    }

    /** An Instant, an OffsetDateTime (stored as its instant) or a LocalDate; other values pass. */
    static boolean storable(Object value) {
        if (value instanceof Instant instant) {
            return storable(instant);
        }
        if (value instanceof OffsetDateTime time) {
            return storable(time.toInstant());
        }
        return !(value instanceof LocalDate date) || storable(date);
    }
}
