package io.rapport.feedback.delivery;

import java.net.URI;

import io.rapport.feedback.config.FeedbackConfig;
import jakarta.enterprise.context.ApplicationScoped;

/** The address of a survey's page as a client reaches it from outside: what a message carries and a rep shares. */
@ApplicationScoped
public class SurveyLinks {

    /** The survey page's path below the service's root; the token follows it. */
    public static final String PAGE_PATH = "/s/";

    private final String publicUrl;

    public SurveyLinks(FeedbackConfig config) {
        String base = config.delivery().publicUrl().toString();
        this.publicUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public URI pageFor(String token) {
        return URI.create(publicUrl + PAGE_PATH + token);
    }
}
