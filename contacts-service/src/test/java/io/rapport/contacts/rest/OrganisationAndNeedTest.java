package io.rapport.contacts.rest;

import static io.rapport.contacts.rest.ContactsApi.MERGE_PATCH;
import static io.rapport.contacts.rest.ContactsApi.PROBLEM_JSON;
import static io.rapport.contacts.rest.ContactsApi.as;
import static io.rapport.contacts.rest.ContactsApi.createContact;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OrganisationAndNeedTest {

    private final String alice = "alice-" + UUID.randomUUID();
    private final String bob = "bob-" + UUID.randomUUID();

    @Test
    void organisationLifecycle() {
        String unique = "Zeta" + UUID.randomUUID().toString().substring(0, 8);
        String id = as(alice, "rep").body("{\"name\": \"" + unique + " Labs\", \"domain\": \"Zeta.Example\","
                + " \"industry\": \"Research\"}")
                .when().post("/api/v1/organisations")
                .then().statusCode(201).body("domain", is("zeta.example")).extract().path("id");
        as(alice, "rep").queryParam("q", unique.toLowerCase()).when().get("/api/v1/organisations")
                .then().statusCode(200).body("items.id", contains(id));

        as(alice, "rep").header("If-Match", "\"7\"").body("{\"name\": \"" + unique + " Research\"}")
                .when().put("/api/v1/organisations/" + id).then().statusCode(412).contentType(PROBLEM_JSON);
        as(alice, "rep").header("If-Match", "\"0\"").body("{\"name\": \"" + unique + " Research\"}")
                .when().put("/api/v1/organisations/" + id)
                .then().statusCode(200).body("name", is(unique + " Research")).body("domain", is((Object) null));

        as(alice, "rep").contentType(MERGE_PATCH).header("If-Match", "\"1\"").body("{\"industry\": \"Computing\"}")
                .when().patch("/api/v1/organisations/" + id)
                .then().statusCode(200).body("industry", is("Computing")).body("name", is(unique + " Research"));
        as(alice, "rep").contentType(MERGE_PATCH).header("If-Match", "\"2\"").body("{\"name\": \"\"}")
                .when().patch("/api/v1/organisations/" + id)
                .then().statusCode(400).body("violations.field", contains("name"));

        String contact = createContact(alice, "{\"firstName\": \"Ada\", \"organisationId\": \"" + id + "\"}");
        as(alice, "rep").when().get("/api/v1/contacts/" + contact)
                .then().body("organisation.name", is(unique + " Research"));
        as(alice, "rep").header("If-Match", "\"2\"").when().delete("/api/v1/organisations/" + id)
                .then().statusCode(403);
        as("carol", "manager").header("If-Match", "\"2\"").when().delete("/api/v1/organisations/" + id)
                .then().statusCode(409).contentType(PROBLEM_JSON);

        as(alice, "rep").contentType(MERGE_PATCH).header("If-Match", "\"0\"").body("{\"organisationId\": null}")
                .when().patch("/api/v1/contacts/" + contact).then().statusCode(200);
        as("carol", "manager").header("If-Match", "\"2\"").when().delete("/api/v1/organisations/" + id)
                .then().statusCode(204);
        as(alice, "rep").when().get("/api/v1/organisations/" + id).then().statusCode(404).contentType(PROBLEM_JSON);
    }

    @Test
    void invalidOrganisationsAreRejected() {
        as(alice, "rep").body("{\"name\": \"\", \"domain\": \"not a domain\"}")
                .when().post("/api/v1/organisations")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations.field", hasItem("name"))
                .body("violations.field", hasItem("domain"));
    }

    @Test
    void needsFollowTheirContact() {
        String contact = createContact(alice, "{\"firstName\": \"Ada\"}");
        String need = as(alice, "rep")
                .body("{\"description\": \"Close the books in one day\", \"priority\": \"HIGH\", \"targetDate\": \"2027-03-31\"}")
                .when().post("/api/v1/contacts/" + contact + "/needs")
                .then().statusCode(201).body("status", is("OPEN")).body("priority", is("HIGH"))
                .extract().path("id");

        as(alice, "rep").contentType(MERGE_PATCH).header("If-Match", "\"0\"").body("{\"status\": \"IN_PROGRESS\"}")
                .when().patch("/api/v1/contacts/" + contact + "/needs/" + need)
                .then().statusCode(200).body("status", is("IN_PROGRESS")).body("priority", is("HIGH"))
                .header("ETag", is("\"1\""));
        as(alice, "rep").contentType(MERGE_PATCH).body("{\"status\": \"ADDRESSED\"}")
                .when().patch("/api/v1/contacts/" + contact + "/needs/" + need).then().statusCode(428);
        as(alice, "rep").contentType(MERGE_PATCH).header("If-Match", "\"1\"").body("{\"status\": \"SOLVED\"}")
                .when().patch("/api/v1/contacts/" + contact + "/needs/" + need).then().statusCode(400);

        as(bob, "rep").when().get("/api/v1/contacts/" + contact + "/needs").then().statusCode(404);
        as(alice, "rep").when().get("/api/v1/contacts/" + contact + "/needs")
                .then().statusCode(200).body("items", hasSize(1))
                .body("items[0].description", is("Close the books in one day")).body("nextCursor", nullValue());
        as(alice, "rep").body("{\"description\": \"\"}")
                .when().post("/api/v1/contacts/" + contact + "/needs")
                .then().statusCode(400).body("violations.field", contains("description"));

        as(alice, "rep").header("If-Match", "\"1\"")
                .when().delete("/api/v1/contacts/" + contact + "/needs/" + need).then().statusCode(204);
        as(alice, "rep").when().get("/api/v1/contacts/" + contact + "/needs/" + need).then().statusCode(404);
    }

    @Test
    void aContactsNeedsComePagedOldestFirst() {
        String contact = createContact(alice, "{\"firstName\": \"Ada\"}");
        for (String need : List.of("First", "Second", "Third")) {
            as(alice, "rep").body("{\"description\": \"" + need + "\"}")
                    .when().post("/api/v1/contacts/" + contact + "/needs").then().statusCode(201);
        }
        String cursor = as(alice, "rep").queryParam("limit", 2).when().get("/api/v1/contacts/" + contact + "/needs")
                .then().statusCode(200).body("items.description", contains("First", "Second"))
                .body("nextCursor", notNullValue()).extract().path("nextCursor");
        as(alice, "rep").queryParam("limit", 2).queryParam("cursor", cursor)
                .when().get("/api/v1/contacts/" + contact + "/needs")
                .then().statusCode(200).body("items.description", contains("Third")).body("nextCursor", nullValue());
        as(alice, "rep").queryParam("limit", 201).when().get("/api/v1/contacts/" + contact + "/needs")
                .then().statusCode(400).contentType(PROBLEM_JSON);
        as(alice, "rep").queryParam("cursor", "made-up").when().get("/api/v1/contacts/" + contact + "/needs")
                .then().statusCode(400).contentType(PROBLEM_JSON);
    }
}
