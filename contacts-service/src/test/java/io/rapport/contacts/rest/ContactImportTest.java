package io.rapport.contacts.rest;

import static io.rapport.contacts.rest.ContactsApi.PROBLEM_JSON;
import static io.rapport.events.testing.TestTokens.bearer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.events.Topic;
import io.rapport.events.testing.Metrics;
import io.rapport.events.testing.TopicWatcher;

@QuarkusTest
class ContactImportTest {

    private static final String CREATED_TYPE = "type=\"rapport.contact.created.v1\"";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String rep = "rep-" + UUID.randomUUID();
    private final String tag = "import-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aCsvWithMixedRowsImportsEachRowOnItsOwn() throws Exception {
        String existing = "old-" + UUID.randomUUID() + "@example.com";
        ContactsApi.createContact(rep, "{\"firstName\": \"Old\", \"emails\": [{\"address\": \"" + existing + "\"}]}");
        String dup = "dup-" + UUID.randomUUID() + "@example.com";
        String csv = """
                firstName,lastName,email,lifecycleStage,tags,birthday,checkInCadenceDays
                Ada,Lovelace,ada-%1$s@example.com,ACTIVE_CUSTOMER,%2$s;vip,12-10,14
                Grace,Hopper,not-an-email,,%2$s,,
                Alan,Turing,alan-%1$s@example.com,WIZARD,%2$s,,
                Again,Old,%3$s,,%2$s,,
                ,NoFirstName,,,%2$s,,
                Kurt,Goedel,%4$s,,%2$s,1906-04-28,
                Kurt,Twice,%4$s,,%2$s,,
                Emmy,Noether,,,%2$s,02-30,
                John,Neumann,,,%2$s,,abc
                """.formatted(UUID.randomUUID(), tag, existing, dup);

        List<JsonNode> lines;
        double published = Metrics.sum("rapport_events_published_total", CREATED_TYPE);
        try (TopicWatcher topic = TopicWatcher.local(Topic.CONTACTS.topicName())) {
            lines = importAs("root", "admin", "text/csv", csv, "owner=" + rep);
            List<String> created = lines.stream().filter(l -> "CREATED".equals(l.path("status").asText()))
                    .map(l -> l.get("id").asText()).toList();
            assertThat(created).hasSize(2);
            assertThat(topic.awaitAll(r -> created.contains(r.key()), 2, Duration.ofSeconds(30))).hasSize(2);
        }
        // counted once the broker acknowledged them
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                Metrics.sum("rapport_events_published_total", CREATED_TYPE)).isGreaterThanOrEqualTo(published + 2));
        assertThat(lines).hasSize(10);
        assertThat(lines.subList(0, 9)).extracting(l -> l.get("status").asText()).containsExactly(
                "CREATED", "REJECTED", "REJECTED", "DUPLICATE", "REJECTED", "CREATED", "DUPLICATE", "REJECTED",
                "REJECTED");
        assertThat(lines.get(1).at("/errors/0/field").asText()).isEqualTo("email"); // the column, as the file names it
        assertThat(lines.get(2).get("reason").asText()).contains("WIZARD");
        assertThat(lines.get(7).get("reason").asText()).isEqualTo("birthday: is not a calendar date");
        JsonNode summary = lines.get(9).get("summary");
        assertThat(summary.get("rows").asLong()).isEqualTo(9);
        assertThat(summary.get("created").asLong()).isEqualTo(2);
        assertThat(summary.get("duplicate").asLong()).isEqualTo(2);
        assertThat(summary.get("rejected").asLong()).isEqualTo(5);

        ContactsApi.as(rep, "rep").queryParam("tag", tag).queryParam("sort", "name").when().get("/api/v1/contacts")
                .then().statusCode(200)
                .body("items.displayName", contains("Ada Lovelace", "Kurt Goedel"))
                .body("items[0].lifecycleStage", is("ACTIVE_CUSTOMER"))
                .body("items[0].tags", contains(tag, "vip"))
                .body("items[0].importantDates[0].month", is(12))
                .body("items[0].checkInCadenceDays", is(14))
                .body("items[1].importantDates[0].year", is(1906));
    }

    @Test
    void aRejectedRowNamesEveryProblemInPlainWords() throws Exception {
        String csv = """
                firstName,lastName,email,lifecycleStage,birthday,checkInCadenceDays,checkInMaxIntervalDays,doNotContact
                ,Hopper,not-an-email,WIZARD,someday,abc,,yes
                Grace,Hopper,grace-%1$s@example.com,,1906-02-30,30,10,
                Grace,"Hopper
                """.formatted(UUID.randomUUID());
        List<JsonNode> lines = importAs("root", "admin", "text/csv", csv, "owner=" + rep);
        assertThat(lines.subList(0, 3)).extracting(l -> l.get("status").asText())
                .containsExactly("REJECTED", "REJECTED", "REJECTED");

        assertThat(lines.get(0).get("errors")).extracting(error -> error.get("field").asText())
                .containsExactlyInAnyOrder("firstName", "email", "lifecycleStage", "birthday", "checkInCadenceDays",
                        "doNotContact");
        assertThat(lines.get(0).get("reason").asText())
                .contains("birthday: must be a date such as 1990-12-10, or 12-10 without the year, not 'someday'")
                .contains("checkInCadenceDays: must be a whole number, not 'abc'")
                .contains("doNotContact: must be true or false, not 'yes'")
                .contains("lifecycleStage: must be one of [PROSPECT, ACTIVE_CUSTOMER, AT_RISK, FORMER], not 'WIZARD'");
        // rules between fields too, beside each other
        assertThat(lines.get(1).get("reason").asText()).isEqualTo("checkInMaxIntervalDays: must be at least the "
                + "check-in cadence (30 days); birthday: is not a calendar date");
        // never a Java name, however broken the row
        for (JsonNode line : lines.subList(0, 3)) {
            assertThat(line.get("reason").asText()).doesNotContainPattern("[a-z]+\\.[a-z]+\\.[A-Z]|Exception|Source:");
        }
        assertThat(lines.get(2).get("reason").asText()).startsWith("not a readable CSV row: ");
    }

    @Test
    void aLanguageColumnIsCheckedLikeTheApiAndABadOneRejectsItsRow() throws Exception {
        String csv = """
                firstName,language,timezone,tags
                Ada,pt-br,,%1$s
                Grace,english,,%1$s
                Alan,,Mars/Olympus_Mons,%1$s
                """.formatted(tag);
        List<JsonNode> lines = importAs("root", "admin", "text/csv", csv, "owner=" + rep);
        assertThat(lines.subList(0, 3)).extracting(l -> l.get("status").asText())
                .containsExactly("CREATED", "REJECTED", "REJECTED");
        assertThat(lines.get(1).get("errors")).extracting(error -> error.get("field").asText())
                .containsExactly("language");
        assertThat(lines.get(1).get("reason").asText())
                .isEqualTo("language: must be a BCP 47 language tag such as de or pt-BR");
        assertThat(lines.get(2).get("errors")).extracting(error -> error.get("field").asText())
                .containsExactly("timezone");
        ContactsApi.as(rep, "rep").queryParam("tag", tag).when().get("/api/v1/contacts")
                .then().statusCode(200)
                .body("items.displayName", contains("Ada"))
                .body("items[0].language", is("pt-BR"));
    }

    @Test
    void onDuplicateUpdateUpdatesTheExistingContact() throws Exception {
        String email = "upd-" + UUID.randomUUID() + "@example.com";
        String id = ContactsApi.createContact(rep, "{\"firstName\": \"Ada\", \"emails\": [{\"address\": \"" + email
                + "\"}], \"personalNotes\": \"keep me\"}");
        List<JsonNode> lines = importAs("root", "admin", "text/csv",
                "firstName,email,title\nAda,%s,Countess\n".formatted(email), "onDuplicate=update");
        assertThat(lines.get(0).get("status").asText()).isEqualTo("UPDATED");
        assertThat(lines.get(0).get("id").asText()).isEqualTo(id);
        ContactsApi.getContact(rep, "rep", id).then().statusCode(200)
                .body("title", is("Countess"))
                .body("personalNotes", is("keep me"))
                .body("owner", is(rep));
    }

    @Test
    void ndjsonRowsAreReadLineByLine() throws Exception {
        String ndjson = """
                {"firstName": "Ada", "tags": ["%1$s"], "owner": "%2$s"}
                {"firstName": "Broken",
                [1, 2]

                {"firstName": "Grace", "tags": ["%1$s"], "owner": "%2$s", "unknownField": 1}
                {"firstName": "Hedy", "tags": ["%1$s"], "owner": "%2$s"}
                """.formatted(tag, rep);
        List<JsonNode> lines = importAs("root", "admin", "application/x-ndjson", ndjson, null);
        assertThat(lines.subList(0, 5)).extracting(l -> l.get("status").asText())
                .containsExactly("CREATED", "REJECTED", "REJECTED", "REJECTED", "CREATED");
        assertThat(lines.get(3).get("reason").asText()).contains("unknownField");
        ContactsApi.as(rep, "rep").queryParam("tag", tag).when().get("/api/v1/contacts")
                .then().body("items", hasSize(2));
    }

    @Test
    void aRowLongerThanAContactMayBeIsReportedAndSkippedWithoutBeingHeld() throws Exception {
        String huge = "x".repeat(300_000); // past rapport.http.limits.body (256 KB), a POST /contacts body's limit
        String ndjson = """
                {"firstName": "Ada", "tags": ["%1$s"], "owner": "%2$s"}
                {"firstName": "Huge", "tags": ["%1$s"], "owner": "%2$s", "personalNotes": "%3$s"}
                {"firstName": "Hedy", "tags": ["%1$s"], "owner": "%2$s"}
                """.formatted(tag, rep, huge);
        List<JsonNode> lines = importAs("root", "admin", "application/x-ndjson", ndjson, null);
        assertThat(lines.subList(0, 3)).extracting(l -> l.get("status").asText())
                .containsExactly("CREATED", "REJECTED", "CREATED");
        assertThat(lines.get(1).get("reason").asText()).isEqualTo("longer than 262144 characters, as no contact is");
        // in CSV a row ends at a line break outside quotes: a quoted cell spanning lines is one row, however long
        String csv = "firstName,personalNotes,tags\nGrace,\"" + huge.substring(0, 1000) + "\n" + huge + "\",%1$s\n"
                + "Alan,\"two\nlines\",%1$s\n";
        lines = importAs("root", "admin", "text/csv", csv.formatted(tag), "owner=" + rep);
        assertThat(lines.subList(0, 2)).extracting(l -> l.get("status").asText())
                .containsExactly("REJECTED", "CREATED");
        // a quote inside an unquoted cell is only a quote, and a lone CR ends a row as LF and CRLF do
        csv = "firstName,lastName,tags\rShaquille,O\"Neal,%1$s\rKurt,Goedel,%1$s\r\nEmmy,Noether,%1$s\n";
        lines = importAs("root", "admin", "text/csv", csv.formatted(tag), "owner=" + rep);
        assertThat(lines.subList(0, 3)).extracting(l -> l.get("status").asText())
                .containsExactly("CREATED", "CREATED", "CREATED");
        ContactsApi.as(rep, "rep").queryParam("tag", tag).queryParam("limit", 10).when().get("/api/v1/contacts")
                .then().body("items.firstName", containsInAnyOrder("Ada", "Hedy", "Alan", "Shaquille", "Kurt", "Emmy"))
                .body("items.find { it.firstName == 'Shaquille' }.lastName", is("O\"Neal"));
    }

    @Test
    void rowsAcrossSeveralBatchesAllLandAndOneBadRowStopsNothing() throws Exception {
        String rows = IntStream.range(0, 1_200)
                .mapToObj(i -> (i == 700 ? "" : "Person" + i) + "," + tag)
                .collect(Collectors.joining("\n", "firstName,tags\n", "\n"));
        List<JsonNode> lines = importAs("root", "admin", "text/csv", rows, "owner=" + rep);
        JsonNode summary = lines.get(lines.size() - 1).get("summary");
        assertThat(summary.get("created").asLong()).isEqualTo(1_199);
        assertThat(summary.get("rejected").asLong()).isEqualTo(1);
        assertThat(lines.get(700).get("row").asLong()).isEqualTo(701);
        assertThat(lines.get(700).get("status").asText()).isEqualTo("REJECTED");
    }

    @Test
    void aRowWithTextPostgresCannotStoreIsRejectedAloneWithItsReason() throws Exception {
        String csv = "firstName,lastName,tags\nAda,Love\u0000lace,%1$s\nGrace,Hopper,%1$s\n".formatted(tag);
        List<JsonNode> lines = importAs("root", "admin", "text/csv", csv, "owner=" + rep);
        assertThat(lines.subList(0, 2)).extracting(l -> l.get("status").asText())
                .containsExactly("REJECTED", "CREATED");
        assertThat(lines.get(0).get("reason").asText()).contains("lastName").contains("NUL");
        ContactsApi.as(rep, "rep").queryParam("tag", tag).when().get("/api/v1/contacts")
                .then().body("items", hasSize(1));
    }

    @Test
    void anUnknownColumnRejectsTheWholeFileAndWritesNothing() {
        given().header("Authorization", bearer("root", "admin")).contentType("text/csv")
                .queryParam("owner", rep)
                .body("firstName,shoeSize,tags\nAda,38," + tag + "\n")
                .when().post("/api/v1/contacts/import")
                .then().statusCode(400).contentType(PROBLEM_JSON);
        ContactsApi.as(rep, "rep").queryParam("tag", tag).when().get("/api/v1/contacts")
                .then().body("items", hasSize(0));
    }

    @Test
    void onlyAnAdminImportsAndOnlyCsvOrNdjson() {
        given().header("Authorization", bearer(rep, "rep")).contentType("text/csv").body("firstName\nAda\n")
                .when().post("/api/v1/contacts/import").then().statusCode(403);
        given().header("Authorization", bearer("root", "admin")).contentType("application/json").body("[]")
                .when().post("/api/v1/contacts/import").then().statusCode(415);
        given().header("Authorization", bearer("root", "admin")).contentType("text/csv").body("firstName\nAda\n")
                .queryParam("onDuplicate", "merge")
                .when().post("/api/v1/contacts/import").then().statusCode(400).contentType(PROBLEM_JSON);
    }

    private static List<JsonNode> importAs(String user, String role, String type, String body, String query)
            throws Exception {
        var request = given().header("Authorization", bearer(user, role)).contentType(type)
                .body(body.getBytes(StandardCharsets.UTF_8));
        if (query != null) {
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                request.queryParam(kv[0], kv[1]);
            }
        }
        String response = request.when().post("/api/v1/contacts/import")
                .then().statusCode(200).contentType("application/x-ndjson").extract().asString();
        return Arrays.stream(response.split("\n")).map(line -> {
            try {
                return JSON.readTree(line);
            } catch (Exception e) {
                throw new AssertionError(line, e);
            }
        }).toList();
    }
}
