package io.rapport.rest.input;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;

/**
 * An answer given before the request's body is read closes the connection after it: the server would otherwise read
 * and drop the whole body to get to the next request on the connection, however large it is.
 */
public final class UnreadBody {

    private UnreadBody() {
    }

    public static void closeAfterAnswer(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.version() == HttpVersion.HTTP_2 || !hasBody(request)) {
            return; // an HTTP/2 stream is reset on its own; the connection carries others
        }
        context.response().putHeader("Connection", "close");
        context.addEndHandler(ended -> request.connection().close());
    }

    private static boolean hasBody(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        return request.headers().contains("Transfer-Encoding")
                || (length != null && BodyLimits.announcedLength(length) != 0);
    }
}
