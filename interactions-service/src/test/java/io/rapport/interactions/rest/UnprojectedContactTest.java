package io.rapport.interactions.rest;

import static io.rapport.interactions.rest.InteractionsApi.PROBLEM_JSON;
import static io.rapport.interactions.rest.InteractionsApi.as;
import static io.rapport.interactions.rest.InteractionsApi.awaitPartitionAssignment;
import static io.rapport.interactions.rest.InteractionsApi.commitmentJson;
import static io.rapport.interactions.rest.InteractionsApi.interactionJson;
import static io.rapport.interactions.rest.InteractionsApi.sendSnapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.events.EventType;
import io.rapport.events.testing.CloudEventSender;
import io.rapport.events.testing.ContactsServiceStub;
import io.rapport.interactions.KnownContact;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;

/**
 * A contact whose event has not reached this service yet: it is read from contacts-service with the caller's token
 * (here a stand-in answering as contacts-service does) and projected, so a client that just created it is never
 * told it does not exist; what contacts-service says of an erased or merged contact holds too; and when
 * contacts-service cannot answer, the answer is 503 with Retry-After and nothing is written.
 */
@QuarkusTest
class UnprojectedContactTest {

    private final CloudEventSender sender = CloudEventSender.local();
    private final String rep = "rep-" + UUID.randomUUID();
    private final String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();

    @Inject
    KafkaClientService kafka;

    @AfterEach
    void closeSender() {
        sender.close();
    }

    @Test
    void aContactOnlyContactsServiceKnowsYetIsReadWithTheCallersTokenAndProjected() {
        UUID contact = UUID.randomUUID();
        ContactsServiceStub.holds(contact, 0, rep, "Ada");

        String id = as(rep, "rep").body(interactionJson(contact, "CALL", "OUTBOUND", now))
                .post("/api/v1/interactions").then().statusCode(201).extract().path("id");
        as(rep, "rep").get("/api/v1/interactions/" + id).then().statusCode(200).body("owner", is(rep));
        assertThat(ContactsServiceStub.callers()).contains(rep);
        assertThat(KnownContact.<KnownContact>findByIdOptional(contact)).hasValueSatisfying(known -> {
            assertThat(known.owner).isEqualTo(rep);
            assertThat(known.snapshotVersion).isZero();
        });
        // the contact is projected now: a commitment needs no second question
        int asked = ContactsServiceStub.authorizations().size();
        as(rep, "rep").body(commitmentJson(contact, "Send the proposal", Instant.now().plus(3, ChronoUnit.DAYS)
                .toString())).post("/api/v1/commitments").then().statusCode(201);
        assertThat(ContactsServiceStub.authorizations()).hasSize(asked);
    }

    @Test
    void theContactEventArrivingLaterIsAppliedVersionOrdered() {
        awaitPartitionAssignment(kafka);
        UUID contact = UUID.randomUUID();
        ContactsServiceStub.holds(contact, 1, rep, "Ada");
        as(rep, "rep").body(interactionJson(contact, "CALL", "OUTBOUND", now)).post("/api/v1/interactions")
                .then().statusCode(201);

        // the older created event changes nothing; the newer update moves the contact to another rep
        sendSnapshot(sender, EventType.CONTACT_CREATED, UUID.randomUUID().toString(), contact, 0, "someone-else");
        sendSnapshot(sender, EventType.CONTACT_UPDATED, UUID.randomUUID().toString(), contact, 2, "new-" + rep);
        await().atMost(InteractionsApi.BOUND).untilAsserted(() -> as("root", "admin")
                .queryParam("contactId", contact).get("/api/v1/interactions")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].owner", is("new-" + rep)));
    }

    @Test
    void anErasedOrMergedContactIsRefusedAsTheProjectionWouldRefuseIt() {
        UUID erased = UUID.randomUUID();
        ContactsServiceStub.erased(erased);
        as(rep, "rep").body(interactionJson(erased, "CALL", "OUTBOUND", now)).post("/api/v1/interactions")
                .then().statusCode(409).contentType(PROBLEM_JSON);
        as(rep, "rep").get("/api/v1/contacts/" + erased + "/timeline").then().statusCode(410);

        UUID merged = UUID.randomUUID();
        UUID survivor = UUID.randomUUID();
        ContactsServiceStub.merged(merged, survivor);
        as(rep, "rep").body(interactionJson(merged, "CALL", "OUTBOUND", now)).post("/api/v1/interactions")
                .then().statusCode(409).contentType(PROBLEM_JSON).body("mergedInto", is(survivor.toString()));
        as(rep, "rep").get("/api/v1/contacts/" + merged + "/timeline").then().statusCode(404)
                .body("mergedInto", is(survivor.toString()));
    }

    /**
     * A merge that reaches the replica before any snapshot of the contact leaves a row that does not say whose contact
     * it was: contacts-service says what the caller may learn, before the write's transaction.
     */
    @Test
    void aContactMergedBeforeAnySnapshotReachedUsIsAnsweredAsContactsServiceSeesIt() {
        awaitPartitionAssignment(kafka);
        UUID merged = UUID.randomUUID();
        UUID survivor = UUID.randomUUID();
        sender.send(EventType.CONTACT_MERGED, UUID.randomUUID().toString(), merged.toString(), merged.toString(),
                Instant.now(), """
                        {"mergedId": "%s", "survivorId": "%s", "mergedAt": "%s"}""".formatted(merged, survivor,
                        Instant.now()));
        await().atMost(Duration.ofSeconds(30)).pollInSameThread().until(() -> KnownContact
                .<KnownContact>findByIdOptional(merged).map(row -> survivor.equals(row.mergedInto)).orElse(false));
        as(rep, "rep").body(interactionJson(merged, "CALL", "OUTBOUND", now)).post("/api/v1/interactions")
                .then().statusCode(422).contentType(PROBLEM_JSON); // contacts-service does not show it to this rep

        ContactsServiceStub.merged(merged, survivor);
        as(rep, "rep").body(interactionJson(merged, "CALL", "OUTBOUND", now)).post("/api/v1/interactions")
                .then().statusCode(409).contentType(PROBLEM_JSON).body("mergedInto", is(survivor.toString()));
        as(rep, "rep").body(commitmentJson(merged, "Call back", Instant.now().plus(1, ChronoUnit.DAYS).toString()))
                .post("/api/v1/commitments").then().statusCode(409).body("mergedInto", is(survivor.toString()));
    }

    @Test
    void aContactNoOneKnowsIsUnknownAndOneThatCannotBeCheckedIsServiceUnavailable() {
        UUID unknown = UUID.randomUUID();
        as(rep, "rep").body(interactionJson(unknown, "CALL", "OUTBOUND", now)).post("/api/v1/interactions")
                .then().statusCode(422).contentType(PROBLEM_JSON);

        UUID unanswerable = UUID.randomUUID();
        ContactsServiceStub.failing(unanswerable);
        as(rep, "rep").body(interactionJson(unanswerable, "CALL", "OUTBOUND", now)).post("/api/v1/interactions")
                .then().statusCode(503).contentType(PROBLEM_JSON).header("Retry-After", "2");
        as(rep, "rep").body(commitmentJson(unanswerable, "Call back", Instant.now().plus(1, ChronoUnit.DAYS)
                .toString())).post("/api/v1/commitments").then().statusCode(503).header("Retry-After", "2");
        as("root", "admin").queryParam("contactId", unanswerable).get("/api/v1/interactions")
                .then().statusCode(200).body("items", hasSize(0));
        assertThat(KnownContact.<KnownContact>findByIdOptional(unanswerable)).isEmpty();
    }
}
