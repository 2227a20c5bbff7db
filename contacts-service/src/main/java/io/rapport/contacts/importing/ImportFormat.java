package io.rapport.contacts.importing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import jakarta.ws.rs.BadRequestException;

/** Reads an import file row by row, never holding more than one row in memory. */
final class ImportFormat {

    static final String CSV = "text/csv";
    static final String NDJSON = "application/x-ndjson";

    private ImportFormat() {
    }

    /** CSV with a header row naming {@link CsvColumns}; a header with an unknown column is a 400. */
    static Iterator<ImportRow> csv(InputStream body, ObjectMapper json) throws IOException {
        CsvMapper csv = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .enable(CsvParser.Feature.TRIM_SPACES).build();
        MappingIterator<List<String>> lines = csv.readerForListOf(String.class)
                .with(CsvSchema.emptySchema())
                .readValues(new InputStreamReader(body, StandardCharsets.UTF_8));
        if (!lines.hasNext()) {
            throw new BadRequestException("The CSV file is empty: it needs a header row");
        }
        CsvColumns columns = CsvColumns.fromHeader(lines.next());
        return new Iterator<>() {
            private long number;

            @Override
            public boolean hasNext() {
                return lines.hasNext();
            }

            @Override
            public ImportRow next() {
                number++;
                try {
                    return columns.toContact(number, lines.next(), json);
                } catch (RuntimeException e) {
                    return ImportRow.unreadable(number, "not a readable CSV row: " + plainReason(e));
                }
            }
        };
    }

    /** The parser's own words for what is wrong, without the Java names its message wraps them in. */
    private static String plainReason(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException parsing) {
                return parsing.getOriginalMessage();
            }
        }
        return "it could not be parsed";
    }

    /** One JSON object per line, in the shape of a POST /contacts body; blank lines are skipped. */
    static Iterator<ImportRow> ndjson(InputStream body, ObjectMapper json) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        return new Iterator<>() {
            private long number;
            private String line = readLine();

            @Override
            public boolean hasNext() {
                return line != null;
            }

            @Override
            public ImportRow next() {
                if (line == null) {
                    throw new NoSuchElementException();
                }
                String current = line;
                line = readLine();
                number++;
                try {
                    JsonNode node = json.readTree(current);
                    return node instanceof ObjectNode object ? ImportRow.of(number, object)
                            : ImportRow.unreadable(number, "not a JSON object");
                } catch (JsonProcessingException e) {
                    return ImportRow.unreadable(number, "not JSON: " + e.getOriginalMessage());
                }
            }

            private String readLine() {
                try {
                    String next;
                    do {
                        next = reader.readLine();
                    } while (next != null && next.isBlank());
                    return next;
                } catch (IOException e) {
                    throw new IllegalStateException("The upload could not be read", e);
                }
            }
        };
    }
}
