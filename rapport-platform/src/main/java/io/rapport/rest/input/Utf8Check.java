package io.rapport.rest.input;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.core.JsonParseException;

/**
 * Passes a body's bytes through while checking that they are UTF-8 as RFC 3629 defines it, and fails at the first
 * byte that is not. Jackson decodes some invalid sequences anyway: the overlong {@code C0 AF} became a '/', which a
 * filter looking for '/' would never see.
 */
final class Utf8Check extends FilterInputStream {

    /** How the refusal begins. */
    static final String NOT_UTF8 = "The body is not UTF-8";

    /** Continuation bytes still expected in the current sequence. */
    private int pending;
    /** Bounds of the next continuation byte, narrower after some lead bytes: no overlong form, no surrogate. */
    private int low = 0x80;
    private int high = 0xBF;
    private long offset;

    Utf8Check(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b < 0) {
            atEnd();
        } else {
            check(b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int from, int length) throws IOException {
        int read = super.read(buffer, from, length);
        if (read < 0) {
            atEnd();
        }
        for (int i = 0; i < read; i++) {
            check(buffer[from + i] & 0xFF);
        }
        return read;
    }

    private void check(int b) throws JsonParseException {
        if (pending > 0) {
            if (b < low || b > high) {
                throw malformed(b);
            }
            low = 0x80;
            high = 0xBF;
            pending--;
        } else if (b >= 0x80) {
            lead(b);
        }
        offset++;
    }

    /** The first byte of a multi-byte sequence: how many follow, and the range of the next. */
    private void lead(int b) throws JsonParseException {
        if (b >= 0xC2 && b <= 0xDF) {
            pending = 1;
        } else if (b >= 0xE0 && b <= 0xEF) {
            pending = 2;
            low = b == 0xE0 ? 0xA0 : 0x80; // E0 80..9F would be overlong
            high = b == 0xED ? 0x9F : 0xBF; // ED A0..BF would be a surrogate
        } else if (b >= 0xF0 && b <= 0xF4) {
            pending = 3;
            low = b == 0xF0 ? 0x90 : 0x80; // F0 80..8F would be overlong
            high = b == 0xF4 ? 0x8F : 0xBF; // F4 90.. would be past U+10FFFF
        } else {
            throw malformed(b); // a stray continuation byte, C0, C1 (overlong) or F5..FF
        }
    }

    private void atEnd() throws JsonParseException {
        if (pending > 0) {
            pending = 0;
            throw new JsonParseException(null, NOT_UTF8 + ": it ends inside a character");
        }
    }

    private JsonParseException malformed(int b) {
        pending = 0;
        return new JsonParseException(null, String.format(NOT_UTF8 + ": byte 0x%02X at offset %d is not "
                + "where a UTF-8 character can have it", b, offset));
    }
}
