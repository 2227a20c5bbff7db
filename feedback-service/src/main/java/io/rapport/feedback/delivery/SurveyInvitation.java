package io.rapport.feedback.delivery;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import io.rapport.feedback.ContextType;
import io.rapport.feedback.SurveyChannel;
import io.rapport.feedback.SurveyKind;

/**
 * Everything a courier needs to write to the client, read when the survey is taken off the queue.
 *
 * @param address where it goes (an email address for EMAIL)
 * @param firstName the client's first name, or null
 * @param language the client's language (a BCP 47 tag), or null
 * @param contextType what the survey follows up on, or null
 * @param link the survey page, with the single-use token
 */
public record SurveyInvitation(UUID requestId, SurveyChannel channel, String address, String firstName,
        String language, String repName, SurveyKind kind, ContextType contextType, URI link, Instant expiresAt) {
}
