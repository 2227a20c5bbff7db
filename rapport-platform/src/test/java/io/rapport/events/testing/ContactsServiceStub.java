package io.rapport.events.testing;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Stands in for contacts-service where a service's tests need its answer about a contact the projection does not
 * know yet ({@code GET /api/v1/contacts/{id}}): by default "no such contact" (404 problem+json), like contacts-service
 * for an id it does not hold or a contact of another rep. A test registers what it should answer instead. Started
 * once for the module's Quarkus application ({@code @QuarkusTestResource(ContactsServiceStub.class)}), which reads
 * {@code quarkus.rest-client.contacts-api.url} from it.
 */
public class ContactsServiceStub implements QuarkusTestResourceLifecycleManager {

    private static final Map<UUID, Answer> ANSWERS = new ConcurrentHashMap<>();
    private static final List<String> AUTHORIZATIONS = new CopyOnWriteArrayList<>();
    private static StubServer server;

    private record Answer(int status, String body) {
    }

    @Override
    public Map<String, String> start() {
        server = StubServer.start("contacts-service", "/api/v1/contacts/", ContactsServiceStub::answer);
        return Map.of("quarkus.rest-client.contacts-api.url", server.url());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** contacts-service holds this contact, owned by {@code owner}, at this version. */
    public static void holds(UUID id, long version, String owner, String firstName) {
        ANSWERS.put(id, new Answer(200, """
                {"id": "%s", "version": %d, "owner": "%s", "firstName": "%s", "lastName": "Lovelace",
                 "displayName": "%s Lovelace", "title": null, "organisation": null,
                 "emails": [{"address": "ada@example.com", "type": "WORK", "primary": true}], "phones": [],
                 "timezone": null, "preferredChannel": null, "lifecycleStage": "ACTIVE_CUSTOMER",
                 "checkInCadenceDays": null, "effectiveCheckInCadenceDays": 30, "checkInMaxIntervalDays": null,
                 "tags": [], "interests": [], "personalNotes": null, "importantDates": [], "doNotContact": false,
                 "marketingOptIn": false, "createdAt": "2026-01-10T09:00:00Z", "updatedAt": "2026-01-10T09:00:00Z"}"""
                .formatted(id, version, owner, firstName, firstName)));
    }

    /** contacts-service answers 410: the contact was erased. */
    public static void erased(UUID id) {
        ANSWERS.put(id, new Answer(410, problem(410, "Gone", "Contact " + id + " was erased", null)));
    }

    /** contacts-service answers 404 naming the survivor: the contact was merged. */
    public static void merged(UUID id, UUID survivor) {
        ANSWERS.put(id, new Answer(404, problem(404, "Not Found", "Contact " + id + " was merged", survivor)));
    }

    /** contacts-service fails on this contact (a 500), as when its database is away. */
    public static void failing(UUID id) {
        ANSWERS.put(id, new Answer(500, problem(500, "Internal Server Error", "database unreachable", null)));
    }

    /** The Authorization headers of the requests the stub received, oldest first. */
    public static List<String> authorizations() {
        return List.copyOf(AUTHORIZATIONS);
    }

    /** Whose bearer tokens the requests carried ({@code sub}), oldest first: the callers' own, propagated. */
    public static List<String> callers() {
        return AUTHORIZATIONS.stream().map(TestTokens::subject).toList();
    }

    private static void answer(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        AUTHORIZATIONS.add(authorization == null ? "" : authorization);
        String path = exchange.getRequestURI().getPath();
        Answer answer;
        try {
            UUID id = UUID.fromString(path.substring(path.lastIndexOf('/') + 1));
            answer = ANSWERS.getOrDefault(id, new Answer(404, problem(404, "Not Found", "No contact " + id, null)));
        } catch (IllegalArgumentException e) {
            answer = new Answer(404, problem(404, "Not Found", "No such resource", null));
        }
        StubServer.reply(exchange, answer.status(), answer.body());
    }

    private static String problem(int status, String title, String detail, UUID mergedInto) {
        return """
                {"status": %d, "title": "%s", "detail": "%s"%s}""".formatted(status, title, detail,
                mergedInto == null ? "" : ", \"mergedInto\": \"" + mergedInto + "\"");
    }
}
