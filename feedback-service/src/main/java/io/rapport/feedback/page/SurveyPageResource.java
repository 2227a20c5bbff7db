package io.rapport.feedback.page;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.rapport.feedback.ExpiryDay;
import io.rapport.feedback.SurveyStatus;
import io.rapport.feedback.delivery.SurveyLinks;
import io.rapport.feedback.rest.PublicSurvey;
import io.rapport.feedback.rest.PublicSurveyLink;
import io.rapport.feedback.rest.ScoreInput;
import io.rapport.feedback.service.PublicSurveyService;
import io.rapport.feedback.service.PublicSurveyService.Closed;
import io.rapport.feedback.service.PublicSurveyService.Open;
import io.rapport.feedback.service.PublicSurveyService.Reached;
import io.rapport.feedback.service.SurveyLinkNotOpen;
import io.rapport.feedback.service.TooManyRequests;
import io.rapport.rest.input.BodyLimit;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The survey page a client opens from the link in their email: the question(s) as a row of buttons per scale and an
 * optional comment, in a plain HTML form that needs no JavaScript, then a thank-you page. It shows what the public
 * API shows and nothing more, under the same rate limits, checked with the link before the form is read
 * ({@code SurveyLinkGate}); a closed or unknown link gets a page that says so. Written in the client's language where
 * the page has it (English, German), else in the browser's.
 */
@Path(SurveyLinks.PAGE_PATH + "{token}")
@PublicSurveyLink
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class SurveyPageResource {

    private static final Set<String> LANGUAGES = Set.of("en", "de");
    private static final int MAX_COMMENT = 2000;
    // the page carries a working link in its address: nothing may cache it, frame it, or pass it on as a referrer to
    // another site ("same-origin", not "no-referrer", which would make the form's own POST come from origin "null",
    // refused as a cross-origin request)
    private static final String SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
            + "base-uri 'none'; frame-ancestors 'none'";

    /**
     * The form's fields percent-encoded: a comment of 2,000 characters of three UTF-8 bytes each is 18,000 bytes on
     * the wire (quarkus.http.limits.max-form-attribute-size must hold it too).
     */
    private static final String FORM_LIMIT = "32K";

    private final PublicSurveyService surveys;
    private final Template question;
    private final Template message;

    public SurveyPageResource(PublicSurveyService surveys, @Location("survey-page/question.html") Template question,
            @Location("survey-page/message.html") Template message) {
        this.surveys = surveys;
        this.question = question;
        this.message = message;
    }

    @GET
    @Operation(hidden = true)
    public Response show(@PathParam("token") String token, @Context HttpHeaders headers) {
        Locale browser = browserLanguage(headers);
        Reached reached = surveys.reach(token);
        if (reached instanceof Open open) {
            return page(200, questionPage(open, browser, null, null, null, ""));
        }
        return notOpen(reached, browser);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @BodyLimit(FORM_LIMIT)
    @Operation(hidden = true)
    public Response answer(@PathParam("token") String token, @FormParam("npsScore") String npsText,
            @FormParam("csatScore") String csatText, @FormParam("comment") String comment,
            @Context HttpHeaders headers) {
        Locale browser = browserLanguage(headers);
        Reached reached = surveys.reach(token);
        if (!(reached instanceof Open open)) {
            return notOpen(reached, browser);
        }
        PublicSurvey survey = open.survey();
        Integer nps = survey.kind().asksNps() ? score(npsText, 0, 10) : null;
        Integer csat = survey.kind().asksCsat() ? score(csatText, 1, 5) : null;
        String text = comment == null ? "" : comment;
        if ((survey.kind().asksNps() && nps == null) || (survey.kind().asksCsat() && csat == null)) {
            return page(400, questionPage(open, browser, "SCORE_MISSING", nps, csat, text));
        }
        if (text.length() > MAX_COMMENT) {
            return page(400, questionPage(open, browser, "COMMENT_TOO_LONG", nps, csat, text));
        }
        try {
            surveys.respond(token, new ScoreInput(nps, csat, text));
        } catch (HttpProblem problem) {
            // answered, expired or withdrawn a moment ago, through another tab or by the rep
            return notOpen(surveys.reach(token), browser);
        }
        Locale locale = language(open.language(), browser);
        return page(200, message.data("reason", "THANKS").data("repName", survey.repName())
                .data("lang", locale.toLanguageTag()).setLocale(locale));
    }

    private TemplateInstance questionPage(Open open, Locale browser, String problem, Integer nps, Integer csat,
            String comment) {
        PublicSurvey survey = open.survey();
        Locale locale = language(open.language(), browser);
        return question.data("lang", locale.toLanguageTag())
                .data("firstName", survey.firstName() == null ? "" : survey.firstName())
                .data("repName", survey.repName())
                .data("asksNps", survey.kind().asksNps())
                .data("asksCsat", survey.kind().asksCsat())
                .data("npsValues", range(0, 10))
                .data("csatValues", range(1, 5))
                .data("chosenNps", nps == null ? -1 : nps)
                .data("chosenCsat", csat == null ? -1 : csat)
                .data("comment", comment)
                .data("problem", problem == null ? "" : problem)
                .data("expiresOn", ExpiryDay.of(survey.expiresAt(), locale))
                .setLocale(locale);
    }

    private Response notOpen(Reached reached, Locale browser) {
        String reason = reached instanceof Closed closed ? closedReason(closed.status()) : "NOWHERE";
        return page(reached instanceof Closed ? 410 : 404,
                message.data("reason", reason).data("lang", browser.toLanguageTag()).setLocale(browser));
    }

    private static String closedReason(SurveyStatus status) {
        return switch (status) {
            case ANSWERED -> "ANSWERED";
            case EXPIRED -> "EXPIRED";
            default -> "CANCELLED";
        };
    }

    /** A link to no open survey, found before the request was read ({@code SurveyLinkGate}): a page that says so. */
    @ServerExceptionMapper
    public Response linkNotOpen(SurveyLinkNotOpen notOpen, HttpHeaders headers) {
        return notOpen(notOpen.reached(), browserLanguage(headers));
    }

    /** The same buckets as the public API: a page view or a submission costs one request. */
    @ServerExceptionMapper
    public Response rateLimited(TooManyRequests limited, HttpHeaders headers) {
        Locale browser = browserLanguage(headers);
        String retryAfter = Long.toString(limited.retryAfterSeconds());
        Response.ResponseBuilder response = Response.status(limited.getStatusCode())
                .entity(message.data("reason", "TOO_MANY").data("retryAfter", retryAfter)
                        .data("lang", browser.toLanguageTag()).setLocale(browser).render());
        return secured(response.header("Retry-After", retryAfter)).build();
    }

    private static Response page(int status, TemplateInstance page) {
        return secured(Response.status(status).entity(page.render())).build();
    }

    private static Response.ResponseBuilder secured(Response.ResponseBuilder response) {
        return response.type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", SECURITY_POLICY)
                .header("Referrer-Policy", "same-origin")
                .header("X-Content-Type-Options", "nosniff");
    }

    /** The client's language where the page has it, else the browser's first one it has, else English. */
    private static Locale language(String clientLanguage, Locale browser) {
        if (clientLanguage != null) {
            String language = Locale.forLanguageTag(clientLanguage).getLanguage();
            if (LANGUAGES.contains(language)) {
                return Locale.forLanguageTag(language);
            }
        }
        return browser;
    }

    private static Locale browserLanguage(HttpHeaders headers) {
        return headers.getAcceptableLanguages().stream().map(Locale::getLanguage).filter(LANGUAGES::contains)
                .findFirst().map(Locale::forLanguageTag).orElse(Locale.ENGLISH);
    }

    private static Integer score(String text, int min, int max) {
        try {
            int value = Integer.parseInt(text == null ? "" : text.strip());
            return value >= min && value <= max ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static List<Integer> range(int from, int to) {
        return IntStream.rangeClosed(from, to).boxed().toList();
    }
}
