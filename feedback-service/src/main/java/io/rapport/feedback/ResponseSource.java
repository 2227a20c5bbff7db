package io.rapport.feedback;

/** Who gave the answer: the client through the public link, or a rep recording it on the client's behalf. */
public enum ResponseSource {
    CLIENT, REP
}
