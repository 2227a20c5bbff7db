package io.rapport.contacts.export;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.rapport.events.testing.StubServer;
import io.rapport.events.testing.TestTokens;

/**
 * Stands in for interactions-, feedback- and scheduler-service where contacts-service's tests gather a contact's
 * export: each answers {@code GET /api/v1/contacts/{id}/export} with a part naming the service and the contact, or
 * fails when told to. The real services give their real parts in the suite's end-to-end test.
 */
public class ExportPartsStub implements QuarkusTestResourceLifecycleManager {

    private static final List<String> REQUESTS = new CopyOnWriteArrayList<>();
    private static final Set<String> FAILING = ConcurrentHashMap.newKeySet();
    private static StubServer server;

    @Override
    public Map<String, String> start() {
        server = StubServer.start("the export parts", "/interactions/api/v1/contacts/",
                exchange -> answer("interactions", exchange));
        for (String part : List.of("feedback", "scheduler")) {
            server.also("/" + part + "/api/v1/contacts/", exchange -> answer(part, exchange));
        }
        String base = server.url() + "/";
        return Map.of("rapport.export.interactions-url", base + "interactions",
                "rapport.export.feedback-url", base + "feedback",
                "rapport.export.scheduler-url", base + "scheduler");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** The requests received, each as "part path caller" (the subject of the bearer token), oldest first. */
    public static List<String> requests() {
        return List.copyOf(REQUESTS);
    }

    /** The part answers 500 from now on, or again 200. */
    public static void failing(String part, boolean failing) {
        if (failing) {
            FAILING.add(part);
        } else {
            FAILING.remove(part);
        }
    }

    private static void answer(String part, HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().substring(part.length() + 1);
        String caller = TestTokens.subject(exchange.getRequestHeaders().getFirst("Authorization"));
        REQUESTS.add(part + " " + path + " " + caller);
        String contactId = path.replaceFirst("^/api/v1/contacts/", "").replaceFirst("/export$", "");
        boolean fails = FAILING.contains(part);
        StubServer.reply(exchange, fails ? 500 : 200, fails
                ? "{\"status\": 500, \"title\": \"Internal Server Error\"}"
                : "{\"contactId\": \"%s\", \"from\": \"%s\"}".formatted(contactId, part));
    }
}
