package io.rapport.feedback.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.rapport.feedback.FeedbackContact;
import io.rapport.feedback.ResponseSource;
import io.rapport.feedback.SurveyRequest;
import io.rapport.feedback.SurveyResponse;
import io.rapport.feedback.SurveyStatus;
import io.rapport.feedback.rest.PublicSurvey;
import io.rapport.feedback.rest.ScoreInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * What a client reaches through a survey link, without a login: the token alone identifies the request. An unknown
 * (or tampered) token is 404; an answered, expired or cancelled one is 410.
 */
@ApplicationScoped
public class PublicSurveyService {

    static final String NPS_QUESTION = "How likely is it that you would recommend us to a friend or colleague?";
    static final String CSAT_QUESTION = "How satisfied are you with the service you received?";
    static final String COMMENT_PROMPT = "Anything you would like to tell us? (optional)";

    private final SurveyService surveys;
    private final Clock clock;

    public PublicSurveyService(SurveyService surveys, Clock clock) {
        this.surveys = surveys;
        this.clock = clock;
    }

    /** Where a survey link leads: an open survey, a closed one (answered, expired, withdrawn), or nowhere. */
    public sealed interface Reached {
    }

    /** @param language the client's language (a BCP 47 tag), or null */
    public record Open(PublicSurvey survey, String language) implements Reached {
    }

    public record Closed(SurveyStatus status) implements Reached {
    }

    public record Nowhere() implements Reached {
    }

    public Reached reach(String token) {
        SurveyRequest request = byToken(token, LockModeType.NONE);
        if (request == null) {
            return new Nowhere();
        }
        SurveyStatus status = request.statusAt(clock.instant());
        if (status != SurveyStatus.PENDING) {
            return new Closed(status);
        }
        FeedbackContact contact = FeedbackContact.findById(request.contactId);
        List<PublicSurvey.Question> questions = new ArrayList<>();
        if (request.kind.asksNps()) {
            questions.add(new PublicSurvey.Question("npsScore", NPS_QUESTION, 0, 10, "Not at all likely",
                    "Extremely likely"));
        }
        if (request.kind.asksCsat()) {
            questions.add(new PublicSurvey.Question("csatScore", CSAT_QUESTION, 1, 5, "Very dissatisfied",
                    "Very satisfied"));
        }
        return new Open(new PublicSurvey(request.kind, contact == null ? null : contact.firstName, request.repName,
                questions, COMMENT_PROMPT, request.expiresAt), contact == null ? null : contact.language);
    }

    /** The open survey a link leads to; {@link SurveyLinkNotOpen} when it leads to a closed one or nowhere. */
    public Open open(String token) {
        Reached reached = reach(token);
        if (reached instanceof Open open) {
            return open;
        }
        throw new SurveyLinkNotOpen(reached);
    }

    /** The API's answer to a link that leads to no open survey: 404 for nowhere, 410 for a closed survey. */
    public static HttpProblem problem(SurveyLinkNotOpen notOpen) {
        return notOpen.reached() instanceof Closed closed ? gone(closed.status()) : unknown();
    }

    /** Records the client's answer once; a second answer through the same link is 410. */
    @Transactional
    public SurveyResponse respond(String token, ScoreInput input) {
        SurveyRequest request = answerable(token, LockModeType.PESSIMISTIC_WRITE);
        return surveys.answer(request, input, ResponseSource.CLIENT, null);
    }

    private SurveyRequest answerable(String token, LockModeType lock) {
        SurveyRequest request = byToken(token, lock);
        if (request == null) {
            throw unknown();
        }
        SurveyStatus status = request.statusAt(clock.instant());
        if (status != SurveyStatus.PENDING) {
            throw gone(status);
        }
        return request;
    }

    private static SurveyRequest byToken(String token, LockModeType lock) {
        if (!SurveyTokens.wellFormed(token)) {
            return null;
        }
        return SurveyRequest.<SurveyRequest>find("tokenHash", SurveyTokens.hash(token)).withLock(lock).firstResult();
    }

    private static HttpProblem gone(SurveyStatus status) {
        return switch (status) {
            case ANSWERED -> Problems.gone("This survey has already been answered. Thank you!");
            case EXPIRED -> Problems.gone("This survey link has expired");
            default -> Problems.gone("This survey was withdrawn");
        };
    }

    private static HttpProblem unknown() {
        return HttpProblem.builder().withStatus(404).withTitle("Not Found").withDetail("No survey answers to this link")
                .build();
    }
}
