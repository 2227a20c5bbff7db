package io.rapport.feedback.service;

import io.rapport.feedback.SurveyKind;
import io.rapport.feedback.rest.ScoreInput;
import io.rapport.rest.input.InvalidInput;
import jakarta.enterprise.context.ApplicationScoped;

/** Which scores an answer must carry: exactly those its survey's kind asks for. (Ranges are bean-validated.) */
@ApplicationScoped
public class ScoreRules {

    public void check(SurveyKind kind, ScoreInput input) {
        if (kind.asksNps() && input.npsScore() == null) {
            throw InvalidInput.field("npsScore", "required: the survey asks how likely the client is to recommend");
        }
        if (!kind.asksNps() && input.npsScore() != null) {
            throw InvalidInput.field("npsScore", "must be absent: the survey does not ask it");
        }
        if (kind.asksCsat() && input.csatScore() == null) {
            throw InvalidInput.field("csatScore", "required: the survey asks how satisfied the client is");
        }
        if (!kind.asksCsat() && input.csatScore() != null) {
            throw InvalidInput.field("csatScore", "must be absent: the survey does not ask it");
        }
    }
}
