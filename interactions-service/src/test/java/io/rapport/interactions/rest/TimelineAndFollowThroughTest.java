package io.rapport.interactions.rest;

import static io.rapport.interactions.rest.InteractionsApi.PROBLEM_JSON;
import static io.rapport.interactions.rest.InteractionsApi.as;
import static io.rapport.interactions.rest.InteractionsApi.commitmentJson;
import static io.rapport.interactions.rest.InteractionsApi.interactionJson;
import static io.rapport.interactions.rest.InteractionsApi.knownContact;
import static io.rapport.interactions.rest.InteractionsApi.logInteraction;
import static io.rapport.interactions.rest.InteractionsApi.makeCommitment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.events.testing.CloudEventSender;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;

@QuarkusTest
class TimelineAndFollowThroughTest {

    private final CloudEventSender sender = CloudEventSender.local();
    private final String rep = "rep-" + UUID.randomUUID();
    private UUID contact;

    @Inject
    KafkaClientService kafka;

    @BeforeEach
    void knownContactOfTheRep() {
        InteractionsApi.awaitPartitionAssignment(kafka);
        contact = knownContact(sender, rep);
    }

    @AfterEach
    void close() {
        sender.close();
    }

    @Test
    void theTimelineInterleavesInteractionsAndCommitmentsNewestFirstPageByPage() {
        String call = logInteraction(rep, "rep", interactionJson(contact, "CALL", "OUTBOUND", "2026-02-01T10:00:00Z"));
        String email = logInteraction(rep, "rep", interactionJson(contact, "EMAIL", "INBOUND", "2026-02-03T10:00:00Z"));
        // made now: newer than both interactions above, older than none
        String promise = makeCommitment(rep, "rep", commitmentJson(contact, "Send the deck", "2026-02-10T17:00:00Z"));
        String recent = logInteraction(rep, "rep", interactionJson(contact, "MEETING", "OUTBOUND",
                Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString()));
        // another contact's records never show
        UUID other = knownContact(sender, rep);
        logInteraction(rep, "rep", interactionJson(other, "CALL", "OUTBOUND", "2026-02-02T10:00:00Z"));

        String path = "/api/v1/contacts/" + contact + "/timeline";
        // the commitment was made after the meeting's occurredAt (a minute ago)
        as(rep, "rep").get(path).then().statusCode(200)
                .body("items.id", contains(promise, recent, email, call))
                .body("items.kind", contains("COMMITMENT", "INTERACTION", "INTERACTION", "INTERACTION"))
                .body("items[0].commitment.description", is("Send the deck"))
                .body("items[0].interaction", nullValue())
                .body("items[1].interaction.type", is("MEETING"))
                .body("items[3].at", is("2026-02-01T10:00:00Z"))
                .body("nextCursor", nullValue());

        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            var page = as(rep, "rep").queryParam("limit", 1).queryParam("cursor", cursor == null ? "" : cursor)
                    .get(path).then().statusCode(200).body("items.size()", lessThanOrEqualTo(1))
                    .extract();
            paged.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertThat(paged).containsExactly(promise, recent, email, call);

        as(rep, "rep").get(path + "?type=CALL&type=EMAIL").then().body("items.id", contains(email, call));
        as(rep, "rep").get(path + "?type=commitment").then().body("items.id", contains(promise));
        as(rep, "rep").get(path + "?type=EMAIL,COMMITMENT").then().body("items.id", contains(promise, email));
        as(rep, "rep").get(path + "?from=2026-02-02T00:00:00Z&to=2026-02-05T00:00:00Z")
                .then().body("items.id", contains(email));
    }

    @Test
    void theTimelineIsScopedAndValidated() {
        String path = "/api/v1/contacts/" + contact + "/timeline";
        as("another-rep", "rep").get(path).then().statusCode(404).contentType(PROBLEM_JSON);
        as("mia", "manager").get(path).then().statusCode(200);
        as("integration", "integrator").get(path).then().statusCode(200);
        as(rep, "rep").get("/api/v1/contacts/" + UUID.randomUUID() + "/timeline").then().statusCode(404);
        for (String query : List.of("type=PIGEON", "limit=0", "limit=201", "from=never", "cursor=zzz",
                "from=2026-02-02T00:00:00Z&to=2026-02-01T00:00:00Z")) {
            as(rep, "rep").get(path + "?" + query).then().statusCode(400).contentType(PROBLEM_JSON);
        }
    }

    @Test
    void followThroughCountsOnAKnownDataSet() {
        // due in January 2026 (all in the past): two kept on time, one late, one overdue, one cancelled
        fulfil(makeCommitment(rep, "rep", commitmentJson(contact, "a", "2026-01-05T17:00:00Z")), "2026-01-04T09:00:00Z");
        fulfil(makeCommitment(rep, "rep", commitmentJson(contact, "b", "2026-01-10T17:00:00Z")), "2026-01-10T17:00:00Z");
        fulfil(makeCommitment(rep, "rep", commitmentJson(contact, "c", "2026-01-12T17:00:00Z")), "2026-01-15T09:00:00Z");
        makeCommitment(rep, "rep", commitmentJson(contact, "d", "2026-01-20T17:00:00Z"));
        String e = makeCommitment(rep, "rep", commitmentJson(contact, "e", "2026-01-25T17:00:00Z"));
        as(rep, "rep").header("If-Match", "\"0\"").body("{\"reason\": \"not needed\"}")
                .post("/api/v1/commitments/" + e + "/cancel").then().statusCode(200);
        // outside the period, and one still ahead
        fulfil(makeCommitment(rep, "rep", commitmentJson(contact, "f", "2026-02-05T17:00:00Z")), "2026-02-01T09:00:00Z");
        String ahead = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        makeCommitment(rep, "rep", commitmentJson(contact, "g", ahead));
        // another rep's commitments do not count
        UUID others = knownContact(sender, "other-" + rep);
        makeCommitment("mia", "manager", commitmentJson(others, "x", "2026-01-07T17:00:00Z"));

        String path = "/api/v1/owners/" + rep + "/follow-through";
        as(rep, "rep").get(path + "?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z").then().statusCode(200)
                .body("owner", is(rep))
                .body("from", is("2026-01-01T00:00:00Z")).body("to", is("2026-02-01T00:00:00Z"))
                .body("made", is(4)).body("keptOnTime", is(2)).body("keptLate", is(1)).body("overdue", is(1))
                .body("pending", is(0)).body("cancelled", is(1))
                .body("rate", is(0.5f));
        String until = Instant.now().plus(30, ChronoUnit.DAYS).toString();
        as("mia", "manager").get(path + "?from=2026-01-01T00:00:00Z&to=" + until).then().statusCode(200)
                .body("made", is(6)).body("keptOnTime", is(3)).body("pending", is(1))
                .body("rate", is(0.6f));
        as(rep, "rep").get(path + "?from=2025-01-01T00:00:00Z&to=2025-02-01T00:00:00Z").then().statusCode(200)
                .body("made", is(0)).body("rate", nullValue());
        // the default period is the 90 days before now
        as(rep, "rep").get(path).then().statusCode(200).body("from", notNullValue()).body("to", notNullValue());
    }

    @Test
    void followThroughIsScopedAndValidated() {
        String path = "/api/v1/owners/" + rep + "/follow-through";
        as("another-rep", "rep").get(path).then().statusCode(403).contentType(PROBLEM_JSON);
        as("integration", "integrator").get(path).then().statusCode(200);
        as("root", "admin").get(path).then().statusCode(200);
        for (String query : List.of("from=yesterday", "to=tomorrow",
                "from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z",
                "from=2000-01-01T00:00:00Z&to=2026-01-01T00:00:00Z")) {
            as(rep, "rep").get(path + "?" + query).then().statusCode(400).contentType(PROBLEM_JSON);
        }
    }

    private void fulfil(String commitment, String at) {
        as(rep, "rep").header("If-Match", "\"0\"").body("{\"fulfilledAt\": \"" + at + "\"}")
                .post("/api/v1/commitments/" + commitment + "/fulfil").then().statusCode(200);
    }
}
