package io.rapport.feedback.consumer;

import static io.rapport.feedback.testing.FeedbackApi.BOUND;
import static io.rapport.feedback.testing.FeedbackApi.PROBLEM_JSON;
import static io.rapport.feedback.testing.FeedbackApi.as;
import static io.rapport.feedback.testing.FeedbackApi.awaitHistory;
import static io.rapport.feedback.testing.FeedbackApi.client;
import static io.rapport.feedback.testing.FeedbackApi.createSurvey;
import static io.rapport.feedback.testing.FeedbackApi.createSurveyAnyway;
import static io.rapport.feedback.testing.FeedbackApi.freshAddress;
import static io.rapport.feedback.testing.FeedbackApi.knownContact;
import static io.rapport.feedback.testing.FeedbackApi.sendContact;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.events.EventType;
import io.rapport.events.Topic;
import io.rapport.events.testing.CloudEventSender;
import io.rapport.events.testing.Metrics;
import io.rapport.events.testing.TopicWatcher;
import io.rapport.feedback.testing.FeedbackApi;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

@QuarkusTest
class ContactEventsConsumerTest {

    private static final String CONSUMER_LABEL = "consumer=\"" + ContactEventsConsumer.CONSUMER + "\"";
    private static final String UPDATED_LABEL = "type=\"rapport.contact.updated.v1\"";

    private static final Instant NOW = Instant.parse("2026-02-01T10:00:00Z");

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
    void contactErasedPurgesSurveysResponsesAndCommentsAndRefusesNewOnes() {
        UUID contact = knownContact(sender, alice, "Ada", null);
        UUID other = knownContact(sender, alice, "Grace", null);
        String key = UUID.randomUUID().toString();
        JsonPath answered = as(alice, "rep").header("Idempotency-Key", key)
                .body("{\"contactId\": \"" + contact + "\", \"kind\": \"NPS\"}")
                .when().post("/api/v1/surveys").then().statusCode(201).extract().jsonPath();
        client(freshAddress()).body("{\"npsScore\": 3, \"comment\": \"my secret complaint\"}")
                .when().post("/api/v1/public/surveys/" + answered.getString("token") + "/response")
                .then().statusCode(201);
        String pendingToken = createSurveyAnyway(contact, "CSAT").getString("token");
        String kept = createSurvey(alice, other, "NPS").getString("id");

        sender.send(EventType.CONTACT_ERASED, UUID.randomUUID().toString(), contact.toString(), contact.toString(),
                NOW, "{\"id\": \"" + contact + "\", \"erasedAt\": \"" + NOW + "\"}");
        awaitHistory(contact, alice, 410);

        as(alice, "rep").when().get("/api/v1/contacts/" + contact + "/feedback")
                .then().contentType(PROBLEM_JSON);
        as(alice, "rep").when().get("/api/v1/surveys/" + answered.getString("id")).then().statusCode(404);
        as(alice, "rep").queryParam("contactId", contact.toString()).when().get("/api/v1/surveys")
                .then().statusCode(200).body("items", hasSize(0));
        client(freshAddress()).when().get("/api/v1/public/surveys/" + pendingToken).then().statusCode(404);
        assertThat(count("select count(*) from survey_response where contact_id = ?1", contact)).isZero();
        assertThat(count("select count(*) from survey_request where contact_id = ?1", contact)).isZero();
        assertThat(count("select count(*) from survey_response where comment like '%secret complaint%'", null)).isZero();
        assertThat(count("select count(*) from idempotency_record where body ->> 'contactId' = cast(?1 as text)",
                contact)).isZero();
        // nothing personal is left in the projection, only the tombstone and whose contact it was
        Object[] row = (Object[]) entityManager.createNativeQuery(
                "select owner, first_name, erased_at is not null from feedback_contact where id = ?1")
                .setParameter(1, contact).getSingleResult();
        assertThat(row[0]).isEqualTo(alice);
        assertThat(row[1]).isNull();
        assertThat(row[2]).isEqualTo(true);

        as(alice, "rep").body("{\"contactId\": \"" + contact + "\", \"kind\": \"NPS\"}")
                .when().post("/api/v1/surveys").then().statusCode(409).contentType(PROBLEM_JSON);
        // a retried create with the stored key must not bring the erased survey back
        as(alice, "rep").header("Idempotency-Key", key).body("{\"contactId\": \"" + contact + "\", \"kind\": \"NPS\"}")
                .when().post("/api/v1/surveys").then().statusCode(409);
        // a late snapshot does not revive the erased contact
        sendContact(sender, EventType.CONTACT_UPDATED, contact, 5, alice, "Ada", null, false);
        awaitBehind(contact);
        as(alice, "rep").when().get("/api/v1/contacts/" + contact + "/feedback").then().statusCode(410);
        // a rep who could not see the contact does not learn that it existed
        as("mallory", "rep").when().get("/api/v1/contacts/" + contact + "/feedback").then().statusCode(404);
        as("mallory", "rep").body("{\"contactId\": \"" + contact + "\", \"kind\": \"NPS\"}")
                .when().post("/api/v1/surveys").then().statusCode(422)
                .body("detail", not(containsString("erased")));
        // other contacts keep their surveys
        as(alice, "rep").when().get("/api/v1/surveys/" + kept).then().statusCode(200);
    }

    /**
     * A consumer away while the log cleaner compacted the contacts topic finds the contact's tombstone where its
     * contact.erased was: it erases the contact just the same, once however often the tombstone comes.
     */
    @Test
    void aTombstoneOnTheContactsTopicErasesTheContact() throws Exception {
        UUID contact = knownContact(sender, alice, "Ada", null);
        JsonPath survey = createSurvey(alice, contact, "NPS");
        client(freshAddress()).body("{\"npsScore\": 2, \"comment\": \"tombstoned complaint\"}")
                .when().post("/api/v1/public/surveys/" + survey.getString("token") + "/response")
                .then().statusCode(201);

        try (TopicWatcher deadLetters = TopicWatcher.local("rapport.feedback.dlq.v1")) {
            sender.sendRecord(new ProducerRecord<>(Topic.CONTACTS.topicName(), contact.toString(), null));
            awaitHistory(contact, alice, 410);
            sender.sendRecord(new ProducerRecord<>(Topic.CONTACTS.topicName(), contact.toString(), null));
            awaitBehind(contact);
            assertThat(deadLetters.all(Duration.ofSeconds(1))).isEmpty();
        }
        assertThat(count("select count(*) from survey_response where comment like '%tombstoned complaint%'", null))
                .isZero();
        assertThat(count("select count(*) from feedback_contact where id = ?1 and erased_at is not null and first_name is null",
                contact)).isEqualTo(1);
        // a late snapshot does not bring it back
        sendContact(sender, EventType.CONTACT_UPDATED, contact, 7, alice, "Ada", null, false);
        awaitBehind(contact);
        as(alice, "rep").when().get("/api/v1/contacts/" + contact + "/feedback").then().statusCode(410);
    }

    @Test
    void aSurveyCreatedWhileTheErasureIsAppliedWaitsAndIsRefused() throws Exception {
        UUID contact = knownContact(sender, alice, "Ada", null);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> create = QuarkusTransaction.requiringNew().call(() -> {
                // what the erasure does first: lock the contact's row and mark it
                entityManager.createNativeQuery("select id from feedback_contact where id = ?1 for update")
                        .setParameter(1, contact).getSingleResult();
                Future<Integer> blocked = pool.submit(() -> as(alice, "rep")
                        .body("{\"contactId\": \"" + contact + "\", \"kind\": \"NPS\"}")
                        .when().post("/api/v1/surveys").then().extract().statusCode());
                // the request waits for the lock (seen from another transaction), rather than going ahead
                await().atMost(BOUND).until(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                        .createNativeQuery("select count(*) from pg_stat_activity where datname = current_database()"
                                + " and wait_event_type = 'Lock'")
                        .getSingleResult()).longValue() > 0));
                assertThat(blocked.isDone()).isFalse();
                entityManager.createNativeQuery("update feedback_contact set erased_at = now() where id = ?1")
                        .setParameter(1, contact).executeUpdate();
                return blocked;
            });
            assertThat(create.get(30, TimeUnit.SECONDS)).isEqualTo(409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("select count(*) from survey_request where contact_id = ?1", contact)).isZero();
    }

    @Test
    void contactMergedRePointsSurveysAndResponsesToTheSurvivor() {
        UUID survivor = knownContact(sender, alice, "Ada", null);
        UUID merged = knownContact(sender, alice, "Augusta", null);
        String survivorsOwn = createSurvey(alice, survivor, "NPS").getString("id");
        JsonPath mergedSurvey = createSurvey(alice, merged, "NPS");
        client(freshAddress()).body("{\"npsScore\": 10}")
                .when().post("/api/v1/public/surveys/" + mergedSurvey.getString("token") + "/response")
                .then().statusCode(201);
        String mergedPending = createSurveyAnyway(merged, "CSAT").getString("token");

        sender.send(EventType.CONTACT_MERGED, UUID.randomUUID().toString(), merged.toString(), merged.toString(), NOW,
                "{\"mergedId\": \"" + merged + "\", \"survivorId\": \"" + survivor + "\", \"mergedAt\": \"" + NOW + "\"}");
        await().atMost(BOUND).untilAsserted(() -> as(alice, "rep")
                .when().get("/api/v1/contacts/" + merged + "/feedback")
                .then().statusCode(404).contentType(PROBLEM_JSON).body("mergedInto", is(survivor.toString())));

        as(alice, "rep").when().get("/api/v1/contacts/" + survivor + "/feedback")
                .then().statusCode(200)
                .body("contactId", is(survivor.toString()))
                .body("items.id", containsInAnyOrder(survivorsOwn, mergedSurvey.getString("id"),
                        as(alice, "rep").queryParam("kind", "CSAT").queryParam("contactId", survivor.toString())
                                .when().get("/api/v1/surveys").then().extract().path("items[0].id")))
                .body("items.contactId", contains(survivor.toString(), survivor.toString(), survivor.toString()))
                .body("items.find { it.id == '" + mergedSurvey.getString("id") + "' }.response.npsScore", is(10))
                .body("items.find { it.id == '" + mergedSurvey.getString("id") + "' }.response.contactId",
                        is(survivor.toString()));
        // the merged contact's pending link still works: its answer lands on the survivor
        client(freshAddress()).body("{\"csatScore\": 4}")
                .when().post("/api/v1/public/surveys/" + mergedPending + "/response").then().statusCode(201);
        as(alice, "rep").body("{\"contactId\": \"" + merged + "\", \"kind\": \"NPS\"}")
                .when().post("/api/v1/surveys").then().statusCode(409).contentType(PROBLEM_JSON)
                .body("mergedInto", is(survivor.toString()));
    }

    @Test
    void snapshotsUpdateTheProjectionInVersionOrder() {
        UUID contact = UUID.randomUUID();
        UUID organisation = UUID.randomUUID();
        sendContact(sender, EventType.CONTACT_UPDATED, contact, 3, alice, "Ada", organisation, false);
        sendContact(sender, EventType.CONTACT_CREATED, contact, 0, alice, "Old Name", null, true);
        awaitBehind(contact);

        String token = createSurvey(alice, contact, "NPS").getString("token");
        client(freshAddress()).when().get("/api/v1/public/surveys/" + token)
                .then().statusCode(200).body("firstName", is("Ada"));
        assertThat(entityManager.createNativeQuery("select organisation_id from feedback_contact where id = ?1")
                .setParameter(1, contact).getSingleResult()).isEqualTo(organisation);

        // an owner change: the contact's history follows it, and the new owner may ask
        String bob = "bob-" + UUID.randomUUID();
        sendContact(sender, EventType.CONTACT_UPDATED, contact, 4, bob, "Ada", organisation, false);
        awaitHistory(contact, bob, 200);
        as(alice, "rep").when().get("/api/v1/contacts/" + contact + "/feedback").then().statusCode(404);
        // the contact is bob's to survey now: only the survey alice sent, still pending, holds his back
        as(bob, "rep").body("{\"contactId\": \"" + contact + "\", \"kind\": \"CSAT\"}")
                .when().post("/api/v1/surveys").then().statusCode(409).body("otherRequestId", notNullValue());
    }

    @Test
    void aRedeliveredEventIsAppliedOnce() {
        UUID contact = knownContact(sender, alice, "Ada", null);
        String eventId = UUID.randomUUID().toString();
        String json = FeedbackApi.contactJson(contact, 1, alice, "Ada", null, true);
        sender.send(EventType.CONTACT_UPDATED, eventId, contact.toString(), contact.toString(), NOW, json);
        await().atMost(BOUND).untilAsserted(() -> as(alice, "rep")
                .body("{\"contactId\": \"" + contact + "\", \"kind\": \"NPS\"}")
                .when().post("/api/v1/surveys").then().statusCode(409));
        double duplicates = Metrics.sum("rapport_events_duplicates_total", CONSUMER_LABEL, UPDATED_LABEL);
        sender.send(EventType.CONTACT_UPDATED, eventId, contact.toString(), contact.toString(), NOW, json);
        awaitBehind(contact);
        assertThat(count("select count(*) from processed_event where event_id = ?1", eventId)).isEqualTo(1);
        // and operators see it skipped as a duplicate
        await().atMost(BOUND).untilAsserted(() -> assertThat(
                Metrics.sum("rapport_events_duplicates_total", CONSUMER_LABEL, UPDATED_LABEL)).isEqualTo(duplicates + 1));
    }

    @Test
    void poisonMessagesGoToTheDeadLetterTopicAndConsumptionGoesOn() {
        UUID contact = UUID.randomUUID();
        String key = contact.toString();
        double deadLettered = Metrics.sum("rapport_events_dead_lettered_total", CONSUMER_LABEL);
        try (TopicWatcher deadLetters = TopicWatcher.local("rapport.feedback.dlq.v1")) {
            sender.send(EventType.CONTACT_CREATED, UUID.randomUUID().toString(), key, key, NOW, "{not json");
            sender.sendRecord(new ProducerRecord<>(Topic.CONTACTS.topicName(), key, "{\"no\":\"cloudevent\"}"));
            sender.send(EventType.CONTACT_CREATED, UUID.randomUUID().toString(), key, key, NOW,
                    "{\"id\":\"" + key + "\",\"version\":0}");
            sender.send(EventType.CONTACT_MERGED, UUID.randomUUID().toString(), key, key, NOW,
                    "{\"mergedId\":\"" + key + "\"}");

            List<ConsumerRecord<String, String>> dead = deadLetters.awaitAll(r -> key.equals(r.key()), 4, BOUND);
            // counted as they are written, by type ("unreadable" for what is no event at all)
            await().atMost(BOUND).untilAsserted(() -> assertThat(
                    Metrics.sum("rapport_events_dead_lettered_total", CONSUMER_LABEL)).isEqualTo(deadLettered + 4));
            assertThat(dead).extracting(r -> TopicWatcher.header(r, "dead-letter-reason"))
                    .containsExactly("data of event " + TopicWatcher.header(dead.get(0), "ce_id") + " is not JSON",
                            "not a CloudEvent: ce_ headers missing",
                            "contact snapshot in event " + TopicWatcher.header(dead.get(2), "ce_id")
                                    + " lacks id or owner",
                            "contact.merged event " + TopicWatcher.header(dead.get(3), "ce_id")
                                    + " lacks mergedId or survivorId, or names the same contact twice");
        }
        sendContact(sender, EventType.CONTACT_CREATED, contact, 0, alice, "Ada", null, false);
        awaitHistory(contact, alice, 200);
    }

    /**
     * Sends contact.created for another contact on the same partition (same key) and waits until it is known: the
     * consumer applies one partition in order, so everything sent before it has been applied.
     */
    private void awaitBehind(UUID key) {
        UUID marker = UUID.randomUUID();
        sender.send(EventType.CONTACT_CREATED, UUID.randomUUID().toString(), key.toString(), marker.toString(), NOW,
                FeedbackApi.contactJson(marker, 0, alice, "Marker", null, false));
        awaitHistory(marker, alice, 200);
    }

    private long count(String sql, Object parameter) {
        var query = entityManager.createNativeQuery(sql);
        if (parameter != null) {
            query.setParameter(1, parameter);
        }
        return ((Number) query.getSingleResult()).longValue();
    }
}
