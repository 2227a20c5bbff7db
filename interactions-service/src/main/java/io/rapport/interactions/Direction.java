package io.rapport.interactions;

/** Who reached out: the contact (INBOUND), the rep (OUTBOUND), or neither (INTERNAL, e.g. a note). */
public enum Direction {
    INBOUND, OUTBOUND, INTERNAL
}
