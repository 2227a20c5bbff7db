package io.rapport.feedback.mapping;

import java.net.URI;
import java.time.Instant;

import io.rapport.events.contract.FeedbackReceived;
import io.rapport.events.contract.FeedbackRequested;
import io.rapport.feedback.SurveyRequest;
import io.rapport.feedback.SurveyResponse;
import io.rapport.feedback.rest.SurveyRequestView;
import io.rapport.feedback.rest.SurveyResponseView;

/** Survey requests and responses as the API shows them and as events carry them. */
public final class SurveyMapper {

    public static final String PUBLIC_PATH = "/api/v1/public/surveys/";

    private SurveyMapper() {
    }

    public static SurveyRequestView toView(SurveyRequest request, SurveyResponse response, Instant now) {
        return toView(request, response, now, null, null);
    }

    /**
     * @param token the plain token, only right after the request was created
     * @param link the survey page with that token
     */
    public static SurveyRequestView toView(SurveyRequest request, SurveyResponse response, Instant now,
            String token, URI link) {
        boolean delivered = request.delivery.status != null;
        return new SurveyRequestView(request.id, request.version, request.contactId, request.owner, request.repName,
                request.kind, request.channel, request.contextType, request.contextId, request.statusAt(now),
                request.createdBy, request.createdAt, request.expiresAt, request.answeredAt, request.cancelledAt,
                token, token == null ? null : PUBLIC_PATH + token, link, request.delivery.status, request.delivery.sentAt,
                delivered ? request.delivery.attempts : null, request.delivery.error,
                response == null ? null : SurveyResponseView.of(response));
    }

    public static FeedbackRequested requested(SurveyRequest request) {
        return new FeedbackRequested(request.id, request.contactId, request.owner, request.kind.name(),
                request.channel.name(), request.contextId, request.createdAt, request.expiresAt);
    }

    public static FeedbackReceived received(SurveyRequest request, SurveyResponse response) {
        return new FeedbackReceived(request.id, response.contactId, response.owner, response.npsScore,
                response.npsClass() == null ? null : response.npsClass().name(), response.csatScore,
                response.csatClass() == null ? null : response.csatClass().name(),
                response.comment == null ? 0 : response.comment.length(),
                response.source.name(), request.contextId,
                response.receivedAt);
    }
}
