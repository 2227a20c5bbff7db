package io.rapport.feedback;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.events.testing.ContactsServiceStub;
import io.rapport.events.testing.ServiceBaselineTest;
import io.rapport.feedback.testing.InteractionsServiceStub;

/** Registers the stand-ins of contacts- and interactions-service for every test of the module (one start). */
@QuarkusTest
@WithTestResource(value = ContactsServiceStub.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = InteractionsServiceStub.class, scope = TestResourceScope.GLOBAL)
class FeedbackServiceBaselineTest extends ServiceBaselineTest {

    @Override
    protected String protectedPath() {
        return "/api/v1/surveys";
    }

    @Test
    void theOpenApiDocumentDescribesEveryEndpoint() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/surveys'.post", notNullValue())
                .body("paths.'/api/v1/surveys'.get", notNullValue())
                .body("paths.'/api/v1/surveys/{id}'.get", notNullValue())
                .body("paths.'/api/v1/surveys/{id}/cancel'.post", notNullValue())
                .body("paths.'/api/v1/surveys/{id}/response'.post", notNullValue())
                .body("paths.'/api/v1/public/surveys/{token}'.get", notNullValue())
                .body("paths.'/api/v1/public/surveys/{token}/response'.post", notNullValue())
                // the public endpoints are documented as needing no token
                .body("paths.'/api/v1/public/surveys/{token}'.get.security[0]", anEmptyMap())
                .body("paths.'/api/v1/public/surveys/{token}/response'.post.security[0]", anEmptyMap())
                .body("paths.'/api/v1/public/surveys/{token}'.get.responses.'429'", notNullValue())
                .body("paths.'/api/v1/contacts/{contactId}/feedback'.get", notNullValue())
                .body("paths.'/api/v1/nps'.get.responses.'200'", notNullValue())
                .body("paths.'/api/v1/csat'.get.responses.'200'", notNullValue())
                .body("components.schemas.SurveyRequestInput", notNullValue())
                .body("components.schemas.PublicSurvey", notNullValue())
                .body("components.schemas.NpsGroup", notNullValue())
                .body("components.schemas.CsatGroup", notNullValue())
                .body("components.schemas.NpsReport", notNullValue());
    }

    @Test
    void thePublicEndpointsNeedNoToken() {
        given().when().get("/api/v1/public/surveys/unknown").then().statusCode(404)
                .contentType("application/problem+json");
        given().contentType("application/json").body("{\"npsScore\": 5}")
                .when().post("/api/v1/public/surveys/unknown/response").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
