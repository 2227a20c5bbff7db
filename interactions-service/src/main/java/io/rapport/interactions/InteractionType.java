package io.rapport.interactions;

/** The channel or kind of a touch-point. Every one counts as a touch-point for check-ins. */
public enum InteractionType {
    CALL, EMAIL, MEETING, VIDEO_CALL, MESSAGE, NOTE, SOCIAL, EVENT, VALUE_ADD
}
