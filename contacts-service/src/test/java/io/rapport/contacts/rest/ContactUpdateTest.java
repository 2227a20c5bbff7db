package io.rapport.contacts.rest;

import static io.rapport.contacts.rest.ContactsApi.MERGE_PATCH;
import static io.rapport.contacts.rest.ContactsApi.PROBLEM_JSON;
import static io.rapport.contacts.rest.ContactsApi.as;
import static io.rapport.contacts.rest.ContactsApi.createContact;
import static io.rapport.contacts.rest.ContactsApi.getContact;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.events.Topic;
import io.rapport.events.testing.TopicWatcher;

@QuarkusTest
class ContactUpdateTest {

    private static final String UPDATED = "rapport.contact.updated.v1";

    private final String alice = "alice-" + UUID.randomUUID();
    private final String bob = "bob-" + UUID.randomUUID();

    @Test
    void mergePatchChangesOnlyWhatItNamesAndPublishesContactUpdated() throws Exception {
        String id = createContact(alice, """
                {"firstName": "Ada", "lastName": "Lovelace", "title": "Analyst", "tags": ["vip"],
                 "emails": [{"address": "ada@example.com"}], "language": "en"}""");
        try (TopicWatcher topic = TopicWatcher.local(Topic.CONTACTS.topicName())) {
            as(alice, "rep").contentType(MERGE_PATCH).header("If-Match", "\"0\"")
                    .body("""
                            {"title": null, "lifecycleStage": "ACTIVE_CUSTOMER", "tags": ["vip", "board"],
                             "importantDates": [{"kind": "BIRTHDAY", "month": 12, "day": 10}], "language": "pt-br"}""")
                    .when().patch("/api/v1/contacts/" + id)
                    .then().statusCode(200)
                    .header("ETag", is("\"1\""))
                    .body("version", is(1))
                    .body("lastName", is("Lovelace"))
                    .body("title", nullValue())
                    .body("lifecycleStage", is("ACTIVE_CUSTOMER"))
                    .body("effectiveCheckInCadenceDays", is(30))
                    .body("tags", contains("vip", "board"))
                    .body("importantDates[0].kind", is("BIRTHDAY"))
                    .body("language", is("pt-BR"))
                    .body("emails[0].address", is("ada@example.com"));

            ConsumerRecord<String, String> event = topic.await(r -> id.equals(r.key()) && UPDATED.equals(TopicWatcher.header(r, "ce_type")),
                    Duration.ofSeconds(30));
            JsonNode data = new ObjectMapper().readTree(event.value());
            assertThat(data.get("version").asLong()).isEqualTo(1);
            assertThat(data.get("lifecycleStage").asText()).isEqualTo("ACTIVE_CUSTOMER");
            assertThat(data.get("checkInCadenceDays").asInt()).isEqualTo(30);
            assertThat(data.at("/importantDates/0/month").asInt()).isEqualTo(12);
            assertThat(data.get("language").asText()).isEqualTo("pt-BR");
        }
    }

    @Test
    void putReplacesTheWholeContact() {
        String id = createContact(alice, "{\"firstName\": \"Ada\", \"title\": \"Analyst\", \"personalNotes\": \"chess\"}");
        as(alice, "rep").header("If-Match", "\"0\"")
                .body("{\"firstName\": \"Augusta\", \"checkInCadenceDays\": 10}")
                .when().put("/api/v1/contacts/" + id)
                .then().statusCode(200)
                .body("firstName", is("Augusta"))
                .body("title", nullValue())
                .body("personalNotes", nullValue())
                .body("checkInCadenceDays", is(10))
                .body("version", is(1));
    }

    @Test
    void aReadNamingTheCurrentETagInIfNoneMatchIs304WithoutABody() {
        String id = createContact(alice, "{\"firstName\": \"Ada\"}");
        String etag = getContact(alice, "rep", id).then().statusCode(200).header("ETag", is("\"0\""))
                .extract().header("ETag");

        for (String ifNoneMatch : new String[] { etag, "W/" + etag, "\"7\", " + etag, "*" }) {
            as(alice, "rep").header("If-None-Match", ifNoneMatch).when().get("/api/v1/contacts/" + id)
                    .then().statusCode(304).header("ETag", is(etag)).body(is(""));
        }
        as(alice, "rep").header("If-None-Match", "\"7\"").when().get("/api/v1/contacts/" + id)
                .then().statusCode(200).body("id", is(id));

        as(alice, "rep").contentType(MERGE_PATCH).header("If-Match", etag).body("{\"title\": \"CTO\"}")
                .when().patch("/api/v1/contacts/" + id).then().statusCode(200);
        // changed since: the full representation with its new tag
        as(alice, "rep").header("If-None-Match", etag).when().get("/api/v1/contacts/" + id)
                .then().statusCode(200).header("ETag", is("\"1\"")).body("title", is("CTO"));
        // another rep's contact stays a 404, whatever the tag
        as(bob, "rep").header("If-None-Match", "*").when().get("/api/v1/contacts/" + id)
                .then().statusCode(404);
    }

    @Test
    void aStaleIfMatchIs412AndAMissingOneIs428AndNothingChanges() {
        String id = createContact(alice, "{\"firstName\": \"Ada\"}");
        as(alice, "rep").contentType(MERGE_PATCH).header("If-Match", "\"0\"").body("{\"title\": \"CTO\"}")
                .when().patch("/api/v1/contacts/" + id).then().statusCode(200);

        as(alice, "rep").contentType(MERGE_PATCH).header("If-Match", "\"0\"").body("{\"title\": \"CEO\"}")
                .when().patch("/api/v1/contacts/" + id)
                .then().statusCode(412).contentType(PROBLEM_JSON).header("ETag", is("\"1\""));
        // If-Match compares strongly (RFC 9110): the current version as a weak tag is no match
        as(alice, "rep").contentType(MERGE_PATCH).header("If-Match", "W/\"1\"").body("{\"title\": \"CEO\"}")
                .when().patch("/api/v1/contacts/" + id)
                .then().statusCode(412).contentType(PROBLEM_JSON);
        as(alice, "rep").contentType(MERGE_PATCH).body("{\"title\": \"CEO\"}")
                .when().patch("/api/v1/contacts/" + id)
                .then().statusCode(428).contentType(PROBLEM_JSON);
        as(alice, "rep").body("{\"firstName\": \"Ada\"}")
                .when().put("/api/v1/contacts/" + id)
                .then().statusCode(428).contentType(PROBLEM_JSON);

        getContact(alice, "rep", id).then().statusCode(200).body("title", is("CTO")).body("version", is(1));
    }

    @Test
    void anInvalidPatchIsRejectedWithTheFieldAndChangesNothing() {
        String id = createContact(alice, "{\"firstName\": \"Ada\", \"language\": \"de\"}");
        as(alice, "rep").contentType(MERGE_PATCH).header("If-Match", "\"0\"")
                .body("{\"firstName\": null, \"checkInCadenceDays\": 400}")
                .when().patch("/api/v1/contacts/" + id)
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations.field", hasItem("firstName"))
                .body("violations.field", hasItem("checkInCadenceDays"));
        as(alice, "rep").contentType(MERGE_PATCH).header("If-Match", "\"0\"").body("{\"language\": \"de_DE\"}")
                .when().patch("/api/v1/contacts/" + id)
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations.field", contains("language"));
        as(alice, "rep").contentType(MERGE_PATCH).header("If-Match", "\"0\"")
                .body("{\"preferredChannel\": \"CARRIER_PIGEON\"}")
                .when().patch("/api/v1/contacts/" + id)
                .then().statusCode(400).contentType(PROBLEM_JSON);
        as(alice, "rep").contentType(MERGE_PATCH).header("If-Match", "\"0\"").body("[1, 2]")
                .when().patch("/api/v1/contacts/" + id)
                .then().statusCode(400).contentType(PROBLEM_JSON);
        getContact(alice, "rep", id).then().body("version", is(0)).body("firstName", is("Ada"))
                .body("language", is("de"));
    }

    @Test
    void aPatchThatChangesNothingKeepsTheVersion() {
        String id = createContact(alice, "{\"firstName\": \"Ada\"}");
        as(alice, "rep").contentType(MERGE_PATCH).header("If-Match", "\"0\"").body("{\"firstName\": \"Ada\"}")
                .when().patch("/api/v1/contacts/" + id)
                .then().statusCode(200).body("version", is(0));
    }

    @Test
    void reassigningTheOwnerIsAManagersActionAndPublishesTheNewOwner() throws Exception {
        String id = createContact(alice, "{\"firstName\": \"Ada\"}");
        as(alice, "rep").contentType(MERGE_PATCH).header("If-Match", "\"0\"").body("{\"owner\": \"" + bob + "\"}")
                .when().patch("/api/v1/contacts/" + id)
                .then().statusCode(403).contentType(PROBLEM_JSON);
        as(bob, "rep").contentType(MERGE_PATCH).header("If-Match", "\"0\"").body("{\"title\": \"CTO\"}")
                .when().patch("/api/v1/contacts/" + id)
                .then().statusCode(404);
        as("ivy", "integrator").contentType(MERGE_PATCH).header("If-Match", "\"0\"").body("{\"title\": \"CTO\"}")
                .when().patch("/api/v1/contacts/" + id)
                .then().statusCode(403);

        try (TopicWatcher topic = TopicWatcher.local(Topic.CONTACTS.topicName())) {
            as("carol", "manager").contentType(MERGE_PATCH).header("If-Match", "\"0\"")
                    .body("{\"owner\": \"" + bob + "\"}")
                    .when().patch("/api/v1/contacts/" + id)
                    .then().statusCode(200).body("owner", is(bob));
            ConsumerRecord<String, String> event = topic.await(r -> id.equals(r.key()) && UPDATED.equals(TopicWatcher.header(r, "ce_type")),
                    Duration.ofSeconds(30));
            assertThat(new ObjectMapper().readTree(event.value()).get("owner").asText()).isEqualTo(bob);
        }
        getContact(alice, "rep", id).then().statusCode(404);
        getContact(bob, "rep", id).then().statusCode(200);
    }

    @Test
    void crossFieldRulesAreChecked() {
        String base = "{\"firstName\": \"Ada\", ";
        as(alice, "rep").body(base + "\"emails\": [{\"address\": \"a@x.example\", \"primary\": true},"
                + " {\"address\": \"b@x.example\", \"primary\": true}]}")
                .when().post("/api/v1/contacts").then().statusCode(400).body("violations[0].field", is("emails"));
        as(alice, "rep").body(base + "\"checkInCadenceDays\": 30, \"checkInMaxIntervalDays\": 20}")
                .when().post("/api/v1/contacts").then().statusCode(400)
                .body("violations[0].field", is("checkInMaxIntervalDays"));
        as(alice, "rep").body(base + "\"importantDates\": [{\"kind\": \"BIRTHDAY\", \"year\": 1990, \"month\": 2, \"day\": 30}]}")
                .when().post("/api/v1/contacts").then().statusCode(400)
                .body("violations[0].field", is("importantDates[0]"));
        as(alice, "rep").body(base + "\"importantDates\": [{\"kind\": \"CUSTOM\", \"month\": 5, \"day\": 1}]}")
                .when().post("/api/v1/contacts").then().statusCode(400)
                .body("violations[0].field", is("importantDates[0].label"));
        as(alice, "rep").body(base + "\"organisationId\": \"" + UUID.randomUUID() + "\"}")
                .when().post("/api/v1/contacts").then().statusCode(400)
                .body("violations[0].field", is("organisationId"));
        as(alice, "rep").body(base + "\"importantDates\": [{\"kind\": \"BIRTHDAY\", \"month\": 2, \"day\": 29}],"
                + " \"phones\": [{\"number\": \"+44 20 7946 0000\"}]}")
                .when().post("/api/v1/contacts").then().statusCode(201)
                .body("phones[0].primary", is(true)).body("phones[0].type", is("MOBILE"));
    }

    @Test
    void oversizeFieldsAreRejected() {
        as(alice, "rep").body("{\"firstName\": \"" + "A".repeat(101) + "\", \"personalNotes\": \""
                + "n".repeat(10_001) + "\"}")
                .when().post("/api/v1/contacts").then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations.field", hasItem("firstName"))
                .body("violations.field", hasItem("personalNotes"));
    }
}
