package io.rapport.contacts.importing;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.ws.rs.core.StreamingOutput;

/**
 * NDJSON result lines spooled to a temporary file as they are produced, so a 100,000-row answer never sits in
 * memory; {@link #drain()} hands them to the response and deletes the file once sent.
 */
public final class ResultSpool implements AutoCloseable {

    private final ObjectMapper objectMapper;
    private final Path file;
    private final BufferedWriter out;
    private boolean drained;

    public ResultSpool(ObjectMapper objectMapper) throws IOException {
        this.objectMapper = objectMapper;
        this.file = Files.createTempFile("rapport-import-", ".ndjson");
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    public void write(Object line) {
        try {
            out.write(objectMapper.writeValueAsString(line));
            out.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public StreamingOutput drain() throws IOException {
        out.close();
        drained = true;
        return output -> {
            try {
                Files.copy(file, output);
            } finally {
                Files.deleteIfExists(file);
            }
        };
    }

    @Override
    public void close() throws IOException {
        if (!drained) {
            out.close();
            Files.deleteIfExists(file);
        }
    }
}
