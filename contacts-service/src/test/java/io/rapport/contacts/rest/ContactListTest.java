package io.rapport.contacts.rest;

import static io.rapport.contacts.rest.ContactsApi.PROBLEM_JSON;
import static io.rapport.contacts.rest.ContactsApi.as;
import static io.rapport.contacts.rest.ContactsApi.createContact;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class ContactListTest {

    private final String alice = "alice-" + UUID.randomUUID();
    private final String bob = "bob-" + UUID.randomUUID();

    @Test
    void searchMatchesNamesEmailsNotesAndOrganisationByPrefix() {
        String org = as(alice, "rep").body("{\"name\": \"Analytical Engines\"}").when().post("/api/v1/organisations")
                .then().statusCode(201).extract().path("id");
        createContact(alice, "{\"firstName\": \"Ada\", \"lastName\": \"Lovelace\", \"organisationId\": \"" + org + "\"}");
        createContact(alice, "{\"firstName\": \"Grace\", \"lastName\": \"Hopper\","
                + " \"emails\": [{\"address\": \"grace@navy.example\"}], \"personalNotes\": \"loves nanoseconds\"}");
        createContact(bob, "{\"firstName\": \"Ada\", \"lastName\": \"Byron\"}");

        names(alice, "q", "ada lov").then().body("items.displayName", contains("Ada Lovelace"));
        names(alice, "q", "grace@navy").then().body("items.displayName", contains("Grace Hopper"));
        names(alice, "q", "nanosec").then().body("items.displayName", contains("Grace Hopper"));
        names(alice, "q", "analytical").then().body("items.displayName", contains("Ada Lovelace"));
        names(alice, "q", "ada").then().body("items.displayName", contains("Ada Lovelace"));
        names(alice, "q", "& | ! ( ) :*").then().statusCode(200);
    }

    @Test
    void filtersByTagStageOrganisationAndOwner() {
        createContact(alice, "{\"firstName\": \"Ada\", \"tags\": [\"vip\"], \"lifecycleStage\": \"AT_RISK\"}");
        createContact(alice, "{\"firstName\": \"Grace\", \"tags\": [\"board\"]}");
        names(alice, "tag", "vip").then().body("items.displayName", contains("Ada"));
        names(alice, "stage", "AT_RISK").then().body("items.displayName", contains("Ada"));
        as(alice, "rep").queryParam("stage", "LOST").when().get("/api/v1/contacts")
                .then().statusCode(400).contentType(PROBLEM_JSON);
        as(alice, "rep").queryParam("organisationId", "x").when().get("/api/v1/contacts")
                .then().statusCode(400).contentType(PROBLEM_JSON);
    }

    @Test
    void aRepListsOnlyTheirOwnContactsAndAManagerFiltersByOwner() {
        createContact(alice, "{\"firstName\": \"Ada\"}");
        createContact(bob, "{\"firstName\": \"Grace\"}");
        as(alice, "rep").queryParam("owner", bob).when().get("/api/v1/contacts")
                .then().statusCode(200).body("items.owner.unique()", contains(alice));
        as("carol", "manager").queryParam("owner", bob).when().get("/api/v1/contacts")
                .then().statusCode(200).body("items.displayName", contains("Grace"));
    }

    @Test
    void cursorPagesWalkTheWholeListInOrderWithoutRepeats() {
        for (String name : List.of("Eve", "Bea", "Dan", "Ann", "Cid")) {
            createContact(alice, "{\"firstName\": \"" + name + "\"}");
        }
        for (String sort : List.of("name", "-name", "createdAt", "-createdAt", "-updatedAt")) {
            List<String> seen = new ArrayList<>();
            String cursor = null;
            do {
                var request = as(alice, "rep").queryParam("limit", 2).queryParam("sort", sort);
                if (cursor != null) {
                    request.queryParam("cursor", cursor);
                }
                JsonPath page = request.when().get("/api/v1/contacts").then().statusCode(200).extract().jsonPath();
                seen.addAll(page.getList("items.firstName"));
                cursor = page.getString("nextCursor");
            } while (cursor != null);
            assertThat(seen).as(sort).hasSize(5).doesNotHaveDuplicates();
            if (sort.equals("name")) {
                assertThat(seen).containsExactly("Ann", "Bea", "Cid", "Dan", "Eve");
            } else if (sort.equals("-name")) {
                assertThat(seen).containsExactly("Eve", "Dan", "Cid", "Bea", "Ann");
            } else if (sort.equals("createdAt")) {
                assertThat(seen).containsExactly("Eve", "Bea", "Dan", "Ann", "Cid");
            }
        }
    }

    @Test
    void badPagingParametersAreRejected() {
        as(alice, "rep").queryParam("limit", 201).when().get("/api/v1/contacts")
                .then().statusCode(400).contentType(PROBLEM_JSON);
        as(alice, "rep").queryParam("limit", 0).when().get("/api/v1/contacts")
                .then().statusCode(400).contentType(PROBLEM_JSON);
        as(alice, "rep").queryParam("sort", "email").when().get("/api/v1/contacts")
                .then().statusCode(400).contentType(PROBLEM_JSON);
        as(alice, "rep").queryParam("cursor", "not-a-cursor").when().get("/api/v1/contacts")
                .then().statusCode(400).contentType(PROBLEM_JSON);
    }

    @Test
    void theLastPageHasNoCursor() {
        createContact(alice, "{\"firstName\": \"Solo\"}");
        as(alice, "rep").when().get("/api/v1/contacts")
                .then().statusCode(200).body("items", hasSize(1)).body("nextCursor", nullValue());
    }

    private io.restassured.response.Response names(String user, String param, String value) {
        return as(user, "rep").queryParam(param, value).when().get("/api/v1/contacts");
    }
}
