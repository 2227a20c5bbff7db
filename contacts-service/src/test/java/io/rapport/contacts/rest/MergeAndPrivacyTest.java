package io.rapport.contacts.rest;

import static io.rapport.contacts.rest.ContactsApi.PROBLEM_JSON;
import static io.rapport.contacts.rest.ContactsApi.as;
import static io.rapport.contacts.rest.ContactsApi.createContact;
import static io.rapport.contacts.rest.ContactsApi.getContact;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.contacts.export.ExportPartsStub;
import io.rapport.events.Topic;
import io.rapport.events.testing.TopicWatcher;

@QuarkusTest
@QuarkusTestResource(ExportPartsStub.class)
class MergeAndPrivacyTest {

    private final String alice = "alice-" + UUID.randomUUID();
    private final String bob = "bob-" + UUID.randomUUID();

    @Test
    void duplicatesAreFoundBySameEmailAndBySimilarNameInTheSameOrganisation() {
        String org = as(alice, "rep").body("{\"name\": \"Difference Engines " + UUID.randomUUID() + "\"}")
                .when().post("/api/v1/organisations").then().statusCode(201).extract().path("id");
        String email = "ada-" + UUID.randomUUID() + "@example.com";
        String ada = createContact(alice, "{\"firstName\": \"Ada\", \"lastName\": \"Lovelace\", \"organisationId\": \""
                + org + "\", \"emails\": [{\"address\": \"" + email + "\"}]}");
        String sameEmail = createContact(alice, "{\"firstName\": \"Augusta\", \"emails\": [{\"address\": \""
                + email.toUpperCase() + "\"}]}");
        String similarName = createContact(alice, "{\"firstName\": \"Ada\", \"lastName\": \"Lovelace-King\","
                + " \"organisationId\": \"" + org + "\"}");
        createContact(alice, "{\"firstName\": \"Charles\", \"lastName\": \"Babbage\", \"organisationId\": \"" + org + "\"}");

        as(alice, "rep").when().get("/api/v1/contacts/" + ada + "/duplicates")
                .then().statusCode(200)
                .body("contact.id", containsInAnyOrder(sameEmail, similarName))
                .body("find { it.contact.id == '" + sameEmail + "' }.reasons[0]", is("same email " + email));
    }

    @Test
    void aDryRunShowsTheMergeAndChangesNothing() {
        String survivor = createContact(alice, "{\"firstName\": \"Ada\", \"tags\": [\"vip\"]}");
        String duplicate = createContact(alice, "{\"firstName\": \"Ada\", \"lastName\": \"Lovelace\", \"tags\": [\"math\"]}");
        as(alice, "rep").body("{\"duplicateId\": \"" + duplicate + "\", \"dryRun\": true}")
                .when().post("/api/v1/contacts/" + survivor + "/merge")
                .then().statusCode(200)
                .body("lastName", is("Lovelace"))
                .body("tags", contains("vip", "math"));
        getContact(alice, "rep", survivor).then().statusCode(200).body("lastName", is((Object) null))
                .body("version", is(0));
        getContact(alice, "rep", duplicate).then().statusCode(200);
    }

    @Test
    void aMergeCarriesDataAndNeedsOverAndPublishesContactMerged() throws Exception {
        String survivor = createContact(alice, """
                {"firstName": "Ada", "emails": [{"address": "ada@one.example"}], "tags": ["vip"],
                 "importantDates": [{"kind": "BIRTHDAY", "month": 12, "day": 10}], "marketingOptIn": true}""");
        String duplicate = createContact(alice, """
                {"firstName": "Ada", "lastName": "Lovelace", "emails": [{"address": "ada@two.example"}],
                 "tags": ["math"], "doNotContact": true, "personalNotes": "likes poetry", "language": "en-GB",
                 "importantDates": [{"kind": "BIRTHDAY", "month": 1, "day": 1},
                                    {"kind": "CUSTOMER_SINCE", "year": 2020, "month": 3, "day": 4}]}""");
        as(alice, "rep").body("{\"description\": \"Faster reporting\"}")
                .when().post("/api/v1/contacts/" + duplicate + "/needs").then().statusCode(201);

        try (TopicWatcher topic = TopicWatcher.local(Topic.CONTACTS.topicName())) {
            String etag = as(alice, "rep").header("If-Match", "\"0\"")
                    .body("{\"duplicateId\": \"" + duplicate + "\"}")
                    .when().post("/api/v1/contacts/" + survivor + "/merge")
                    .then().statusCode(200)
                    .body("version", greaterThan(0))
                    .body("lastName", is("Lovelace"))
                    .body("emails.address", contains("ada@one.example", "ada@two.example"))
                    .body("emails.primary", contains(true, false))
                    .body("tags", contains("vip", "math"))
                    .body("importantDates.kind", contains("BIRTHDAY", "CUSTOMER_SINCE"))
                    .body("importantDates[0].month", is(12))
                    .body("doNotContact", is(true))
                    .body("marketingOptIn", is(false))
                    .body("personalNotes", is("likes poetry"))
                    .body("language", is("en-GB"))
                    .extract().header("ETag");
            // the ETag names the version the merge wrote: the one a read now gets
            assertThat(etag).isNotNull();
            getContact(alice, "rep", survivor).then().statusCode(200).header("ETag", etag);

            ConsumerRecord<String, String> merged = topic.await(r -> duplicate.equals(r.key())
                    && "rapport.contact.merged.v1".equals(TopicWatcher.header(r, "ce_type")), Duration.ofSeconds(30));
            JsonNode data = new ObjectMapper().readTree(merged.value());
            assertThat(data.get("mergedId").asText()).isEqualTo(duplicate);
            assertThat(data.get("survivorId").asText()).isEqualTo(survivor);
            ConsumerRecord<String, String> updated = topic.await(r -> survivor.equals(r.key())
                    && "rapport.contact.updated.v1".equals(TopicWatcher.header(r, "ce_type")), Duration.ofSeconds(30));
            assertThat(new ObjectMapper().readTree(updated.value()).get("doNotContact").asBoolean()).isTrue();
        }
        as(alice, "rep").when().get("/api/v1/contacts/" + survivor + "/needs")
                .then().statusCode(200).body("items.description", contains("Faster reporting"));
        getContact(alice, "rep", duplicate).then().statusCode(404).contentType(PROBLEM_JSON)
                .body("mergedInto", is(survivor));
    }

    @Test
    void aMergeNamesTheSurvivorsVersionAndOneThatDoesNotChangesNothing() {
        String survivor = createContact(alice, "{\"firstName\": \"Ada\"}");
        String duplicate = createContact(alice, "{\"firstName\": \"Ada\", \"lastName\": \"Lovelace\"}");
        as(alice, "rep").body("{\"duplicateId\": \"" + duplicate + "\"}")
                .when().post("/api/v1/contacts/" + survivor + "/merge")
                .then().statusCode(428).contentType(PROBLEM_JSON);
        as(alice, "rep").header("If-Match", "\"0\"").body("{\"title\": \"CTO\"}").contentType(ContactsApi.MERGE_PATCH)
                .when().patch("/api/v1/contacts/" + survivor).then().statusCode(200).header("ETag", "\"1\"");
        as(alice, "rep").header("If-Match", "\"0\"").body("{\"duplicateId\": \"" + duplicate + "\"}")
                .when().post("/api/v1/contacts/" + survivor + "/merge")
                .then().statusCode(412).contentType(PROBLEM_JSON).header("ETag", "\"1\"");
        as(alice, "rep").header("If-Match", "W/\"1\"").body("{\"duplicateId\": \"" + duplicate + "\"}")
                .when().post("/api/v1/contacts/" + survivor + "/merge")
                .then().statusCode(412);
        getContact(alice, "rep", survivor).then().statusCode(200).body("lastName", is((Object) null))
                .body("version", is(1));
        getContact(alice, "rep", duplicate).then().statusCode(200);
        as(alice, "rep").body("{\"duplicateId\": \"" + duplicate + "\", \"dryRun\": true}")
                .when().post("/api/v1/contacts/" + survivor + "/merge")
                .then().statusCode(200).header("ETag", nullValue()).body("lastName", is("Lovelace"));
    }

    @Test
    void mergeNeedsWriteAccessToBothAndTwoDifferentContacts() {
        String mine = createContact(alice, "{\"firstName\": \"Ada\"}");
        String theirs = createContact(bob, "{\"firstName\": \"Ada\"}");
        as(alice, "rep").header("If-Match", "\"0\"").body("{\"duplicateId\": \"" + theirs + "\"}")
                .when().post("/api/v1/contacts/" + mine + "/merge").then().statusCode(404);
        as(alice, "rep").body("{\"duplicateId\": \"" + mine + "\"}")
                .when().post("/api/v1/contacts/" + mine + "/merge").then().statusCode(400).contentType(PROBLEM_JSON);
        as(alice, "rep").body("{}")
                .when().post("/api/v1/contacts/" + mine + "/merge").then().statusCode(400)
                .body("violations.field", hasItem("duplicateId"));
        getContact(bob, "rep", theirs).then().statusCode(200);
    }

    @Test
    void exportGathersEveryServicesPartAskedWithTheCallersToken() {
        String contact = createContact(alice, """
                {"firstName": "Ada", "personalNotes": "likes poetry", "emails": [{"address": "ada@x.example"}]}""");
        as(alice, "rep").body("{\"description\": \"Faster reporting\"}")
                .when().post("/api/v1/contacts/" + contact + "/needs").then().statusCode(201);
        String duplicate = createContact(alice, "{\"firstName\": \"Ada\"}");
        as(alice, "rep").header("If-Match", "\"0\"").body("{\"duplicateId\": \"" + duplicate + "\"}")
                .when().post("/api/v1/contacts/" + contact + "/merge").then().statusCode(200);

        as(alice, "rep").when().get("/api/v1/contacts/" + contact + "/export")
                .then().statusCode(200)
                .body("contactId", is(contact))
                .body("exportedAt", notNullValue())
                .body("contacts.contact.personalNotes", is("likes poetry"))
                .body("contacts.contact.emails.address", contains("ada@x.example"))
                .body("contacts.needs.description", contains("Faster reporting"))
                .body("contacts.mergedContacts.id", contains(duplicate))
                .body("interactions.from", is("interactions"))
                .body("interactions.contactId", is(contact))
                .body("feedback.from", is("feedback"))
                .body("scheduler.from", is("scheduler"));
        assertThat(ExportPartsStub.requests()).contains(
                "interactions /api/v1/contacts/" + contact + "/export " + alice,
                "feedback /api/v1/contacts/" + contact + "/export " + alice,
                "scheduler /api/v1/contacts/" + contact + "/export " + alice);

        // another rep learns nothing, and no other service is asked
        int asked = ExportPartsStub.requests().size();
        as(bob, "rep").when().get("/api/v1/contacts/" + contact + "/export").then().statusCode(404);
        assertThat(ExportPartsStub.requests()).hasSize(asked);
    }

    @Test
    void anExportWithAPartMissingIsNotGiven() {
        String contact = createContact(alice, "{\"firstName\": \"Ada\"}");
        ExportPartsStub.failing("feedback", true);
        try {
            as(alice, "rep").when().get("/api/v1/contacts/" + contact + "/export")
                    .then().statusCode(503).contentType(PROBLEM_JSON).header("Retry-After", notNullValue())
                    .body("detail", containsString("feedback"));
        } finally {
            ExportPartsStub.failing("feedback", false);
        }
    }

    @Test
    void eraseRemovesEverythingPersonalAndPublishesContactErased() throws Exception {
        String key = UUID.randomUUID().toString();
        String contact = as(alice, "rep").header("Idempotency-Key", key)
                .body("{\"firstName\": \"Ada\", \"personalNotes\": \"likes poetry\"}")
                .when().post("/api/v1/contacts").then().statusCode(201).extract().path("id");
        as(alice, "rep").body("{\"description\": \"Faster reporting\"}")
                .when().post("/api/v1/contacts/" + contact + "/needs").then().statusCode(201);

        as(alice, "rep").header("If-Match", "\"0\"").when().delete("/api/v1/contacts/" + contact)
                .then().statusCode(403);
        as("root", "admin").when().delete("/api/v1/contacts/" + contact).then().statusCode(428);
        try (TopicWatcher topic = TopicWatcher.local(Topic.CONTACTS.topicName())) {
            as("root", "admin").header("If-Match", "\"0\"").when().delete("/api/v1/contacts/" + contact)
                    .then().statusCode(204);
            ConsumerRecord<String, String> erased = topic.await(r -> contact.equals(r.key())
                    && "rapport.contact.erased.v1".equals(TopicWatcher.header(r, "ce_type")), Duration.ofSeconds(30));
            JsonNode data = new ObjectMapper().readTree(erased.value());
            assertThat(data.get("id").asText()).isEqualTo(contact);
            List<String> members = new ArrayList<>();
            data.fieldNames().forEachRemaining(members::add);
            assertThat(members).containsExactlyInAnyOrder("id", "erasedAt");
            assertThat(erased.value()).doesNotContain("Ada").doesNotContain("poetry");
            // then the tombstone that lets the compacted topic drop the contact's earlier records, after the event
            ConsumerRecord<String, String> tombstone = topic.awaitTombstone(contact, Duration.ofSeconds(30));
            assertThat(tombstone.partition()).isEqualTo(erased.partition());
            assertThat(tombstone.offset()).isGreaterThan(erased.offset());
        }

        as("root", "admin").when().get("/api/v1/contacts/" + contact + "/export")
                .then().statusCode(410).contentType(PROBLEM_JSON);
        getContact(alice, "rep", contact).then().statusCode(410);
        as(alice, "rep").when().get("/api/v1/contacts/" + contact + "/needs").then().statusCode(410);
        getContact("carol", "manager", contact).then().statusCode(410);
        // a rep who could not see the contact does not learn that it existed
        getContact("mallory", "rep", contact).then().statusCode(404).contentType(PROBLEM_JSON);
        as("mallory", "rep").when().get("/api/v1/contacts/" + contact + "/needs").then().statusCode(404);
        // a retried create must not bring the erased data back through the stored response
        as(alice, "rep").header("Idempotency-Key", key)
                .body("{\"firstName\": \"Ada\", \"personalNotes\": \"likes poetry\"}")
                .when().post("/api/v1/contacts").then().statusCode(201)
                .body("id", not(contact));
        as("root", "admin").queryParam("q", "poetry").when().get("/api/v1/contacts")
                .then().statusCode(200).body("items.id", not(hasItem(contact)));
    }

    @Test
    void erasingASurvivorForgetsTheStoredResponsesAboutWhatWasMergedIntoIt() {
        String createKey = UUID.randomUUID().toString();
        String needKey = UUID.randomUUID().toString();
        String survivor = createContact(alice, "{\"firstName\": \"Ada\"}");
        String duplicate = as(alice, "rep").header("Idempotency-Key", createKey)
                .body("{\"firstName\": \"Augusta\", \"personalNotes\": \"fears flying\"}")
                .when().post("/api/v1/contacts").then().statusCode(201).extract().path("id");
        as(alice, "rep").header("Idempotency-Key", needKey).body("{\"description\": \"Aisle seats\"}")
                .when().post("/api/v1/contacts/" + duplicate + "/needs").then().statusCode(201);
        String etag = as(alice, "rep").header("If-Match", "\"0\"").body("{\"duplicateId\": \"" + duplicate + "\"}")
                .when().post("/api/v1/contacts/" + survivor + "/merge").then().statusCode(200).extract().header("ETag");

        as("root", "admin").header("If-Match", etag).when().delete("/api/v1/contacts/" + survivor)
                .then().statusCode(204);

        // retries with the keys used before the merge replay nothing: they are new requests now
        as(alice, "rep").header("Idempotency-Key", createKey)
                .body("{\"firstName\": \"Augusta\", \"personalNotes\": \"fears flying\"}")
                .when().post("/api/v1/contacts").then().statusCode(201)
                .header("Idempotent-Replayed", nullValue()).body("id", not(duplicate));
        as(alice, "rep").header("Idempotency-Key", needKey).body("{\"description\": \"Aisle seats\"}")
                .when().post("/api/v1/contacts/" + duplicate + "/needs").then().statusCode(404)
                .header("Idempotent-Replayed", nullValue());
    }
}
