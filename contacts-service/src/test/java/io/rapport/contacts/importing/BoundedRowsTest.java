package io.rapport.contacts.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class BoundedRowsTest {

    @Test
    void csvRowsEndAtLineBreaksOutsideQuotedCellsOnly() {
        String csv = "a,\"b\nc\",d\r\"e\"\"f\",O\"Neil\r\n,\"\"\n\ng";
        assertThat(rows(csv, 100, true)).containsExactly("a,\"b\nc\",d", "\"e\"\"f\",O\"Neil", ",\"\"", "g");
    }

    @Test
    void ndjsonRowsEndAtEveryLineBreakWhateverTheQuotes() {
        assertThat(rows("{\"a\": \"\\\"\"}\n{\"b\": 1}\r\n\n", 100, false))
                .containsExactly("{\"a\": \"\\\"\"}", "{\"b\": 1}");
    }

    @Test
    void aRowPastTheLimitIsReportedAndTheNextOneRead() {
        List<String> rows = rows("short\n" + "x".repeat(50) + "\"\nnext\n" + "y".repeat(11), 10, true);
        assertThat(rows).containsExactly("short", "TOO LONG", "next", "TOO LONG");
    }

    private static List<String> rows(String text, int maxChars, boolean csv) {
        BoundedRows rows = new BoundedRows(new StringReader(text), maxChars, csv);
        List<String> read = new ArrayList<>();
        for (BoundedRows.Row row = rows.next(); row != null; row = rows.next()) {
            read.add(row.tooLong() ? "TOO LONG" : row.text());
        }
        return read;
    }
}
