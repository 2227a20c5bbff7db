package io.rapport.contacts;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.events.testing.ServiceBaselineTest;

@QuarkusTest
class ContactsServiceBaselineTest extends ServiceBaselineTest {

    @Override
    protected String protectedPath() {
        return "/api/v1/contacts/" + java.util.UUID.randomUUID();
    }
}
