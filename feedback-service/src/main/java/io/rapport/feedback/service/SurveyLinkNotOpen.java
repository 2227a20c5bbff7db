package io.rapport.feedback.service;

import io.rapport.feedback.service.PublicSurveyService.Reached;

/** A survey link that leads to no open survey: to one answered, expired or withdrawn, or nowhere. */
public class SurveyLinkNotOpen extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Reached reached;

    SurveyLinkNotOpen(Reached reached) {
        super(null, null, false, false);
        this.reached = reached;
    }

    public Reached reached() {
        return reached;
    }
}
