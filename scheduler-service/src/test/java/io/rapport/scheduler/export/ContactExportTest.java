package io.rapport.scheduler.export;

import static io.rapport.events.testing.TestTokens.bearer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.events.EventType;
import io.rapport.events.testing.CloudEventSender;
import io.rapport.events.testing.ConsumerAssignments;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;

/**
 * This service's part of a contact's GDPR export: every task of the contact and of those merged into it, open or
 * closed, with what reps wrote, and its relationship health, for whom may see the contact.
 */
@QuarkusTest
class ContactExportTest {

    private static final Duration BOUND = Duration.ofSeconds(30);

    @Inject
    KafkaClientService kafka;

    private final CloudEventSender sender = CloudEventSender.local();
    private final String rep = "rep-" + UUID.randomUUID();

    @BeforeEach
    void awaitPartitionAssignment() {
        ConsumerAssignments.await(kafka, "contact-events");
    }

    @AfterEach
    void close() {
        sender.close();
    }

    @Test
    void theExportHoldsEveryTaskOfTheContactAndOfThoseMergedIntoItAndItsHealth() {
        UUID contact = projectedContact();
        UUID duplicate = projectedContact();
        String followUp = as(rep, "rep").body("""
                {"contactId": "%s", "subject": "Send the Lisbon office contacts", "dueAt": "%s",
                 "note": "she moves in March"}""".formatted(duplicate, Instant.now().plus(Duration.ofDays(3))))
                .when().post("/api/v1/tasks").then().statusCode(201).extract().path("id");
        send(EventType.CONTACT_MERGED, duplicate, """
                {"mergedId": "%s", "survivorId": "%s", "mergedAt": "%s"}""".formatted(duplicate, contact,
                Instant.now()));
        await().atMost(BOUND).untilAsserted(() -> as(rep, "rep").when().get("/api/v1/tasks/" + followUp)
                .then().statusCode(200).body("status", is("AUTO_RESOLVED")));

        JsonPath export = as(rep, "rep").when().get("/api/v1/contacts/" + contact + "/export")
                .then().statusCode(200).extract().jsonPath();
        assertThat(export.getString("contactId")).isEqualTo(contact.toString());
        // the check-ins, and the follow-up added on the duplicate with its continuation on the survivor
        assertThat(export.<String>getList("tasks.kind")).contains("CHECK_IN")
                .filteredOn("FOLLOW_UP"::equals).hasSize(2);
        assertThat(export.getList("tasks.reason")).contains("Added by " + rep + ": she moves in March");
        assertThat(export.getList("tasks.contactId")).containsOnly(contact.toString(), duplicate.toString());
        assertThat(export.getInt("health.score")).isBetween(0, 100);

        as("carol", "manager").when().get("/api/v1/contacts/" + contact + "/export").then().statusCode(200);
        as(rep, "rep").when().get("/api/v1/contacts/" + duplicate + "/export")
                .then().statusCode(404).body("mergedInto", is(contact.toString()));
    }

    @Test
    void onlyWhoMaySeeTheContactGetsItsExport() {
        UUID contact = projectedContact();
        as("someone-else", "rep").when().get("/api/v1/contacts/" + contact + "/export").then().statusCode(404);
        as("ivy", "integrator").when().get("/api/v1/contacts/" + contact + "/export").then().statusCode(403);
        send(EventType.CONTACT_ERASED, contact, "{\"id\": \"%s\", \"erasedAt\": \"%s\"}".formatted(contact,
                Instant.now()));
        await().atMost(BOUND).untilAsserted(() -> as(rep, "rep").when()
                .get("/api/v1/contacts/" + contact + "/export").then().statusCode(410));
    }

    private UUID projectedContact() {
        UUID contact = UUID.randomUUID();
        Instant created = Instant.now().minus(Duration.ofDays(1));
        send(EventType.CONTACT_CREATED, contact, """
                {"id": "%s", "version": 0, "owner": "%s", "firstName": "Ada", "displayName": "Ada Lovelace",
                 "checkInCadenceDays": 30, "createdAt": "%s", "updatedAt": "%s"}"""
                .formatted(contact, rep, created, created));
        await().atMost(BOUND).untilAsserted(() -> as(rep, "rep").queryParam("contactId", contact.toString())
                .when().get("/api/v1/tasks").then().statusCode(200).body("items.size()", is(1)));
        return contact;
    }

    private void send(EventType type, UUID contact, String data) {
        sender.send(type, UUID.randomUUID().toString(), contact.toString(), contact.toString(), Instant.now(), data);
    }

    private static RequestSpecification as(String user, String role) {
        return given().header("Authorization", bearer(user, role)).contentType(ContentType.JSON);
    }
}
