package io.rapport.rest.input;

/**
 * What text Rapport can store. PostgreSQL refuses the NUL character (U+0000) in text, so a value holding one would
 * fail deep in a transaction as a server error; it is refused where it enters, as a client error naming the value.
 */
public final class StoredText {

    /** Why such text is refused, in the words a client sees. */
    public static final String REFUSAL = "may not contain the NUL character (U+0000)";

    private StoredText() {
    }

    public static boolean storable(String text) {
        return text == null || text.indexOf('\u0000') < 0;
    }
}
