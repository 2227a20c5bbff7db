package io.rapport.contacts.rest;

import static io.rapport.events.testing.TestTokens.bearer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.contacts.Contact;
import io.rapport.events.Topic;
import io.rapport.events.testing.TopicWatcher;
import io.restassured.http.ContentType;

@QuarkusTest
class ContactResourceTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    private final String alice = "alice-" + UUID.randomUUID();
    private final String bob = "bob-" + UUID.randomUUID();

    @Test
    void createsContactAndPublishesContactCreated() throws Exception {
        try (TopicWatcher topic = TopicWatcher.local(Topic.CONTACTS.topicName())) {
            String id = given().header("Authorization", bearer(alice, "rep"))
                    .contentType(ContentType.JSON)
                    .body("""
                            {"firstName": "Ada", "lastName": "Lovelace", "emails": [{"address": "ada@example.com"}],
                             "timezone": "Europe/London", "language": "DE-at"}""")
                    .when().post("/api/v1/contacts")
                    .then().statusCode(201)
                    .header("Location", containsString("/api/v1/contacts/"))
                    .header("ETag", is("\"0\""))
                    .body("owner", is(alice))
                    .body("displayName", is("Ada Lovelace"))
                    .body("lifecycleStage", is("PROSPECT"))
                    .body("effectiveCheckInCadenceDays", is(21))
                    .body("createdAt", notNullValue())
                    .extract().path("id");

            given().header("Authorization", bearer(alice, "rep"))
                    .when().get("/api/v1/contacts/" + id)
                    .then().statusCode(200)
                    .header("ETag", is("\"0\""))
                    .body("emails[0].address", is("ada@example.com"))
                    .body("emails[0].type", is("WORK"))
                    .body("emails[0].primary", is(true))
                    .body("timezone", is("Europe/London"))
                    .body("language", is("de-AT"));

            ConsumerRecord<String, String> event = topic.await(r -> id.equals(r.key()), Duration.ofSeconds(30));
            assertThat(TopicWatcher.header(event, "ce_specversion")).isEqualTo("1.0");
            assertThat(TopicWatcher.header(event, "ce_type")).isEqualTo("rapport.contact.created.v1");
            assertThat(TopicWatcher.header(event, "ce_source")).isEqualTo("/rapport/contacts-service");
            assertThat(TopicWatcher.header(event, "ce_subject")).isEqualTo(id);
            assertThat(TopicWatcher.header(event, "ce_id")).isNotBlank();
            assertThat(TopicWatcher.header(event, "ce_time")).isNotBlank();
            JsonNode data = new ObjectMapper().readTree(event.value());
            assertThat(data.get("id").asText()).isEqualTo(id);
            assertThat(data.get("owner").asText()).isEqualTo(alice);
            assertThat(data.get("checkInCadenceDays").asInt()).isEqualTo(21);
            assertThat(data.get("primaryEmail").asText()).isEqualTo("ada@example.com");
            assertThat(data.get("version").asLong()).isZero();
            assertThat(data.get("language").asText()).isEqualTo("de-AT");
        }
    }

    @Test
    void invalidFieldsAreListedAndNothingIsWritten() {
        long before = contactCount();
        given().header("Authorization", bearer(alice, "rep"))
                .contentType(ContentType.JSON)
                .body("""
                        {"firstName": " ", "emails": [{"address": "not-an-email"}], "checkInCadenceDays": 0,
                         "timezone": "Mars/Olympus_Mons"}""")
                .when().post("/api/v1/contacts")
                .then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("status", is(400))
                .body("violations.field", hasItems("firstName", "emails[0].address", "checkInCadenceDays", "timezone"));
        assertThat(contactCount()).isEqualTo(before);
    }

    @Test
    void theLanguageIsAWellFormedBcp47TagStoredInItsUsualSpelling() {
        for (String tag : new String[] { "en", "de", "pt-BR", "zh-Hant-TW" }) {
            postAsAlice("{\"firstName\": \"Ada\", \"language\": \"" + tag + "\"}")
                    .then().statusCode(201).body("language", is(tag));
        }
        postAsAlice("{\"firstName\": \"Ada\", \"language\": \"pt-br\"}")
                .then().statusCode(201).body("language", is("pt-BR"));
        postAsAlice("{\"firstName\": \"Ada\"}").then().statusCode(201).body("language", nullValue());

        long before = contactCount();
        for (String tag : new String[] { "english", "d", "de_DE", "123", "" }) {
            postAsAlice("{\"firstName\": \"Ada\", \"language\": \"" + tag + "\"}")
                    .then().statusCode(400).contentType(PROBLEM_JSON)
                    .body("violations.field", contains("language"));
        }
        assertThat(contactCount()).isEqualTo(before);
    }

    @Test
    void malformedJsonIsABadRequest() {
        postAsAlice("{\"firstName\": \"Ada\",").then().statusCode(400).contentType(PROBLEM_JSON);
    }

    @Test
    void unknownFieldIsABadRequest() {
        postAsAlice("{\"firstName\": \"Ada\", \"nickname\": \"Countess\"}")
                .then().statusCode(400).contentType(PROBLEM_JSON).body("detail", containsString("nickname"));
    }

    @Test
    void wrongTypeIsABadRequest() {
        postAsAlice("{\"firstName\": \"Ada\", \"checkInCadenceDays\": \"thirty\"}")
                .then().statusCode(400).contentType(PROBLEM_JSON);
    }

    @Test
    void missingBodyIsABadRequest() {
        given().header("Authorization", bearer(alice, "rep")).contentType(ContentType.JSON)
                .when().post("/api/v1/contacts")
                .then().statusCode(400).contentType(PROBLEM_JSON);
    }

    @Test
    void repCannotCreateAContactForAnotherRep() {
        long before = contactCount();
        postAsAlice("{\"firstName\": \"Ada\", \"owner\": \"" + bob + "\"}")
                .then().statusCode(403).contentType(PROBLEM_JSON);
        assertThat(contactCount()).isEqualTo(before);
    }

    @Test
    void managerCreatesForAnyRepButIntegratorCannotWrite() {
        given().header("Authorization", bearer("carol", "manager")).contentType(ContentType.JSON)
                .body("{\"firstName\": \"Grace\", \"owner\": \"" + bob + "\", \"checkInCadenceDays\": 14}")
                .when().post("/api/v1/contacts")
                .then().statusCode(201).body("owner", is(bob)).body("checkInCadenceDays", is(14));
        given().header("Authorization", bearer("ivy", "integrator")).contentType(ContentType.JSON)
                .body("{\"firstName\": \"Grace\"}")
                .when().post("/api/v1/contacts")
                .then().statusCode(403);
    }

    @Test
    void aRepDoesNotSeeAnotherRepsContactButAManagerDoes() {
        String id = postAsAlice("{\"firstName\": \"Ada\"}").then().statusCode(201).extract().path("id");
        given().header("Authorization", bearer(bob, "rep")).when().get("/api/v1/contacts/" + id)
                .then().statusCode(404).contentType(PROBLEM_JSON);
        given().header("Authorization", bearer("carol", "manager")).when().get("/api/v1/contacts/" + id)
                .then().statusCode(200).body("owner", is(alice));
    }

    @Test
    void unknownContactIsNotFound() {
        given().header("Authorization", bearer(alice, "rep")).when().get("/api/v1/contacts/" + UUID.randomUUID())
                .then().statusCode(404).contentType(PROBLEM_JSON);
    }

    private io.restassured.response.Response postAsAlice(String body) {
        return given().header("Authorization", bearer(alice, "rep")).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/contacts");
    }

    private static long contactCount() {
        return QuarkusTransaction.requiringNew().call(() -> Contact.count());
    }
}
