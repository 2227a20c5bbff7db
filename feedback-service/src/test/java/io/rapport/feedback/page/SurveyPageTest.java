package io.rapport.feedback.page;

import static io.rapport.feedback.testing.FeedbackApi.as;
import static io.rapport.feedback.testing.FeedbackApi.asNamed;
import static io.rapport.feedback.testing.FeedbackApi.client;
import static io.rapport.feedback.testing.FeedbackApi.freshAddress;
import static io.rapport.feedback.testing.FeedbackApi.knownContact;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.events.testing.CloudEventSender;
import io.rapport.feedback.testing.FeedbackApi;
import io.rapport.feedback.testing.MovableClock;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;

/** The survey page over plain HTTP, as a browser without JavaScript uses it: a GET, then a form POST. */
@QuarkusTest
class SurveyPageTest {

    private final CloudEventSender sender = CloudEventSender.local();
    private final String alice = "alice-" + UUID.randomUUID();
    private final String address = freshAddress();

    @Inject
    KafkaClientService kafka;

    @Inject
    MovableClock clock;

    @BeforeEach
    void awaitPartitionAssignment() {
        FeedbackApi.awaitPartitionAssignment(kafka);
    }

    @AfterEach
    void close() {
        clock.reset();
        sender.close();
    }

    @Test
    void thePageAsksTheSurveysQuestionsAsAFormThatNeedsNoScript() {
        String token = linkSurvey(knownContact(sender, alice, "Ada", null, null), "BOTH");
        page().when().get("/s/" + token)
                .then().statusCode(200)
                .contentType(startsWith("text/html"))
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "same-origin")
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .body(allOf(containsString("<html lang=\"en\">"), containsString("Hello Ada,"),
                        containsString("Alice Example would like to know how we are doing"),
                        containsString("<form method=\"post\">"),
                        containsString("id=\"nps-0\" value=\"0\""), containsString("id=\"nps-10\" value=\"10\""),
                        containsString("<label for=\"nps-10\">10</label>"),
                        containsString("id=\"csat-1\" value=\"1\""), containsString("id=\"csat-5\" value=\"5\""),
                        not(containsString("id=\"csat-0\"")), not(containsString("<script")),
                        containsString("<textarea id=\"comment\" name=\"comment\" maxlength=\"2000\">")));
    }

    @Test
    void aFormPostedWithoutAScoreShowsTheFormAgainSayingWhatIsMissing() {
        UUID contact = knownContact(sender, alice, "Ada", null, null);
        String token = linkSurvey(contact, "BOTH");
        form().formParam("npsScore", "9").formParam("comment", "Quick <and> kind")
                .when().post("/s/" + token)
                .then().statusCode(400)
                .body(allOf(containsString("role=\"alert\""), containsString("Please choose a score for each question."),
                        containsString("id=\"nps-9\" value=\"9\" required checked"),
                        containsString("Quick &lt;and&gt; kind</textarea>")));
        form().formParam("npsScore", "11").formParam("csatScore", "5").when().post("/s/" + token)
                .then().statusCode(400).body(containsString("Please choose a score for each question."));
        as(alice, "rep").queryParam("contactId", contact.toString()).when().get("/api/v1/surveys")
                .then().statusCode(200).body("items[0].status", is("PENDING"));
    }

    @Test
    void anAnswerPostedThroughTheFormIsRecordedOnceAndThanked() {
        UUID contact = knownContact(sender, alice, "Ada", null, null);
        String token = linkSurvey(contact, "NPS");
        form().formParam("npsScore", "9").formParam("comment", "Very helpful").when().post("/s/" + token)
                .then().statusCode(200).body(allOf(containsString("Thank you!"),
                        containsString("Your answer has reached Alice Example.")));
        as(alice, "rep").queryParam("contactId", contact.toString()).when().get("/api/v1/surveys")
                .then().statusCode(200).body("items[0].status", is("ANSWERED"))
                .body("items[0].response.npsScore", is(9)).body("items[0].response.comment", is("Very helpful"))
                .body("items[0].response.source", is("CLIENT"));

        form().formParam("npsScore", "3").when().post("/s/" + token)
                .then().statusCode(410).body(containsString("This survey has already been answered. Thank you!"));
        page().when().get("/s/" + token)
                .then().statusCode(410).body(containsString("This survey is closed"));
    }

    @Test
    void aCommentOfTwoThousandCharactersIsTakenInAnyScript() {
        // 2,000 characters of two and of three UTF-8 bytes: 4,000 and 6,000 bytes, 12,000 and 18,000 percent-encoded
        for (String character : List.of("ä", "語")) {
            UUID contact = knownContact(sender, alice, "Ada", null, null);
            String token = linkSurvey(contact, "NPS");
            form().formParam("npsScore", "8").formParam("comment", character.repeat(2000)).when().post("/s/" + token)
                    .then().statusCode(200).body(containsString("Thank you!"));
            as(alice, "rep").queryParam("contactId", contact.toString()).when().get("/api/v1/surveys")
                    .then().statusCode(200).body("items[0].response.comment", is(character.repeat(2000)));
        }
    }

    @Test
    void expiredWithdrawnAndUnknownLinksGetAPageThatSaysSo() {
        String expiring = linkSurvey(knownContact(sender, alice, "Ada", null, null), "NPS");
        clock.advance(Duration.ofDays(15));
        page().when().get("/s/" + expiring).then().statusCode(410)
                .body(containsString("This survey link has expired."));
        clock.reset();

        UUID contact = knownContact(sender, alice, "Grace", null, null);
        String withdrawn = linkSurvey(contact, "NPS");
        String id = as(alice, "rep").queryParam("contactId", contact.toString()).when().get("/api/v1/surveys")
                .then().extract().path("items[0].id");
        as(alice, "rep").header("If-Match", "\"0\"").when().post("/api/v1/surveys/" + id + "/cancel")
                .then().statusCode(200);
        page().when().get("/s/" + withdrawn).then().statusCode(410)
                .body(containsString("This survey was withdrawn."));

        page().when().get("/s/" + "x".repeat(43)).then().statusCode(404).contentType(startsWith("text/html"))
                .body(containsString("This link does not lead to a survey."));
        page().when().get("/s/not-a-token").then().statusCode(404).body(containsString("No survey here"));
    }

    @Test
    void theClientsLanguageComesFirstThenTheBrowsers() {
        String german = linkSurvey(knownContact(sender, alice, "Ada", null, "de-CH"), "CSAT");
        page().header("Accept-Language", "en").when().get("/s/" + german).then().statusCode(200)
                .body(allOf(containsString("<html lang=\"de\">"), containsString("Guten Tag Ada,"),
                        containsString("Wie zufrieden sind Sie mit unserem Service?"),
                        containsString("Antwort senden")));
        String unknownLanguage = linkSurvey(knownContact(sender, alice, "Ada", null, "fr"), "CSAT");
        page().header("Accept-Language", "fr-FR, de;q=0.8, en;q=0.5").when().get("/s/" + unknownLanguage)
                .then().statusCode(200).body(containsString("<html lang=\"de\">"));
        page().header("Accept-Language", "de").when().get("/s/unknown").then().statusCode(404)
                .body(containsString("Keine Umfrage gefunden"));
    }

    @Test
    void thePageSharesThePublicApisRateLimit() {
        UUID contact = knownContact(sender, alice, "Ada", null, null);
        String token = linkSurvey(contact, "NPS");
        int perToken = 6; // %test.rapport.feedback.rate-limit.per-token.capacity
        for (int i = 0; i < perToken; i++) {
            client(freshAddress()).when().get("/api/v1/public/surveys/" + token).then().statusCode(200);
        }
        page().when().get("/s/" + token).then().statusCode(429).header("Retry-After", not(""))
                .contentType(startsWith("text/html")).body(containsString("Too many attempts"));
        // the form's answer too: refused before it is read, and the survey stays unanswered
        form().formParam("npsScore", "9").when().post("/s/" + token).then().statusCode(429)
                .header("Retry-After", not("")).contentType(startsWith("text/html"))
                .body(containsString("Too many attempts"));
        as(alice, "rep").queryParam("contactId", contact.toString()).when().get("/api/v1/surveys")
                .then().statusCode(200).body("items[0].status", is("PENDING"));
    }

    private String linkSurvey(UUID contact, String kind) {
        return asNamed(alice, "Alice Example", "rep")
                .body("{\"contactId\": \"" + contact + "\", \"kind\": \"" + kind + "\", \"channel\": \"LINK\"}")
                .when().post("/api/v1/surveys").then().statusCode(201).extract().path("token");
    }

    private RequestSpecification page() {
        return client(address).accept(ContentType.HTML);
    }

    private RequestSpecification form() {
        return client(address).contentType(ContentType.URLENC.withCharset("UTF-8")).accept(ContentType.HTML);
    }
}
