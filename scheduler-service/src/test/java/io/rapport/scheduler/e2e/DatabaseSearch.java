package io.rapport.scheduler.e2e;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Searches whole databases of the local stack for words: every row of every table, read as text, so that a column
 * added tomorrow is searched too.
 */
final class DatabaseSearch {

    private DatabaseSearch() {
    }

    /** @return "database.table: n rows" for each table with rows holding one of the words, ignoring case */
    static List<String> rowsMentioning(List<String> databases, List<String> words) throws SQLException {
        List<String> found = new ArrayList<>();
        for (String database : databases) {
            try (Connection connection = DriverManager.getConnection("jdbc:postgresql://"
                    + env("RAPPORT_DB_HOST", "127.0.0.1") + ":" + env("RAPPORT_DB_PORT", "5432") + "/" + database,
                    env("RAPPORT_DB_USER", "rapport"), env("RAPPORT_DB_PASSWORD", "rapport"))) {
                Array patterns = connection.createArrayOf("text",
                        words.stream().map(word -> "%" + word + "%").toArray());
                for (String table : tables(connection)) {
                    try (PreparedStatement count = connection.prepareStatement(
                            "select count(*) from public.\"" + table + "\" as row where row::text ilike any (?)")) {
                        count.setArray(1, patterns);
                        try (ResultSet result = count.executeQuery()) {
                            result.next();
                            if (result.getLong(1) > 0) {
                                found.add(database + "." + table + ": " + result.getLong(1) + " rows");
                            }
                        }
                    }
                }
            }
        }
        return found;
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet result = connection.getMetaData().getTables(null, "public", "%", new String[] { "TABLE" })) {
            while (result.next()) {
                tables.add(result.getString("TABLE_NAME"));
            }
        }
        return tables;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
