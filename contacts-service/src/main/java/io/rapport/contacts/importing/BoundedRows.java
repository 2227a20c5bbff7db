package io.rapport.contacts.importing;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;

/**
 * Cuts an upload into rows, holding at most one row of at most {@code maxChars} characters: a longer row is read to
 * its end and dropped, and reported as such, so that one enormous row (or a file without a line break) costs no more
 * memory than a row may have. A row ends at a line break; in CSV, not at one inside a quoted cell.
 */
final class BoundedRows {

    /** The next row: its text, or none when it was longer than the limit. */
    record Row(String text, boolean tooLong) {
    }

    private final Reader reader;
    private final int maxChars;
    private final boolean csvQuotes;
    private final StringBuilder row = new StringBuilder();
    private boolean ended;

    BoundedRows(Reader reader, int maxChars, boolean csvQuotes) {
        this.reader = reader;
        this.maxChars = maxChars;
        this.csvQuotes = csvQuotes;
    }

    /** The next row that is not blank, or null at the end of the upload. */
    Row next() {
        Row next;
        do {
            next = read();
        } while (next != null && !next.tooLong() && next.text().isBlank());
        return next;
    }

    private Row read() {
        if (ended) {
            return null;
        }
        row.setLength(0);
        boolean inQuotes = false;
        boolean tooLong = false;
        try {
            for (int c = reader.read();; c = reader.read()) {
                if (c < 0) {
                    ended = true;
                    return row.isEmpty() && !tooLong ? null : done(tooLong);
                }
                if (c == '"' && csvQuotes) {
                    inQuotes = !inQuotes; // an escaped quote ("") toggles twice
                } else if (c == '\n' && !inQuotes) {
                    return done(tooLong);
                }
                if (row.length() < maxChars) {
                    row.append((char) c);
                } else {
                    tooLong = true;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The upload could not be read", e);
        }
    }

    private Row done(boolean tooLong) {
        if (tooLong) {
            return new Row(null, true);
        }
        int end = row.length();
        if (end > 0 && row.charAt(end - 1) == '\r') {
            end--;
        }
        return new Row(row.substring(0, end), false);
    }
}
