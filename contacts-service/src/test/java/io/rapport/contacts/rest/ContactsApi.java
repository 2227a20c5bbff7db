package io.rapport.contacts.rest;

import static io.rapport.events.testing.TestTokens.bearer;
import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Shorthands for the contacts API as a given user calls it. */
final class ContactsApi {

    static final String PROBLEM_JSON = "application/problem+json";
    static final String MERGE_PATCH = "application/merge-patch+json";

    private ContactsApi() {
    }

    static RequestSpecification as(String user, String role) {
        return given().header("Authorization", bearer(user, role)).contentType(ContentType.JSON);
    }

    static String createContact(String rep, String json) {
        return as(rep, "rep").body(json).when().post("/api/v1/contacts")
                .then().statusCode(201).extract().path("id");
    }

    static Response getContact(String user, String role, String id) {
        return as(user, role).when().get("/api/v1/contacts/" + id);
    }
}
