package io.rapport.interactions.rest;

import static io.rapport.interactions.rest.InteractionsApi.PROBLEM_JSON;
import static io.rapport.interactions.rest.InteractionsApi.as;
import static io.rapport.interactions.rest.InteractionsApi.awaitPartitionAssignment;
import static io.rapport.interactions.rest.InteractionsApi.awaitTimelineStatus;
import static io.rapport.interactions.rest.InteractionsApi.commitmentJson;
import static io.rapport.interactions.rest.InteractionsApi.interactionJson;
import static io.rapport.interactions.rest.InteractionsApi.knownContact;
import static io.rapport.interactions.rest.InteractionsApi.logInteraction;
import static io.rapport.interactions.rest.InteractionsApi.makeCommitment;
import static io.rapport.interactions.rest.InteractionsApi.sendErased;
import static io.rapport.interactions.rest.InteractionsApi.sendMerged;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.events.testing.CloudEventSender;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;

/** This service's part of a contact's GDPR export: every touch-point and commitment, as the caller may see them. */
@QuarkusTest
class ContactExportTest {

    private final CloudEventSender sender = CloudEventSender.local();
    private final String rep = "rep-" + UUID.randomUUID();
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Inject
    KafkaClientService kafka;

    @BeforeEach
    void awaitAssignment() {
        awaitPartitionAssignment(kafka);
    }

    @AfterEach
    void closeSender() {
        sender.close();
    }

    @Test
    void theExportHoldsEveryTouchPointAndCommitmentOfTheContactAndOfThoseMergedIntoIt() {
        UUID contact = knownContact(sender, rep);
        UUID duplicate = knownContact(sender, rep);
        String call = logInteraction(rep, "rep", """
                {"contactId": "%s", "type": "CALL", "direction": "OUTBOUND", "occurredAt": "%s",
                 "summary": "Talked about her move to Lisbon"}""".formatted(contact, now.minus(2, ChronoUnit.DAYS)));
        String email = logInteraction(rep, "rep", interactionJson(duplicate, "EMAIL", "INBOUND",
                now.minus(1, ChronoUnit.DAYS).toString()));
        String promise = makeCommitment(rep, "rep", commitmentJson(contact, "Send the Lisbon office contacts",
                now.plus(3, ChronoUnit.DAYS).toString()));
        sendMerged(sender, duplicate, contact);
        awaitTimelineStatus(duplicate, 404);

        as(rep, "rep").get("/api/v1/contacts/" + contact + "/export")
                .then().statusCode(200)
                .body("contactId", is(contact.toString()))
                .body("interactions.id", contains(call, email))
                .body("interactions[0].summary", is("Talked about her move to Lisbon"))
                .body("commitments.id", contains(promise))
                .body("commitments[0].description", is("Send the Lisbon office contacts"));
        as("carol", "manager").get("/api/v1/contacts/" + contact + "/export").then().statusCode(200);
    }

    @Test
    void onlyWhoMaySeeTheContactGetsItsExport() {
        UUID contact = knownContact(sender, rep);
        as("someone-else", "rep").get("/api/v1/contacts/" + contact + "/export")
                .then().statusCode(404).contentType(PROBLEM_JSON);
        as("ivy", "integrator").get("/api/v1/contacts/" + contact + "/export").then().statusCode(403);
        sendErased(sender, contact);
        awaitTimelineStatus(contact, 410);
        as(rep, "rep").get("/api/v1/contacts/" + contact + "/export").then().statusCode(410);
    }
}
