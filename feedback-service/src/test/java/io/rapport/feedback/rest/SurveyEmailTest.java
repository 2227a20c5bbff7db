package io.rapport.feedback.rest;

import static io.rapport.feedback.testing.FeedbackApi.BOUND;
import static io.rapport.feedback.testing.FeedbackApi.PROBLEM_JSON;
import static io.rapport.feedback.testing.FeedbackApi.as;
import static io.rapport.feedback.testing.FeedbackApi.asNamed;
import static io.rapport.feedback.testing.FeedbackApi.knownContact;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.isOneOf;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.events.testing.CloudEventSender;
import io.rapport.feedback.testing.FeedbackApi;
import io.rapport.feedback.testing.InteractionsServiceStub;
import io.rapport.mail.testing.Mailbox;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;

/** Surveys sent by EMAIL, read back from the local SMTP server's mailboxes as the client would receive them. */
@QuarkusTest
class SurveyEmailTest {

    private final CloudEventSender sender = CloudEventSender.local();
    private final String alice = "alice-" + UUID.randomUUID();

    @Inject
    KafkaClientService kafka;

    @Inject
    EntityManager entityManager;

    @BeforeEach
    void awaitPartitionAssignment() {
        FeedbackApi.awaitPartitionAssignment(kafka);
    }

    @AfterEach
    void close() {
        sender.close();
    }

    @Test
    void theClientIsEmailedTheLinkInTheirLanguageOnceAndTheRequestSaysSo() throws Exception {
        String address = Mailbox.freshAddress("ada");
        UUID contact = knownContact(sender, alice, "Ada", address, "de-AT");
        UUID interaction = UUID.randomUUID();
        InteractionsServiceStub.holds(interaction, contact, alice);
        JsonPath created = asNamed(alice, "Alice Example", "rep")
                .body("""
                        {"contactId": "%s", "kind": "NPS", "contextType": "INTERACTION", "contextId": "%s"}"""
                        .formatted(contact, interaction))
                .when().post("/api/v1/surveys")
                .then().statusCode(201)
                .body("channel", is("EMAIL"))
                .body("deliveryStatus", isOneOf("QUEUED", "SENDING", "SENT"))
                .extract().jsonPath();
        String id = created.getString("id");
        String link = created.getString("link");
        assertThat(link).isEqualTo("http://127.0.0.1:8083/s/" + created.getString("token"));

        MimeMessage mail = Mailbox.awaitMessages(address, 1).get(0);
        assertThat(mail.getSubject()).isEqualTo("Alice Example möchte wissen, wie zufrieden Sie mit uns sind");
        assertThat(mail.getFrom()[0].toString()).contains("surveys@rapport.local");
        assertThat(mail.getHeader("X-Rapport-Survey-Request")).containsExactly(id);
        String text = Mailbox.part(mail, "text/plain");
        assertThat(text).startsWith("Guten Tag Ada,")
                .contains("nach unserem letzten Gespräch")
                .contains("von 0 bis 10")
                .contains("Hier antworten: " + link)
                .contains("Alice Example")
                // until when the link works: the day it expires, written in German
                .contains("bis zum " + DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.GERMAN)
                        .format(Instant.parse(created.getString("expiresAt")).atZone(ZoneOffset.UTC)) + ".");
        String html = Mailbox.part(mail, "text/html");
        assertThat(html).contains("<html lang=\"de\">").contains("href=\"" + link + "\"").contains("Guten Tag Ada,");

        await().atMost(BOUND).untilAsserted(() -> as(alice, "rep").when().get("/api/v1/surveys/" + id)
                .then().statusCode(200).body("deliveryStatus", is("SENT")));
        as(alice, "rep").when().get("/api/v1/surveys/" + id)
                .then().body("sentAt", notNullValue()).body("deliveryAttempts", is(1))
                .body("deliveryError", nullValue()).body("token", nullValue());
        // sent: the token left the database with it, and nothing sends the survey again
        assertThat(storedDeliveryToken(UUID.fromString(id))).isNull();
        assertThat(Mailbox.messages(address)).hasSize(1);
    }

    @Test
    void englishIsWrittenWhenThereIsNoTemplateInTheClientsLanguage() throws Exception {
        String address = Mailbox.freshAddress("grace");
        UUID contact = knownContact(sender, alice, "Grace", address, "fr-CA");
        asNamed(alice, "Alice Example", "rep").body("{\"contactId\": \"" + contact + "\", \"kind\": \"CSAT\"}")
                .when().post("/api/v1/surveys").then().statusCode(201);

        MimeMessage mail = Mailbox.awaitMessages(address, 1).get(0);
        assertThat(mail.getSubject()).isEqualTo("Alice Example would like to know how we are doing");
        assertThat(Mailbox.part(mail, "text/plain")).startsWith("Hello Grace,").contains("from 1 to 5");
        assertThat(Mailbox.part(mail, "text/html")).contains("<html lang=\"en\">");
    }

    @Test
    void anOperatorsTemplatesAddALanguage() throws Exception {
        String address = Mailbox.freshAddress("johan");
        UUID contact = knownContact(sender, alice, "Johan", address, "nl");
        String link = asNamed(alice, "Alice Example", "rep")
                .body("{\"contactId\": \"" + contact + "\", \"kind\": \"NPS\"}")
                .when().post("/api/v1/surveys").then().statusCode(201).extract().path("link");

        MimeMessage mail = Mailbox.awaitMessages(address, 1).get(0);
        assertThat(mail.getSubject()).isEqualTo("Alice Example wil graag weten hoe het gaat");
        assertThat(Mailbox.part(mail, "text/plain")).startsWith("Beste Johan,").contains(link);
    }

    @Test
    void aContactWithoutAnEmailAddressIsSentTheSurveyByLinkOnly() {
        UUID contact = knownContact(sender, alice, "Ada", null, null);
        as(alice, "rep").body("{\"contactId\": \"" + contact + "\", \"kind\": \"NPS\", \"channel\": \"EMAIL\"}")
                .when().post("/api/v1/surveys")
                .then().statusCode(422).contentType(PROBLEM_JSON)
                .body("violations[0].field", is("channel"))
                .body("detail", is("Contact " + contact + " has no email address: add one, or send the survey by LINK"));
        as(alice, "rep").queryParam("contactId", contact.toString()).when().get("/api/v1/surveys")
                .then().statusCode(200).body("items", emptyIterable());

        String token = as(alice, "rep").body("{\"contactId\": \"" + contact + "\", \"kind\": \"NPS\", \"channel\": \"LINK\"}")
                .when().post("/api/v1/surveys")
                .then().statusCode(201)
                .body("deliveryStatus", nullValue()).body("sentAt", nullValue())
                .extract().path("token");
        as(alice, "rep").queryParam("contactId", contact.toString()).when().get("/api/v1/surveys")
                .then().statusCode(200).body("items[0].link", nullValue()).body("items[0].deliveryStatus", nullValue());
        assertThat(token).isNotBlank();
    }

    @Test
    void smsAndMessageNeedAProvider() {
        UUID contact = knownContact(sender, alice, "Ada", Mailbox.freshAddress("ada"), null);
        for (String channel : List.of("SMS", "MESSAGE")) {
            as(alice, "rep").body("{\"contactId\": \"" + contact + "\", \"kind\": \"NPS\", \"channel\": \"" + channel + "\"}")
                    .when().post("/api/v1/surveys")
                    .then().statusCode(422).contentType(PROBLEM_JSON)
                    .body("violations[0].field", is("channel"))
                    .body("detail", is("No " + channel + " provider is configured: send the survey by EMAIL or LINK"));
        }
        as(alice, "rep").queryParam("contactId", contact.toString()).when().get("/api/v1/surveys")
                .then().statusCode(200).body("items", emptyIterable());
    }

    private String storedDeliveryToken(UUID id) {
        return (String) entityManager.createNativeQuery("select delivery_token from survey_request where id = ?1")
                .setParameter(1, id).getSingleResult();
    }
}
