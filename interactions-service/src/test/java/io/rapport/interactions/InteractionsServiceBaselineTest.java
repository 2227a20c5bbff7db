package io.rapport.interactions;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.events.testing.ServiceBaselineTest;

@QuarkusTest
class InteractionsServiceBaselineTest extends ServiceBaselineTest {

    @Override
    protected String protectedPath() {
        return "/api/v1/interactions";
    }
}
