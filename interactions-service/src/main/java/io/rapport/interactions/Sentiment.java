package io.rapport.interactions;

/** How the contact seemed, as the rep judged it. */
public enum Sentiment {
    VERY_NEGATIVE, NEGATIVE, NEUTRAL, POSITIVE, VERY_POSITIVE
}
