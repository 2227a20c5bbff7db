package io.rapport.feedback.testing;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.rapport.events.testing.StubServer;

/**
 * Stands in for interactions-service where feedback-service's tests need its answer about the interaction or
 * commitment a survey follows up on ({@code GET /api/v1/interactions/{id}}, {@code /commitments/{id}}): "none the
 * caller may see" (404) unless a test registers one, with the contact and owner it belongs to. The cross-service call
 * itself, with the real interactions-service, is in the scheduler module's SuiteEndToEndIT.
 */
public class InteractionsServiceStub implements QuarkusTestResourceLifecycleManager {

    private static final Map<UUID, String> HELD = new ConcurrentHashMap<>();
    private static StubServer server;

    @Override
    public Map<String, String> start() {
        server = StubServer.start("interactions-service", "/api/v1/", InteractionsServiceStub::answer);
        return Map.of("quarkus.rest-client.interactions-api.url", server.url());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** interactions-service holds this interaction or commitment, of this contact and owner, for whoever asks. */
    public static void holds(UUID id, UUID contactId, String owner) {
        HELD.put(id, """
                {"id": "%s", "contactId": "%s", "owner": "%s"}""".formatted(id, contactId, owner));
    }

    private static void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String held = null;
        try {
            held = HELD.get(UUID.fromString(path.substring(path.lastIndexOf('/') + 1)));
        } catch (IllegalArgumentException e) {
            // not an id: nothing held
        }
        StubServer.reply(exchange, held != null ? 200 : 404,
                held != null ? held : "{\"status\": 404, \"title\": \"Not Found\"}");
    }
}
