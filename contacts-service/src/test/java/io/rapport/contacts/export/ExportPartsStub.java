package io.rapport.contacts.export;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Stands in for interactions-, feedback- and scheduler-service where contacts-service's tests gather a contact's
 * export: each answers {@code GET /api/v1/contacts/{id}/export} with a part naming the service and the contact, or
 * fails when told to. The real services give their real parts in the suite's end-to-end test.
 */
public class ExportPartsStub implements QuarkusTestResourceLifecycleManager {

    private static final List<String> REQUESTS = new CopyOnWriteArrayList<>();
    private static final Set<String> FAILING = ConcurrentHashMap.newKeySet();
    private static HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the export parts stub", e);
        }
        for (String part : List.of("interactions", "feedback", "scheduler")) {
            server.createContext("/" + part + "/api/v1/contacts/", exchange -> answer(part, exchange));
        }
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
        return Map.of("rapport.export.interactions-url", base + "interactions",
                "rapport.export.feedback-url", base + "feedback",
                "rapport.export.scheduler-url", base + "scheduler");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
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

    private static String subject(String authorization) {
        if (authorization == null) {
            return "nobody";
        }
        String[] parts = authorization.replaceFirst("^Bearer ", "").split("\\.");
        try {
            return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(parts[1])).path("sub").asText();
        } catch (IOException | RuntimeException e) {
            return "unreadable";
        }
    }

    private static void answer(String part, HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().substring(part.length() + 1);
        REQUESTS.add(part + " " + path + " " + subject(exchange.getRequestHeaders().getFirst("Authorization")));
        String contactId = path.replaceFirst("^/api/v1/contacts/", "").replaceFirst("/export$", "");
        boolean fails = FAILING.contains(part);
        byte[] body = (fails ? "{\"status\": 500, \"title\": \"Internal Server Error\"}"
                : "{\"contactId\": \"%s\", \"from\": \"%s\"}".formatted(contactId, part))
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", fails ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(fails ? 500 : 200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
