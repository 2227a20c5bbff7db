package io.rapport.rest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import io.rapport.rest.input.StoredText;
import jakarta.ws.rs.BadRequestException;

/**
 * An opaque keyset-pagination cursor: the sort value and id of the last item of a page. The next page starts
 * strictly after it, so pages stay stable while rows are added.
 */
public record Cursor(String sortValue, UUID id) {

    private static final char SEPARATOR = '\n';

    public String encode() {
        String raw = (sortValue == null ? "" : sortValue) + SEPARATOR + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** @return null for no cursor (the first page); 400 for a cursor this service did not issue */
    public static Cursor decode(String encoded) {
        if (encoded == null || encoded.isBlank()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            int split = raw.lastIndexOf(SEPARATOR);
            if (!StoredText.storable(raw)) {
                throw notOurs();
            }
            return new Cursor(raw.substring(0, split), UUID.fromString(raw.substring(split + 1)));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw notOurs();
        }
    }

    /** The sort value as the instant it holds in a time-sorted order; 400 when the client made it up. */
    public Instant instantValue() {
        try {
            return Instant.parse(sortValue);
        } catch (DateTimeParseException e) {
            throw notOurs();
        }
    }

    /** The sort value as the whole number it holds in a number-sorted order; 400 when the client made it up. */
    public int intValue() {
        try {
            return Integer.parseInt(sortValue);
        } catch (NumberFormatException e) {
            throw notOurs();
        }
    }

    private static BadRequestException notOurs() {
        return new BadRequestException("Query parameter 'cursor' is not a cursor this API issued for this order");
    }

    /** The cursor after the last item, or null when {@code page} was the last page. */
    public static <T> String next(List<T> page, int limit, Function<T, Cursor> cursorOf) {
        return page.size() < limit ? null : cursorOf.apply(page.get(page.size() - 1)).encode();
    }
}
