package io.rapport.contacts.importing;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;

/**
 * Cuts an upload into rows, holding at most one row of at most {@code maxChars} characters: a longer row is read to
 * its end and dropped, and reported as such, so that one enormous row (or a file without a line break) costs no more
 * memory than a row may have. A row ends at a line break (LF, CRLF or CR); in CSV, not at one inside a quoted cell,
 * which is one that begins with a quote (RFC 4180: a quote inside an unquoted cell, as in O"Neil, is only a quote).
 */
final class BoundedRows {

    /** The next row: its text, or none when it was longer than the limit. */
    record Row(String text, boolean tooLong) {
    }

    private final Reader reader;
    private final int maxChars;
    private final boolean csv;
    private final StringBuilder row = new StringBuilder();
    /** A character read ahead of the row it belongs to (after a CR, or after a quote inside a quoted cell). */
    private int ahead = -2;
    private boolean ended;

    BoundedRows(Reader reader, int maxChars, boolean csv) {
        this.reader = reader;
        this.maxChars = maxChars;
        this.csv = csv;
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
        boolean tooLong = false;
        boolean quoted = false;
        boolean cellStart = true;
        for (int c = nextChar();; c = nextChar()) {
            if (c < 0) {
                ended = true;
                return row.isEmpty() && !tooLong ? null : new Row(tooLong ? null : row.toString(), tooLong);
            }
            if (quoted) {
                if (c == '"') {
                    int after = nextChar();
                    if (after != '"') {
                        quoted = false; // the closing quote; what follows is read as outside the cell's quotes
                        ahead = after;
                    } else {
                        tooLong |= !append(c); // a doubled quote, kept as the CSV parser expects it
                    }
                }
            } else if (c == '\n' || c == '\r') {
                if (c == '\r') {
                    int after = nextChar();
                    if (after != '\n') {
                        ahead = after;
                    }
                }
                return new Row(tooLong ? null : row.toString(), tooLong);
            } else if (csv && c == '"' && cellStart) {
                quoted = true;
            } else if (csv && c == ',') {
                cellStart = true;
                tooLong |= !append(c);
                continue;
            } else if (c != ' ' && c != '\t') {
                cellStart = false;
            }
            tooLong |= !append(c);
        }
    }

    /** Keeps the character while the row has room; false once it has not. */
    private boolean append(int c) {
        if (row.length() >= maxChars) {
            return false;
        }
        row.append((char) c);
        return true;
    }

    private int nextChar() {
        if (ahead != -2) {
            int c = ahead;
            ahead = -2;
            return c;
        }
        try {
            return reader.read();
        } catch (IOException e) {
            throw new UncheckedIOException("The upload could not be read", e);
        }
    }
}
