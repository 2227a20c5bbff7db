package io.rapport.feedback;

/** What a survey asks: the NPS question (0–10), the CSAT question (1–5), or both. */
public enum SurveyKind {
    NPS, CSAT, BOTH;

    public boolean asksNps() {
        return this != CSAT;
    }

    public boolean asksCsat() {
        return this != NPS;
    }
}
