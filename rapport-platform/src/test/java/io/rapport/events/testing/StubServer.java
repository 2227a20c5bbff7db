package io.rapport.events.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * An HTTP server on the loopback, on a free port, standing in for another Rapport service in a module's tests (the
 * real services answer each other in the suite's end-to-end test).
 */
public final class StubServer {

    private final HttpServer server;

    private StubServer(HttpServer server) {
        this.server = server;
    }

    /** Starts a server answering each path prefix with its handler. */
    public static StubServer start(String standsInFor, String path, HttpHandler handler) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext(path, handler);
            server.start();
            return new StubServer(server);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the stand-in for " + standsInFor, e);
        }
    }

    /** Answers a further path prefix; the server is already running. */
    public StubServer also(String path, HttpHandler handler) {
        server.createContext(path, handler);
        return this;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void stop() {
        server.stop(0);
    }

    /** Answers with the body: JSON on a 2xx, problem+json otherwise. */
    public static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", status < 300 ? "application/json"
                : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
