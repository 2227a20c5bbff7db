package io.rapport.rest.input;

/**
 * What text Rapport can store. PostgreSQL refuses the NUL character (U+0000) in text, so a value holding one would
 * fail deep in a transaction as a server error; a lone UTF-16 surrogate (a JSON escape such as {@code \ud800} that
 * forms no character) cannot be written as UTF-8 at all, and the driver would store a '?' in its place. Both are
 * refused where they enter, as a client error naming the value.
 */
public final class StoredText {

    /** Why text with a NUL is refused, in the words a client sees. */
    public static final String REFUSAL = "may not contain the NUL character (U+0000)";

    /** Why text with a lone surrogate is refused. */
    public static final String LONE_SURROGATE = "may not contain a lone UTF-16 surrogate (an escape such as \\ud800 "
            + "that forms no character)";

    private StoredText() {
    }

    public static boolean storable(String text) {
        return refusal(text) == null;
    }

    /** Why the text cannot be stored, or null when it can. */
    public static String refusal(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return REFUSAL;
            }
            if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1));
                if (!paired) {
                    return LONE_SURROGATE;
                }
                i++;
            }
        }
        return null;
    }
}
