package io.rapport.rest.input;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;

/**
 * An answer given before the request's body is read ends the connection after it: the server would otherwise read
 * and drop the whole body, however large, to get to the next request. It does not close at once, though: a client
 * still sending would then meet a reset before reading the answer. For a moment after the answer what the client
 * sends is read and dropped, as web servers' "lingering close" does, then the connection closes whatever is left.
 */
public final class UnreadBody {

    /** How long what the client still sends is read and dropped after the answer. */
    private static final long LINGER_MS = 2_000;

    private UnreadBody() {
    }

    public static void closeAfterAnswer(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.version() == HttpVersion.HTTP_2 || !hasBody(request)) {
            return; // an HTTP/2 stream is reset on its own; the connection carries others
        }
        context.response().putHeader("Connection", "close");
        context.addEndHandler(answered -> {
            request.handler(dropped -> {
            });
            request.endHandler(sent -> request.connection().close());
            request.resume();
            context.vertx().setTimer(LINGER_MS, lingered -> request.connection().close());
        });
    }

    private static boolean hasBody(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        return request.headers().contains("Transfer-Encoding")
                || (length != null && BodyLimits.announcedLength(length) != 0);
    }
}
