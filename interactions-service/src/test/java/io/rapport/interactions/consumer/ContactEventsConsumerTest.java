package io.rapport.interactions.consumer;

import static io.rapport.interactions.rest.InteractionsApi.BOUND;
import static io.rapport.interactions.rest.InteractionsApi.CREATED;
import static io.rapport.interactions.rest.InteractionsApi.PROBLEM_JSON;
import static io.rapport.interactions.rest.InteractionsApi.as;
import static io.rapport.interactions.rest.InteractionsApi.awaitTimelineStatus;
import static io.rapport.interactions.rest.InteractionsApi.commitmentJson;
import static io.rapport.interactions.rest.InteractionsApi.interactionJson;
import static io.rapport.interactions.rest.InteractionsApi.knownContact;
import static io.rapport.interactions.rest.InteractionsApi.logInteraction;
import static io.rapport.interactions.rest.InteractionsApi.makeCommitment;
import static io.rapport.interactions.rest.InteractionsApi.sendErased;
import static io.rapport.interactions.rest.InteractionsApi.sendMerged;
import static io.rapport.interactions.rest.InteractionsApi.sendSnapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

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
import io.rapport.events.testing.InboxRecords;
import io.rapport.events.testing.TopicWatcher;
import io.rapport.interactions.rest.InteractionsApi;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** The contact projection, driven by real contact events on Kafka, and what it does to the records it covers. */
@QuarkusTest
class ContactEventsConsumerTest {

    private static final String MEETING = "2026-03-02T10:00:00Z";

    private final CloudEventSender sender = CloudEventSender.local();
    private final String rep = "rep-" + UUID.randomUUID();

    @Inject
    KafkaClientService kafka;

    @Inject
    EntityManager entityManager;

    @BeforeEach
    void awaitPartitionAssignment() {
        InteractionsApi.awaitPartitionAssignment(kafka);
    }

    @AfterEach
    void close() {
        sender.close();
    }

    /** Capture recognises a rep's contacts by these: each snapshot's addresses, forgotten on a merge or erasure. */
    @Test
    void eachRepsContactsAreKnownByTheirAddressesAsTheirSnapshotsSay() {
        UUID contact = UUID.randomUUID();
        sendWithEmails(contact, 0, "[\"Ada@Example.com\", \"ada.l@work.example\"]");
        await().atMost(BOUND).untilAsserted(() -> assertThat(addresses(rep, contact))
                .containsExactlyInAnyOrder("ada@example.com", "ada.l@work.example"));
        sendWithEmails(contact, 1, "[\"ada.l@work.example\"]");
        await().atMost(BOUND).untilAsserted(() -> assertThat(addresses(rep, contact))
                .containsExactly("ada.l@work.example"));
        // a snapshot written before it carried emails: its primary address
        sendSnapshot(sender, EventType.CONTACT_UPDATED, UUID.randomUUID().toString(), contact, 2, rep);
        await().atMost(BOUND).untilAsserted(() -> assertThat(addresses(rep, contact))
                .containsExactly("ada@example.com"));

        UUID survivor = knownContact(sender, rep);
        sendMerged(sender, contact, survivor);
        await().atMost(BOUND).untilAsserted(() -> assertThat(addresses(rep, contact)).isEmpty());
        sendErased(sender, survivor);
        await().atMost(BOUND).untilAsserted(() -> assertThat(addresses(rep, survivor)).isEmpty());
    }

    private void sendWithEmails(UUID contact, long version, String emails) {
        sender.send(EventType.CONTACT_UPDATED, UUID.randomUUID().toString(), contact.toString(), contact.toString(),
                InteractionsApi.CREATED, """
                        {"id": "%s", "version": %d, "owner": "%s", "displayName": "Ada Lovelace",
                         "primaryEmail": "ada@example.com", "emails": %s, "checkInCadenceDays": 30,
                         "doNotContact": false, "marketingOptIn": false, "createdAt": "%s", "updatedAt": "%s"}"""
                        .formatted(contact, version, rep, emails, InteractionsApi.CREATED, InteractionsApi.CREATED));
    }

    @SuppressWarnings("unchecked")
    private List<String> addresses(String owner, UUID contact) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "select address from contact_address where owner = ?1 and contact_id = ?2")
                .setParameter(1, owner).setParameter(2, contact).getResultList());
    }

    @Test
    void contactErasedPurgesItsInteractionsAndCommitmentsAndRefusesNewOnes() {
        UUID erased = knownContact(sender, rep);
        UUID kept = knownContact(sender, rep);
        String inboundJson = """
                {"contactId": "%s", "type": "EMAIL", "direction": "INBOUND", "occurredAt": "%s",
                 "summary": "Personal details", "requiresResponse": true}""".formatted(erased, MEETING);
        String key = UUID.randomUUID().toString();
        String inbound = as(rep, "rep").header("Idempotency-Key", key).body(inboundJson).post("/api/v1/interactions")
                .then().statusCode(201).extract().path("id");
        String reply = logInteraction(rep, "rep", """
                {"contactId": "%s", "type": "EMAIL", "direction": "OUTBOUND", "occurredAt": "2026-03-02T11:00:00Z",
                 "inReplyTo": "%s"}""".formatted(erased, inbound));
        String promise = makeCommitment(rep, "rep", """
                {"contactId": "%s", "interactionId": "%s", "description": "Call back", "dueAt": "2026-03-05T10:00:00Z"}"""
                .formatted(erased, inbound));
        String keptInteraction = logInteraction(rep, "rep", interactionJson(kept, "CALL", "OUTBOUND", MEETING));

        sendErased(sender, erased);
        awaitTimelineStatus(erased, 410);

        for (String path : List.of("/api/v1/interactions/" + inbound, "/api/v1/interactions/" + reply,
                "/api/v1/commitments/" + promise)) {
            as("root", "admin").get(path).then().statusCode(404);
        }
        as("root", "admin").get("/api/v1/interactions?contactId=" + erased).then().body("items", hasSize(0));
        as("root", "admin").get("/api/v1/commitments?contactId=" + erased).then().body("items", hasSize(0));
        as(rep, "rep").get("/api/v1/interactions/" + keptInteraction).then().statusCode(200);

        as(rep, "rep").body(interactionJson(erased, "CALL", "OUTBOUND", MEETING)).post("/api/v1/interactions")
                .then().statusCode(409).contentType(PROBLEM_JSON).body("detail", containsString("erased"));
        as("root", "admin").body(commitmentJson(erased, "x", "2026-03-05T10:00:00Z")).post("/api/v1/commitments")
                .then().statusCode(409).contentType(PROBLEM_JSON).body("detail", containsString("erased"));

        // a retry of the creation no longer replays the erased interaction: it is refused like a new one
        as(rep, "rep").header("Idempotency-Key", key).body(inboundJson).post("/api/v1/interactions")
                .then().statusCode(409).header("Idempotent-Replayed", nullValue());

        // a late snapshot does not bring an erased contact back
        sendSnapshot(sender, EventType.CONTACT_UPDATED, UUID.randomUUID().toString(), erased, 9, rep);
        awaitMarkerBehind(erased);
        as(rep, "rep").get("/api/v1/contacts/" + erased + "/timeline").then().statusCode(410);
    }

    @Test
    void nothingLoggedWhileAnErasureIsAppliedSurvivesIt() throws Exception {
        UUID erased = knownContact(sender, rep);
        AtomicBoolean stop = new AtomicBoolean();
        List<Integer> seen = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<List<Integer>>> writers = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                writers.add(pool.submit(() -> {
                    List<Integer> statuses = new ArrayList<>();
                    while (!stop.get()) {
                        int status = as(rep, "rep").body(interactionJson(erased, "CALL", "OUTBOUND", MEETING))
                                .post("/api/v1/interactions").statusCode();
                        statuses.add(status);
                        seen.add(status);
                    }
                    return statuses;
                }));
            }
            // the erasure lands while writes are under way, and writes go on after it
            await().atMost(BOUND).until(() -> seen.contains(201));
            sendErased(sender, erased);
            awaitTimelineStatus(erased, 410);
            await().atMost(BOUND).until(() -> seen.contains(409));
        } finally {
            stop.set(true);
            pool.shutdown();
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<List<Integer>> writer : writers) {
            statuses.addAll(writer.get());
        }
        assertThat(statuses).containsOnly(201, 409).contains(201, 409);
        as("root", "admin").get("/api/v1/interactions?contactId=" + erased).then().body("items", hasSize(0));
    }

    @Test
    void contactMergedRepointsItsRecordsToTheSurvivor() {
        String survivorOwner = "survivor-" + rep;
        UUID merged = knownContact(sender, rep);
        UUID survivor = knownContact(sender, survivorOwner);
        String call = logInteraction(rep, "rep", interactionJson(merged, "CALL", "OUTBOUND", MEETING));
        String open = makeCommitment(rep, "rep", commitmentJson(merged, "Send the deck", "2026-03-05T10:00:00Z"));
        String kept = makeCommitment(rep, "rep", commitmentJson(merged, "Call back", "2026-03-04T10:00:00Z"));
        as(rep, "rep").header("If-Match", "\"0\"").post("/api/v1/commitments/" + kept + "/fulfil")
                .then().statusCode(200);
        String survivorsOwn = logInteraction(survivorOwner, "rep",
                interactionJson(survivor, "EMAIL", "OUTBOUND", "2026-03-01T10:00:00Z"));

        sendMerged(sender, merged, survivor);
        await().atMost(BOUND).untilAsserted(() -> as("root", "admin")
                .get("/api/v1/contacts/" + merged + "/timeline").then().statusCode(404)
                .body("mergedInto", is(survivor.toString())));

        as(survivorOwner, "rep").get("/api/v1/interactions/" + call).then().statusCode(200)
                .body("contactId", is(survivor.toString())).body("owner", is(survivorOwner));
        as(survivorOwner, "rep").get("/api/v1/commitments/" + open).then().statusCode(200)
                .body("contactId", is(survivor.toString())).body("owner", is(survivorOwner));
        as(survivorOwner, "rep").get("/api/v1/contacts/" + survivor + "/timeline").then().statusCode(200)
                .body("items.id", containsInAnyOrder(call, open, kept, survivorsOwn));
        as(rep, "rep").get("/api/v1/interactions/" + call).then().statusCode(404);
        // a promise already kept stays credited to the rep who kept it
        as("root", "admin").get("/api/v1/commitments/" + kept).then().statusCode(200)
                .body("contactId", is(survivor.toString())).body("owner", is(rep));

        as("root", "admin").body(interactionJson(merged, "CALL", "OUTBOUND", MEETING)).post("/api/v1/interactions")
                .then().statusCode(409).contentType(PROBLEM_JSON)
                .body("mergedInto", is(survivor.toString())).body("detail", containsString(survivor.toString()));
        as("root", "admin").body(commitmentJson(merged, "x", "2026-03-05T10:00:00Z")).post("/api/v1/commitments")
                .then().statusCode(409).body("mergedInto", is(survivor.toString()));
    }

    @Test
    void aNewOwnerTakesOverTheRecordsAndAnOlderSnapshotChangesNothing() {
        UUID contact = knownContact(sender, rep);
        String call = logInteraction(rep, "rep", interactionJson(contact, "CALL", "OUTBOUND", MEETING));
        String newOwner = "new-" + rep;

        sendSnapshot(sender, EventType.CONTACT_UPDATED, UUID.randomUUID().toString(), contact, 2, newOwner);
        await().atMost(BOUND).untilAsserted(() -> as(newOwner, "rep").get("/api/v1/interactions/" + call)
                .then().statusCode(200).body("owner", is(newOwner)));
        as(rep, "rep").get("/api/v1/interactions/" + call).then().statusCode(404);
        as(rep, "rep").body(interactionJson(contact, "CALL", "OUTBOUND", MEETING)).post("/api/v1/interactions")
                .then().statusCode(422); // no longer theirs: as unknown as any other rep's contact

        sendSnapshot(sender, EventType.CONTACT_UPDATED, UUID.randomUUID().toString(), contact, 1, rep);
        awaitMarkerBehind(contact);
        as(newOwner, "rep").get("/api/v1/interactions/" + call).then().statusCode(200).body("owner", is(newOwner));
    }

    @Test
    void aRedeliveredEventIsAppliedOnce() {
        UUID contact = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        sendSnapshot(sender, EventType.CONTACT_CREATED, eventId, contact, 0, rep);
        sendSnapshot(sender, EventType.CONTACT_CREATED, eventId, contact, 0, rep);
        awaitMarkerBehind(contact);
        awaitTimelineStatus(contact, 200);
        assertThat(InboxRecords.count(entityManager, "interactions.contact-events", eventId)).isEqualTo(1);
    }

    @Test
    void poisonMessagesGoToTheDeadLetterTopicAndConsumptionGoesOn() {
        UUID contact = UUID.randomUUID();
        String key = contact.toString();
        try (TopicWatcher deadLetters = TopicWatcher.local("rapport.interactions.dlq.v1")) {
            sender.send(EventType.CONTACT_CREATED, UUID.randomUUID().toString(), key, key, CREATED, "{not json");
            sender.sendRecord(new ProducerRecord<>(Topic.CONTACTS.topicName(), key, "{\"no\":\"cloudevent\"}"));
            sender.send(EventType.CONTACT_CREATED, UUID.randomUUID().toString(), key, key, CREATED,
                    "{\"id\":\"" + key + "\",\"version\":0}");
            sender.send(EventType.CONTACT_MERGED, UUID.randomUUID().toString(), key, key, CREATED,
                    "{\"mergedId\":\"" + key + "\"}");

            List<ConsumerRecord<String, String>> dead = deadLetters.awaitAll(r -> key.equals(r.key()), 4, BOUND);
            assertThat(dead).extracting(r -> TopicWatcher.header(r, "dead-letter-reason"))
                    .containsExactly("data of event " + TopicWatcher.header(dead.get(0), "ce_id") + " is not JSON",
                            "not a CloudEvent: ce_ headers missing",
                            "contact snapshot in event " + TopicWatcher.header(dead.get(2), "ce_id")
                                    + " lacks id or owner",
                            "contact.merged event " + TopicWatcher.header(dead.get(3), "ce_id")
                                    + " lacks mergedId or survivorId, or names the same contact twice");
            assertThat(dead).extracting(r -> TopicWatcher.header(r, "dead-letter-topic"))
                    .containsOnly(Topic.CONTACTS.topicName());
        }
        sendSnapshot(sender, EventType.CONTACT_CREATED, UUID.randomUUID().toString(), contact, 0, rep);
        awaitTimelineStatus(contact, 200);
    }

    /**
     * Sends contact.created for another contact on the same partition (same key) and waits until it is known: the
     * consumer applies a partition in order, so everything sent before it has been processed.
     */
    private void awaitMarkerBehind(UUID key) {
        UUID marker = UUID.randomUUID();
        String data = """
                {"id": "%s", "version": 0, "owner": "%s", "firstName": "Marker", "checkInCadenceDays": 30,
                 "createdAt": "%s", "updatedAt": "%s"}""".formatted(marker, rep, CREATED, CREATED);
        sender.send(EventType.CONTACT_CREATED, UUID.randomUUID().toString(), key.toString(), marker.toString(), CREATED,
                data);
        awaitTimelineStatus(marker, 200);
    }
}
