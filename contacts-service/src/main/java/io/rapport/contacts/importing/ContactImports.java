package io.rapport.contacts.importing;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.rapport.rest.input.BodyLimitsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotSupportedException;

/** Turns an upload into rows by its content type. */
@ApplicationScoped
public class ContactImports {

    private final ObjectMapper objectMapper;
    private final int maxRowChars;

    /** A row may be as long as a POST /contacts body may be (rapport.http.limits.body). */
    public ContactImports(ObjectMapper objectMapper, BodyLimitsConfig limits) {
        this.objectMapper = objectMapper;
        this.maxRowChars = (int) Math.min(Integer.MAX_VALUE, limits.body().asLongValue());
    }

    public Iterator<ImportRow> rows(InputStream body, String contentType) throws IOException {
        String type = contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase();
        return switch (type) {
            case ImportFormat.CSV -> ImportFormat.csv(body, objectMapper, maxRowChars);
            case ImportFormat.NDJSON -> ImportFormat.ndjson(body, objectMapper, maxRowChars);
            default -> throw new NotSupportedException("Upload text/csv or application/x-ndjson");
        };
    }
}
