package io.rapport.rest.input;

import java.io.IOException;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

/**
 * JSON bodies are UTF-8 (RFC 8259): one that is not is refused as malformed JSON ({@link Utf8Check}), instead of being
 * read as whatever Jackson makes of its bytes.
 */
@Provider
public class Utf8BodyInterceptor implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type != null && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"))) {
            context.setInputStream(new Utf8Check(context.getInputStream()));
        }
        return context.proceed();
    }
}
