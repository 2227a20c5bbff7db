package io.rapport.scheduler.e2e;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.rapport.events.testing.RawHttp;

/**
 * Sends every operation of a running service that takes a body, many at once, bodies at its limit and one byte past
 * it: what a client, or anyone on the internet for the public endpoints, can make a service hold. Each operation's
 * limit is read from its own 413, asked with a body announced and never sent.
 */
final class BodyLimitStorm {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LIMIT = Pattern.compile("this operation reads at most (\\d+)");
    /** Past every operation's own limit, short of what the service reads at all (its max-body-size, 10 MB). */
    private static final long ANNOUNCED = 4L * 1024 * 1024;
    /** Bodies in flight at once against one service. */
    private static final int CONCURRENCY = 8;

    private final RawHttp http;
    private final Map<String, String> headers;

    BodyLimitStorm(String baseUrl, String authorization) {
        URI base = URI.create(baseUrl);
        this.http = new RawHttp(base.getHost(), base.getPort());
        this.headers = Map.of("Authorization", authorization, "Content-Type", "application/json",
                "Accept", "application/json, application/problem+json");
    }

    /** @return what was wrong: an answer that is not problem+json, or a request that got no answer */
    List<String> sendAtAndPastEachLimit() throws IOException, InterruptedException {
        List<String> wrong = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (String[] operation : operationsWithBodies()) {
                String method = operation[0];
                String target = operation[1];
                long limit = limitOf(method, target);
                // a public link that leads nowhere is refused before the body is even measured: send it large ones
                List<Long> sizes = limit < 0 ? List.of(1L << 20, 4L << 20) : List.of(limit, limit + 1);
                for (long size : sizes) {
                    for (int i = 0; i < CONCURRENCY / 2; i++) {
                        sent.add(pool.submit(() -> send(method, target, size, limit, wrong)));
                    }
                }
            }
            for (Future<?> request : sent) {
                try {
                    request.get(120, TimeUnit.SECONDS);
                } catch (Exception e) {
                    wrong.add("no answer: " + e);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return wrong;
    }

    /** Sends the body; past the limit it must be refused unread (413), at the limit read (any other problem). */
    private void send(String method, String target, long size, long limit, List<String> wrong) {
        try {
            RawHttp.Response answer = http.send(method, target, headers, jsonOfSize(size));
            boolean refusedUnread = answer.status() == 413;
            if (answer.status() < 400 || !answer.contentType().startsWith("application/problem+json")
                    || (limit >= 0 && refusedUnread != (size > limit))) {
                wrong.add(method + " " + target + " with " + size + " bytes (limit " + limit + ") -> "
                        + answer.status() + " " + answer.contentType() + " " + answer.body());
            }
        } catch (IOException e) {
            wrong.add(method + " " + target + " with " + size + " bytes: " + e);
        }
    }

    /**
     * The operation's limit, as its 413 to a body announced far larger says it; -1 when it answered 404 or 410
     * without looking at the body (a public survey link to nowhere).
     */
    private long limitOf(String method, String target) throws IOException {
        RawHttp.Response refused = http.announce(method, target, headers, ANNOUNCED);
        Matcher limit = LIMIT.matcher(refused.body());
        if (refused.status() == 413 && limit.find()) {
            return Long.parseLong(limit.group(1));
        }
        if (refused.status() == 404 || refused.status() == 410) {
            return -1;
        }
        throw new IllegalStateException(method + " " + target + " did not say its limit: " + refused.status() + " "
                + refused.body());
    }

    /** A JSON object of exactly {@code size} bytes: one text member filling it. */
    private static byte[] jsonOfSize(long size) {
        String frame = "{\"comment\": \"\"}";
        return (frame.substring(0, frame.length() - 2) + "x".repeat((int) (size - frame.length())) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Method and target of each operation with a JSON body, path parameters filled with ids that name nothing. */
    private List<String[]> operationsWithBodies() throws IOException {
        JsonNode document = JSON.readTree(http.send("GET", "/q/openapi?format=json", Map.of(), null).body());
        List<String[]> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (op.getValue().path("requestBody").path("content").has("application/json")) {
                    operations.add(new String[] { op.getKey().toUpperCase(),
                            path.getKey().replaceAll("\\{[^}]+}", UUID.randomUUID().toString()) });
                }
            }
        }
        return operations;
    }
}
