package io.rapport.rest.testing;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

/** Puts {@link ServedContractFilter} on every REST Assured request of every {@code @QuarkusTest} of every service. */
public class ServedContractCallback implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        ServedContractFilter.register();
    }
}
