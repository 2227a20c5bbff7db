package io.rapport.feedback.delivery;

import java.util.UUID;

/** A survey was queued for sending; observed after the commit, so the dispatcher never looks before it is there. */
public record SurveyQueued(UUID requestId) {
}
