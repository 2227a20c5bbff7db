package io.rapport.contacts.rest;

import static io.rapport.contacts.rest.ContactsApi.PROBLEM_JSON;
import static io.rapport.contacts.rest.ContactsApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class IdempotencyKeyTest {

    private final String alice = "alice-" + UUID.randomUUID();

    @Test
    void aRetryWithTheSameKeyAndBodyGetsTheFirstResponse() {
        String key = UUID.randomUUID().toString();
        String body = "{\"firstName\": \"Ada\", \"tags\": [\"idempotency\"]}";
        String first = as(alice, "rep").header("Idempotency-Key", key).body(body)
                .when().post("/api/v1/contacts")
                .then().statusCode(201).extract().path("id");
        String again = as(alice, "rep").header("Idempotency-Key", key).body(body)
                .when().post("/api/v1/contacts")
                .then().statusCode(201)
                .header("Idempotent-Replayed", is("true"))
                .header("Location", org.hamcrest.Matchers.endsWith(first))
                .body("firstName", is("Ada"))
                .extract().path("id");
        assertThat(again).isEqualTo(first);
        as(alice, "rep").queryParam("tag", "idempotency").when().get("/api/v1/contacts")
                .then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void theSameKeyWithAnotherBodyIs422() {
        String key = UUID.randomUUID().toString();
        as(alice, "rep").header("Idempotency-Key", key).body("{\"firstName\": \"Ada\"}")
                .when().post("/api/v1/contacts").then().statusCode(201);
        as(alice, "rep").header("Idempotency-Key", key).body("{\"firstName\": \"Grace\"}")
                .when().post("/api/v1/contacts")
                .then().statusCode(422).contentType(PROBLEM_JSON);
    }

    @Test
    void keysAreScopedToTheCaller() {
        String key = UUID.randomUUID().toString();
        String body = "{\"firstName\": \"Ada\"}";
        String mine = as(alice, "rep").header("Idempotency-Key", key).body(body)
                .when().post("/api/v1/contacts").then().statusCode(201).extract().path("id");
        String theirs = as("other-" + alice, "rep").header("Idempotency-Key", key).body(body)
                .when().post("/api/v1/contacts").then().statusCode(201).extract().path("id");
        assertThat(theirs).isNotEqualTo(mine);
    }

    @Test
    void aFailedRequestDoesNotUseUpTheKey() {
        String key = UUID.randomUUID().toString();
        as(alice, "rep").header("Idempotency-Key", key).body("{\"firstName\": \"Ada\", \"owner\": \"someone-else\"}")
                .when().post("/api/v1/contacts").then().statusCode(403);
        as(alice, "rep").header("Idempotency-Key", key).body("{\"firstName\": \"Ada\"}")
                .when().post("/api/v1/contacts").then().statusCode(201);
    }

    @Test
    void anOversizeKeyIsABadRequest() {
        as(alice, "rep").header("Idempotency-Key", "k".repeat(201)).body("{\"firstName\": \"Ada\"}")
                .when().post("/api/v1/contacts").then().statusCode(400).contentType(PROBLEM_JSON);
    }
}
