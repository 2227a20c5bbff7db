package io.rapport.feedback;

/** What a survey follows up on. */
public enum ContextType {
    INTERACTION, COMMITMENT
}
