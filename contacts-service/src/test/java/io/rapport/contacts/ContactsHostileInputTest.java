package io.rapport.contacts;

import static io.restassured.RestAssured.given;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.events.testing.HostileInputTest;
import io.rapport.events.testing.TestTokens;
import io.restassured.http.ContentType;

@QuarkusTest
class ContactsHostileInputTest extends HostileInputTest {

    private static final String CONTACT = """
            {"firstName": "Ada", "lastName": "Lovelace", "title": "Analyst", "tags": ["vip"],
             "emails": [{"address": "ada.hostile@example.com"}], "phones": [{"number": "+44 20 7946 0000"}],
             "personalNotes": "chess", "lifecycleStage": "ACTIVE_CUSTOMER", "checkInCadenceDays": 14,
             "checkInMaxIntervalDays": 21, "preferredChannel": "EMAIL", "interests": ["chess"],
             "timezone": "Europe/London", "language": "en-GB", "marketingOptIn": false,
             "importantDates": [{"kind": "BIRTHDAY", "year": 1915, "month": 12, "day": 10}]}""";
    private static final String ORGANISATION = """
            {"name": "Analytical Engines", "domain": "engines.example", "industry": "Computing"}""";
    private static final String NEED = """
            {"description": "Close the books in one day", "priority": "HIGH", "targetDate": "2027-03-31"}""";

    private Map<String, String> existing;

    @BeforeEach
    void existingResources() {
        if (existing != null) {
            return;
        }
        String contact = create("/api/v1/contacts", "{\"firstName\": \"Hostile\"}");
        String duplicate = create("/api/v1/contacts", "{\"firstName\": \"Hostile\", \"lastName\": \"Twin\"}");
        String organisation = create("/api/v1/organisations", "{\"name\": \"Hostile Ltd\"}");
        String need = create("/api/v1/contacts/" + contact + "/needs", "{\"description\": \"Faster close\"}");
        existing = Map.of("id", contact, "contactId", contact, "needId", need,
                "/api/v1/organisations/{id}#id", organisation, "duplicate", duplicate);
    }

    private static String create(String path, String json) {
        return given().header("Authorization", TestTokens.bearer(OWNER, "rep")).contentType(ContentType.JSON)
                .body(json).when().post(path).then().statusCode(201).extract().path("id");
    }

    @Override
    protected Map<String, String> existingPathValues() {
        return existing;
    }

    @Override
    protected Map<String, String> validBodies() {
        return Map.of(
                "POST /api/v1/contacts", CONTACT,
                "PUT /api/v1/contacts/{id}", CONTACT,
                "PATCH /api/v1/contacts/{id}", "{\"title\": \"CTO\", \"tags\": [\"board\"], \"personalNotes\": \"go\"}",
                "POST /api/v1/organisations", ORGANISATION,
                "PUT /api/v1/organisations/{id}", ORGANISATION,
                "PATCH /api/v1/organisations/{id}", "{\"industry\": \"Finance\"}",
                "POST /api/v1/contacts/{contactId}/needs", NEED,
                "PATCH /api/v1/contacts/{contactId}/needs/{needId}", "{\"description\": \"Faster\", \"status\": \"MET\"}",
                "POST /api/v1/contacts/{id}/merge", "{\"duplicateId\": \"" + existing.get("duplicate") + "\"}");
    }
}
