package io.rapport.feedback.testing;

import static io.rapport.events.testing.TestTokens.bearer;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import io.rapport.events.EventType;
import io.rapport.events.testing.CloudEventSender;
import io.rapport.events.testing.ConsumerAssignments;
import io.rapport.events.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;

/** Shorthands for the feedback API and for feeding it contact events as the contacts service would. */
public final class FeedbackApi {

    public static final String PROBLEM_JSON = "application/problem+json";
    public static final Duration BOUND = Duration.ofSeconds(30);
    private static final Instant CREATED = Instant.parse("2026-01-10T09:00:00Z");

    private FeedbackApi() {
    }

    public static RequestSpecification as(String user, String role) {
        return given().header("Authorization", bearer(user, role)).contentType(ContentType.JSON);
    }

    /** A rep whose token carries a display name ({@code name} claim), as an OIDC provider's would. */
    public static RequestSpecification asNamed(String user, String name, String role) {
        String token = Jwt.issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE).subject(user).upn(user).claim("name", name)
                .groups(Set.of(role)).expiresIn(Duration.ofHours(1)).sign(TestTokens.PRIVATE_KEY);
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    /** The public endpoints as a client at {@code address} (behind the trusted local proxy) calls them. */
    public static RequestSpecification client(String address) {
        return given().header("X-Forwarded-For", address).contentType(ContentType.JSON);
    }

    /** A fresh address per test, so rate limits of one test do not reach another. */
    public static String freshAddress() {
        UUID random = UUID.randomUUID();
        return "10." + (random.getMostSignificantBits() & 0xff) + "." + ((random.getMostSignificantBits() >> 8) & 0xff)
                + "." + ((random.getLeastSignificantBits() & 0xfe) + 1);
    }

    /** The consumer starts at the end of the topic: events sent before it has its partitions would be missed. */
    public static void awaitPartitionAssignment(KafkaClientService kafka) {
        ConsumerAssignments.await(kafka, "contact-events");
    }

    public static String contactJson(UUID id, long version, String owner, String firstName, UUID organisationId,
            boolean doNotContact) {
        return contactJson(id, version, owner, firstName, "ada@example.com", null, organisationId, doNotContact);
    }

    /** @param email the primary email address, or null; @param language a BCP 47 tag, or null */
    public static String contactJson(UUID id, long version, String owner, String firstName, String email,
            String language, UUID organisationId, boolean doNotContact) {
        return """
                {"id": "%s", "version": %d, "owner": "%s", "firstName": "%s", "lastName": "Lovelace",
                 "displayName": "%s Lovelace", "primaryEmail": %s, "language": %s, "organisationId": %s,
                 "lifecycleStage": "ACTIVE_CUSTOMER", "checkInCadenceDays": 30, "doNotContact": %s,
                 "marketingOptIn": false, "tags": [], "importantDates": [],
                 "createdAt": "%s", "updatedAt": "%s"}"""
                .formatted(id, version, owner, firstName, firstName, quotedOrNull(email), quotedOrNull(language),
                        quotedOrNull(organisationId), doNotContact, CREATED, CREATED);
    }

    private static String quotedOrNull(Object value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    /** Sends contact.created for a contact with this address and language, and waits until the projection has it. */
    public static UUID knownContact(CloudEventSender sender, String owner, String firstName, String email,
            String language) {
        UUID id = UUID.randomUUID();
        sender.send(EventType.CONTACT_CREATED, UUID.randomUUID().toString(), id.toString(), id.toString(), CREATED,
                contactJson(id, 0, owner, firstName, email, language, null, false));
        awaitHistory(id, owner, 200);
        return id;
    }

    public static void sendContact(CloudEventSender sender, EventType type, UUID id, long version, String owner,
            String firstName, UUID organisationId, boolean doNotContact) {
        sender.send(type, UUID.randomUUID().toString(), id.toString(), id.toString(), CREATED,
                contactJson(id, version, owner, firstName, organisationId, doNotContact));
    }

    /** Sends contact.created and waits until the projection knows the contact. */
    public static UUID knownContact(CloudEventSender sender, String owner, String firstName, UUID organisationId) {
        UUID id = UUID.randomUUID();
        sendContact(sender, EventType.CONTACT_CREATED, id, 0, owner, firstName, organisationId, false);
        awaitHistory(id, owner, 200);
        return id;
    }

    /** Waits until the contact's feedback history answers {@code status} to its owner. */
    public static void awaitHistory(UUID contact, String owner, int status) {
        await().atMost(BOUND).untilAsserted(() -> as(owner, "rep").when()
                .get("/api/v1/contacts/" + contact + "/feedback").then().statusCode(status));
    }

    /**
     * A survey request for the contact despite survey fatigue, sent by a manager with {@code force=true}: for tests
     * about several surveys to one contact. The request is the contact owner's, as any survey to the contact is.
     */
    public static io.restassured.path.json.JsonPath createSurveyAnyway(UUID contact, String kind) {
        return as("manager-of-the-team", "manager").queryParam("force", true)
                .body(linkSurvey(contact, kind))
                .when().post("/api/v1/surveys").then().statusCode(201).extract().jsonPath();
    }

    /**
     * Creates a survey request and returns its JSON (with the token). Sent by LINK: Rapport sends nothing, so its
     * version stays 0 (an email's delivery moves it on).
     */
    public static io.restassured.path.json.JsonPath createSurvey(String rep, UUID contact, String kind) {
        return as(rep, "rep").body(linkSurvey(contact, kind))
                .when().post("/api/v1/surveys").then().statusCode(201).extract().jsonPath();
    }

    private static String linkSurvey(UUID contact, String kind) {
        return "{\"contactId\": \"" + contact + "\", \"kind\": \"" + kind + "\", \"channel\": \"LINK\"}";
    }
}
