package io.rapport.contacts.importing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.BiFunction;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import jakarta.ws.rs.BadRequestException;

/**
 * Reads an import file row by row, never holding more than one row in memory, nor a row longer than a POST /contacts
 * body may be ({@link BoundedRows}): a longer one is reported and skipped.
 */
final class ImportFormat {

    static final String CSV = "text/csv";
    static final String NDJSON = "application/x-ndjson";

    /** Reads CSV records as their cells (each record an array of them). */
    private static final ObjectReader CSV_ROW = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.TRIM_SPACES).build().readerForListOf(String.class).with(CsvSchema.emptySchema());

    private ImportFormat() {
    }

    /** CSV with a header row naming {@link CsvColumns}; a header with an unknown column is a 400. */
    static Iterator<ImportRow> csv(InputStream body, ObjectMapper json, int maxRowChars) throws IOException {
        BoundedRows rows = new BoundedRows(reader(body), maxRowChars, true);
        BoundedRows.Row header = rows.next();
        if (header == null) {
            throw new BadRequestException("The CSV file is empty: it needs a header row");
        }
        if (header.tooLong()) {
            throw new BadRequestException("The CSV header row is longer than " + maxRowChars + " characters");
        }
        List<String> names;
        try {
            names = cells(header.text());
        } catch (IOException | RuntimeException e) {
            throw new BadRequestException("The CSV header row is not readable: " + plainReason(e));
        }
        CsvColumns columns = CsvColumns.fromHeader(names);
        return iterate(rows, maxRowChars, (number, text) -> {
            try {
                return columns.toContact(number, cells(text), json);
            } catch (IOException | RuntimeException e) {
                return ImportRow.unreadable(number, "not a readable CSV row: " + plainReason(e));
            }
        });
    }

    /** One JSON object per line, in the shape of a POST /contacts body; blank lines are skipped. */
    static Iterator<ImportRow> ndjson(InputStream body, ObjectMapper json, int maxRowChars) {
        return iterate(new BoundedRows(reader(body), maxRowChars, false), maxRowChars, (number, text) -> {
            try {
                JsonNode node = json.readTree(text);
                return node instanceof ObjectNode object ? ImportRow.of(number, object)
                        : ImportRow.unreadable(number, "not a JSON object");
            } catch (JsonProcessingException e) {
                return ImportRow.unreadable(number, "not JSON: " + e.getOriginalMessage());
            }
        });
    }

    private static Iterator<ImportRow> iterate(BoundedRows rows, int maxRowChars,
            BiFunction<Long, String, ImportRow> parser) {
        return new Iterator<>() {
            private long number;
            private BoundedRows.Row next = rows.next();

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public ImportRow next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                BoundedRows.Row current = next;
                next = rows.next();
                number++;
                return current.tooLong()
                        ? ImportRow.unreadable(number, "longer than " + maxRowChars + " characters, as no contact is")
                        : parser.apply(number, current.text());
            }
        };
    }

    /** The row's cells: one CSV record, as BoundedRows cut it (two would be a defect of the cut, not a row). */
    private static List<String> cells(String row) throws IOException {
        try (MappingIterator<List<String>> records = CSV_ROW.readValues(row)) {
            List<String> cells = records.next();
            if (records.hasNext()) {
                throw new IllegalStateException("a row read as more than one CSV record");
            }
            return cells;
        }
    }

    private static BufferedReader reader(InputStream body) {
        return new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
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
}
