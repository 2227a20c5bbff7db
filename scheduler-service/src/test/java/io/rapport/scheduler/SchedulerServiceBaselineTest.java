package io.rapport.scheduler;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.events.testing.ServiceBaselineTest;

@QuarkusTest
class SchedulerServiceBaselineTest extends ServiceBaselineTest {

    @Override
    protected String protectedPath() {
        return "/api/v1/tasks";
    }
}
