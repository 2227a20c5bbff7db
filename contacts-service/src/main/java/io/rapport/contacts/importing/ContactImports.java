package io.rapport.contacts.importing;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotSupportedException;

/** Turns an upload into rows by its content type. */
@ApplicationScoped
public class ContactImports {

    private final ObjectMapper objectMapper;

    public ContactImports(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    public Iterator<ImportRow> rows(InputStream body, String contentType) throws IOException {
        String type = contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase();
        return switch (type) {
            case ImportFormat.CSV -> ImportFormat.csv(body, objectMapper);
            case ImportFormat.NDJSON -> ImportFormat.ndjson(body, objectMapper);
            default -> throw new NotSupportedException("Upload text/csv or application/x-ndjson");
        };
    }
}
