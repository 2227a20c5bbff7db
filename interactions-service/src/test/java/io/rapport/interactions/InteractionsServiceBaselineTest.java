package io.rapport.interactions;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.events.testing.ContactsServiceStub;
import io.rapport.events.testing.ServiceBaselineTest;

/** Registers the contacts-service stand-in for every test of the module (one application, one start). */
@QuarkusTest
@WithTestResource(value = ContactsServiceStub.class, scope = TestResourceScope.GLOBAL)
class InteractionsServiceBaselineTest extends ServiceBaselineTest {

    @Override
    protected String protectedPath() {
        return "/api/v1/interactions";
    }

    @Test
    void theOpenApiDocumentDescribesEveryEndpoint() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/interactions'.post", notNullValue())
                .body("paths.'/api/v1/interactions'.get", notNullValue())
                .body("paths.'/api/v1/interactions/{id}'.patch", notNullValue())
                .body("paths.'/api/v1/commitments'.post", notNullValue())
                .body("paths.'/api/v1/commitments/{id}/fulfil'.post", notNullValue())
                .body("paths.'/api/v1/commitments/{id}/cancel'.post", notNullValue())
                .body("paths.'/api/v1/contacts/{contactId}/timeline'.get", notNullValue())
                .body("paths.'/api/v1/owners/{ownerId}/follow-through'.get", notNullValue())
                .body("components.schemas.InteractionInput", notNullValue())
                .body("components.schemas.FollowThroughReport", notNullValue());
    }
}
