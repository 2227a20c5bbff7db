package io.rapport.feedback;

/** Customer satisfaction classes: satisfied 4–5, neutral 3, dissatisfied 1–2. */
public enum CsatClass {
    SATISFIED, NEUTRAL, DISSATISFIED;

    public static final int MIN = 1;
    public static final int MAX = 5;

    public static CsatClass of(int score) {
        if (score < MIN || score > MAX) {
            throw new IllegalArgumentException("A CSAT score is 1 to 5, not " + score);
        }
        return score >= 4 ? SATISFIED : score == 3 ? NEUTRAL : DISSATISFIED;
    }
}
