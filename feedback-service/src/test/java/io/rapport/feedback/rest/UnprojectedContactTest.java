package io.rapport.feedback.rest;

import static io.rapport.feedback.testing.FeedbackApi.BOUND;
import static io.rapport.feedback.testing.FeedbackApi.PROBLEM_JSON;
import static io.rapport.feedback.testing.FeedbackApi.as;
import static io.rapport.feedback.testing.FeedbackApi.createSurvey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.events.EventType;
import io.rapport.events.testing.CloudEventSender;
import io.rapport.events.testing.ConsumerAssignments;
import io.rapport.events.testing.ContactsServiceStub;
import io.rapport.feedback.FeedbackContact;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;

/**
 * A contact whose event has not reached this service yet: a survey for it is created all the same (the contact is
 * read from contacts-service with the rep's token and projected, with what a survey needs: the first name), an
 * erased or merged one is refused as the projection would refuse it, and while contacts-service cannot answer the
 * survey is 503 with Retry-After, never 422.
 */
@QuarkusTest
class UnprojectedContactTest {

    private final String rep = "rep-" + UUID.randomUUID();

    @Inject
    KafkaClientService kafka;

    @Test
    void aSurveyForAContactOnlyContactsServiceKnowsYetIsCreated() {
        UUID contact = UUID.randomUUID();
        ContactsServiceStub.holds(contact, 3, rep, "Grace");

        String token = createSurvey(rep, contact, "NPS").getString("token");
        assertThat(ContactsServiceStub.callers()).contains(rep);
        assertThat(FeedbackContact.<FeedbackContact>findByIdOptional(contact)).hasValueSatisfying(known -> {
            assertThat(known.owner).isEqualTo(rep);
            assertThat(known.firstName).isEqualTo("Grace");
            assertThat(known.snapshotVersion).isEqualTo(3);
        });
        as(rep, "rep").get("/api/v1/public/surveys/" + token).then().statusCode(200)
                .body("firstName", is("Grace"));
        as(rep, "rep").get("/api/v1/contacts/" + contact + "/feedback").then().statusCode(200);
    }

    @Test
    void erasedMergedUnknownAndUnanswerableContactsAreRefusedAndNothingIsWritten() {
        UUID erased = UUID.randomUUID();
        ContactsServiceStub.erased(erased);
        survey(erased).then().statusCode(409).contentType(PROBLEM_JSON);
        as(rep, "rep").get("/api/v1/contacts/" + erased + "/feedback").then().statusCode(410);

        UUID merged = UUID.randomUUID();
        UUID survivor = UUID.randomUUID();
        ContactsServiceStub.merged(merged, survivor);
        survey(merged).then().statusCode(409).body("mergedInto", is(survivor.toString()));

        survey(UUID.randomUUID()).then().statusCode(422).contentType(PROBLEM_JSON);

        UUID unanswerable = UUID.randomUUID();
        ContactsServiceStub.failing(unanswerable);
        survey(unanswerable).then().statusCode(503).contentType(PROBLEM_JSON).header("Retry-After", "2");
        as("root", "admin").queryParam("contactId", unanswerable).get("/api/v1/surveys")
                .then().statusCode(200).body("items", hasSize(0));
        assertThat(FeedbackContact.<FeedbackContact>findByIdOptional(unanswerable)).isEmpty();
    }

    @Test
    void aContactMergedBeforeAnySnapshotReachedUsIsAnsweredAsContactsServiceSeesIt() {
        ConsumerAssignments.await(kafka, "contact-events");
        UUID merged = UUID.randomUUID();
        UUID survivor = UUID.randomUUID();
        try (CloudEventSender sender = CloudEventSender.local()) {
            sender.send(EventType.CONTACT_MERGED, UUID.randomUUID().toString(), merged.toString(), merged.toString(),
                    Instant.now(), """
                            {"mergedId": "%s", "survivorId": "%s", "mergedAt": "%s"}"""
                            .formatted(merged, survivor, Instant.now()));
        }
        // the merge leaves a row that does not say whose contact it was
        await().atMost(BOUND).pollInSameThread().until(() -> FeedbackContact.<FeedbackContact>findByIdOptional(merged)
                .map(row -> survivor.equals(row.mergedInto)).orElse(false));
        ContactsServiceStub.merged(merged, survivor);

        survey(merged).then().statusCode(409).contentType(PROBLEM_JSON).body("mergedInto", is(survivor.toString()));
        as(rep, "rep").get("/api/v1/contacts/" + merged + "/feedback")
                .then().statusCode(404).body("mergedInto", is(survivor.toString()));
    }

    private io.restassured.response.Response survey(UUID contact) {
        return as(rep, "rep").body("{\"contactId\": \"" + contact + "\", \"kind\": \"NPS\"}").post("/api/v1/surveys");
    }
}
