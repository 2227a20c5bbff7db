package io.rapport.events.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Sends one HTTP/1.1 request exactly as given, byte for byte: a target that no URL class would build ({@code %%%}, a
 * NUL, bytes that are not UTF-8) and a body of any bytes, or only announced. Each request has its own connection,
 * closed after it.
 */
public final class RawHttp {

    public record Response(int status, Map<String, String> headers, String body) {

        public String contentType() {
            return headers.getOrDefault("content-type", "");
        }
    }

    private final String host;
    private final int port;

    public RawHttp(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /**
     * Sends the request's head announcing a body of {@code announced} bytes, and none of it: the answer that comes
     * back was given without reading the body (a server that waited for it would time out instead).
     */
    public Response announce(String method, String target, Map<String, String> headers, long announced)
            throws IOException {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(10_000);
            StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(host).append(':').append(port).append("\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            head.append("Content-Length: ").append(announced).append("\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return read(socket.getInputStream());
        }
    }

    /** Sends the body as one chunk of a chunked body: with no Content-Length. */
    public Response sendChunked(String method, String target, Map<String, String> headers, byte[] body)
            throws IOException {
        Map<String, String> chunked = new LinkedHashMap<>(headers);
        chunked.put("Transfer-Encoding", "chunked");
        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        chunks.write((Integer.toHexString(body.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        chunks.write(body);
        chunks.write("\r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return sendAsIs(method, target, chunked, chunks.toByteArray());
    }

    public Response send(String method, String target, Map<String, String> headers, byte[] body) throws IOException {
        Map<String, String> withLength = headers;
        if (body != null) {
            withLength = new LinkedHashMap<>(headers);
            withLength.put("Content-Length", Integer.toString(body.length));
        }
        return sendAsIs(method, target, withLength, body);
    }

    private Response sendAsIs(String method, String target, Map<String, String> headers, byte[] body)
            throws IOException {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(30_000);
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(host).append(':').append(port).append("\r\n")
                    .append("Connection: close\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            head.append("\r\n");
            request.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                request.write(body);
            }
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request.toByteArray());
                out.flush();
            } catch (IOException refusedMidway) {
                // a server may answer (413) and close before a large body is sent: read what it said
            }
            return read(socket.getInputStream());
        }
    }

    private static Response read(InputStream in) throws IOException {
        byte[] all = in.readAllBytes();
        String latin = new String(all, StandardCharsets.ISO_8859_1); // one char per byte: indexes are byte offsets
        int endOfHead = latin.indexOf("\r\n\r\n");
        if (endOfHead < 0) {
            throw new IOException("no HTTP response, got: " + latin);
        }
        String[] lines = latin.substring(0, endOfHead).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = endOfHead + 4;
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            while (at < all.length) {
                int lineEnd = latin.indexOf("\r\n", at);
                int size = lineEnd < 0 ? 0 : Integer.parseInt(latin.substring(at, lineEnd).split(";")[0].trim(), 16);
                if (size == 0) {
                    break;
                }
                body.write(all, lineEnd + 2, Math.min(size, all.length - lineEnd - 2));
                at = lineEnd + 2 + size + 2;
            }
        } else {
            body.write(all, at, all.length - at);
        }
        return new Response(status, headers, body.toString(StandardCharsets.UTF_8));
    }
}
