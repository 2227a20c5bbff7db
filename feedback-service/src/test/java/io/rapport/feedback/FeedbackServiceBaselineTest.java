package io.rapport.feedback;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.events.testing.ServiceBaselineTest;

@QuarkusTest
class FeedbackServiceBaselineTest extends ServiceBaselineTest {

    @Override
    protected String protectedPath() {
        return "/api/v1/surveys";
    }
}
