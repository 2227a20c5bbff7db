package io.rapport.feedback;

/** Net Promoter classes: promoters 9–10, passives 7–8, detractors 0–6. */
public enum NpsClass {
    PROMOTER, PASSIVE, DETRACTOR;

    public static final int MIN = 0;
    public static final int MAX = 10;

    public static NpsClass of(int score) {
        if (score < MIN || score > MAX) {
            throw new IllegalArgumentException("An NPS score is 0 to 10, not " + score);
        }
        return score >= 9 ? PROMOTER : score >= 7 ? PASSIVE : DETRACTOR;
    }
}
