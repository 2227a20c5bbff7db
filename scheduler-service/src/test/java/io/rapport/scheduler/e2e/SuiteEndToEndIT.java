package io.rapport.scheduler.e2e;

import static io.rapport.events.testing.TestTokens.bearer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.rapport.events.EventType;
import io.rapport.events.Topic;
import io.rapport.events.testing.CloudEventSender;
import io.rapport.events.testing.TestTokens;
import io.rapport.events.testing.TopicWatcher;
import io.rapport.mail.testing.Mailbox;
import io.rapport.rest.testing.ServedContractFilter;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/**
 * The four services started from their packaged jars against the local stack (PostgreSQL and Kafka from
 * {@code deploy/local/rapport infra}): a contact posted over HTTP becomes a CHECK_IN task over HTTP.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SuiteEndToEndIT {

    private static final Duration BOUND = Duration.ofSeconds(60);
    /** Away from 8081-8084, so a running local suite does not get in the way. */
    private static final Map<String, Integer> SERVICES = Map.of(
            "contacts-service", 18081, "interactions-service", 18082,
            "feedback-service", 18083, "scheduler-service", 18084);

    private static final Path ROOT = Path.of(System.getProperty("rapport.root", "..")).toAbsolutePath().normalize();
    private static final Map<String, ServiceProcess> processes = new HashMap<>();
    private static final Map<String, Map<String, String>> environments = new HashMap<>();
    private static Path workDir;
    private static String contactsUrl;
    private static String interactionsUrl;
    private static String feedbackUrl;
    private static String schedulerUrl;

    private final String rep = "rep-" + UUID.randomUUID();

    @BeforeAll
    static void startSuite() throws Exception {
        ServedContractFilter.register(); // every answer of the four services, checked against their documents
        workDir = ROOT.resolve("scheduler-service/target/e2e");
        Path publicKey = copyResource(TestTokens.PUBLIC_KEY, workDir.resolve("publicKey.pem"));
        for (Map.Entry<String, Integer> service : SERVICES.entrySet()) {
            String database = service.getKey().replace("-service", "") + "_test";
            Map<String, String> env = new HashMap<>();
            env.put("RAPPORT_DB_NAME", database);
            env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicKey.toString());
            // a fresh consumer group that starts at the end of the topics it reads: only this run's events, however
            // much the topics hold (the contacts service itself consumes nothing)
            String group = service.getKey() + "-e2e-" + UUID.randomUUID();
            env.put("KAFKA_GROUP_ID", group);
            if (service.getKey().equals("contacts-service")) {
                // the GDPR export gathers the other services' parts
                env.put("RAPPORT_INTERACTIONS_URL", "http://127.0.0.1:" + SERVICES.get("interactions-service"));
                env.put("RAPPORT_FEEDBACK_URL", "http://127.0.0.1:" + SERVICES.get("feedback-service"));
                env.put("RAPPORT_SCHEDULER_URL", "http://127.0.0.1:" + SERVICES.get("scheduler-service"));
            } else {
                env.put("RAPPORT_CONTACTS_URL", "http://127.0.0.1:" + SERVICES.get("contacts-service"));
                // a survey's context (an interaction or commitment) is read from interactions-service
                env.put("RAPPORT_INTERACTIONS_URL", "http://127.0.0.1:" + SERVICES.get("interactions-service"));
                // capture reads the local stack's Dovecot, on the loopback with a self-signed certificate
                byte[] secretsKey = new byte[32];
                new SecureRandom().nextBytes(secretsKey);
                env.put("RAPPORT_SECRETS_KEY", Base64.getEncoder().encodeToString(secretsKey));
                env.put("RAPPORT_CAPTURE_TRUSTED_CERTIFICATE",
                        ROOT.resolve("deploy/local/.run/dovecot/cert.pem").toString());
                env.put("RAPPORT_CAPTURE_ALLOW_INTERNAL_HOSTS", "true");
                env.put("RAPPORT_CAPTURE_POLL_INTERVAL", "1s");
                startAtTheEnd(group, service.getKey().equals("scheduler-service") ? CONSUMED_TOPICS
                        : List.of(Topic.CONTACTS.topicName()));
            }
            environments.put(service.getKey(), env);
            processes.put(service.getKey(), ServiceProcess.start(ROOT, service.getKey(), service.getValue(), env,
                    workDir));
        }
        for (ServiceProcess process : processes.values()) {
            process.awaitReady(Duration.ofSeconds(120));
        }
        contactsUrl = "http://127.0.0.1:" + SERVICES.get("contacts-service");
        interactionsUrl = "http://127.0.0.1:" + SERVICES.get("interactions-service");
        feedbackUrl = "http://127.0.0.1:" + SERVICES.get("feedback-service");
        schedulerUrl = "http://127.0.0.1:" + SERVICES.get("scheduler-service");
        awaitSchedulerConsuming();
        awaitContactProjectionsConsuming();
    }

    /**
     * The interactions and feedback services learn contacts from contact events, starting at the end of the topic:
     * until their consumers have partitions, an event could pass them by. Send marker contacts (known to no one but
     * the consumers: contacts-service has never heard of them) until both services know one.
     */
    private static void awaitContactProjectionsConsuming() {
        String owner = "warm-up-" + UUID.randomUUID();
        try (CloudEventSender sender = CloudEventSender.local()) {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                UUID marker = UUID.randomUUID();
                sender.send(EventType.CONTACT_CREATED, UUID.randomUUID().toString(), marker.toString(),
                        marker.toString(), Instant.now(), markerSnapshot(marker, owner));
                try {
                    await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(250)).until(() ->
                            knows(owner, interactionsUrl + "/api/v1/contacts/" + marker + "/timeline")
                                    && knows(owner, feedbackUrl + "/api/v1/contacts/" + marker + "/feedback"));
                    return true;
                } catch (ConditionTimeoutException missed) {
                    return false;
                }
            });
        }
    }

    private static boolean knows(String owner, String url) {
        return given().header("Authorization", bearer(owner, "rep")).when().get(url).statusCode() == 200;
    }

    /**
     * Ready is not yet consuming: until the scheduler's consumers have their partitions, an event starting from the
     * end of a topic could be missed. Send markers to each of its topics until each has become a task.
     */
    private static void awaitSchedulerConsuming() {
        String owner = "warm-up-" + UUID.randomUUID();
        try (CloudEventSender sender = CloudEventSender.local()) {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                UUID marker = UUID.randomUUID();
                Instant now = Instant.now();
                sender.send(EventType.CONTACT_CREATED, UUID.randomUUID().toString(), marker.toString(),
                        marker.toString(), now, markerSnapshot(marker, owner));
                sender.send(EventType.INTERACTION_LOGGED, UUID.randomUUID().toString(), marker.toString(),
                        marker.toString(), now, """
                                {"id": "%s", "version": 0, "contactId": "%s", "owner": "%s", "type": "EMAIL",
                                 "direction": "INBOUND", "occurredAt": "%s", "requiresResponse": true}"""
                                .formatted(UUID.randomUUID(), marker, owner, now));
                sender.send(EventType.FEEDBACK_RECEIVED, UUID.randomUUID().toString(), marker.toString(),
                        marker.toString(), now, """
                                {"requestId": "%s", "contactId": "%s", "owner": "%s", "npsScore": 0,
                                 "npsClass": "DETRACTOR", "commentLength": 0, "source": "CLIENT", "receivedAt": "%s"}"""
                                .formatted(UUID.randomUUID(), marker, owner, now));
                List<String> kinds = given().header("Authorization", bearer(owner, "rep"))
                        .queryParam("limit", 200)
                        .when().get(schedulerUrl + "/api/v1/tasks")
                        .then().statusCode(200).extract().path("items.kind");
                return kinds.containsAll(List.of("CHECK_IN", "RESPOND", "RECOVERY"));
            });
        }
    }

    private static String markerSnapshot(UUID contact, String owner) {
        return """
                {"id": "%s", "version": 0, "owner": "%s", "firstName": "Marker", "displayName": "Marker",
                 "checkInCadenceDays": 30, "createdAt": "%s", "updatedAt": "%s"}"""
                .formatted(contact, owner, Instant.now(), Instant.now());
    }

    @AfterAll
    static void stopSuite() throws Exception {
        localStack("kafka", "start"); // in case a test stopped it and failed before restarting it
        for (ServiceProcess process : processes.values()) {
            process.stop();
        }
    }

    @Test
    @Order(1)
    void aContactPostedOverHttpBecomesACheckInTask() {
        String contact = postContact(21);
        Instant created = Instant.parse(given().header("Authorization", bearer(rep, "rep"))
                .when().get(contactsUrl + "/api/v1/contacts/" + contact)
                .then().statusCode(200).extract().path("createdAt"));

        awaitTasks(contact, 1)
                .body("items[0].kind", is("CHECK_IN"))
                .body("items[0].status", is("OPEN"))
                .body("items[0].owner", is(rep));
        Instant due = Instant.parse(tasksOf(contact).extract().path("items[0].dueAt"));
        assertThat(due).isEqualTo(created.plus(Duration.ofDays(21)));

        // as deployed, no other origin may call the APIs from a browser until RAPPORT_CORS_ORIGINS names it
        for (String url : List.of(contactsUrl + "/api/v1/contacts", schedulerUrl + "/api/v1/tasks")) {
            given().header("Origin", "https://app.example.com").header("Access-Control-Request-Method", "GET")
                    .when().options(url).then().statusCode(403);
        }
    }

    @Test
    @Order(2)
    void aDuplicateDeliveryDoesNotCreateASecondTask() {
        ConsumerRecord<String, String> event;
        String contact;
        try (TopicWatcher contactsTopic = TopicWatcher.local(Topic.CONTACTS.topicName())) {
            contact = postContact(30);
            event = contactsTopic.await(r -> contact.equals(r.key()), BOUND);
        }
        awaitTasks(contact, 1);

        deliverAgain(event);
        tasksOf(contact).body("items", hasSize(1)).body("nextCursor", nullValue());
    }

    /** Sends a record once more, as Kafka may redeliver it, and waits until the scheduler has consumed it. */
    private void deliverAgain(ConsumerRecord<String, String> event) {
        try (CloudEventSender sender = CloudEventSender.local()) {
            ProducerRecord<String, String> again = new ProducerRecord<>(event.topic(), event.key(), event.value());
            event.headers().forEach(header -> again.headers().add(header));
            sender.sendRecord(again);

            // a later event on the same partition: once its task exists, the duplicate has been consumed too
            UUID marker = UUID.randomUUID();
            sender.send(EventType.CONTACT_CREATED, UUID.randomUUID().toString(), event.key(), marker.toString(),
                    Instant.now(), markerSnapshot(marker, rep));
            awaitTasks(marker.toString(), 1);
        }
    }

    /**
     * A client's story across the four services: a new contact, an email from them that awaits a reply, a detractor
     * survey answer, then the check-in cadence lapses (the scheduler restarted with its clock fifteen days ahead).
     * The rep's agenda shows exactly what to do, and replying resolves the RESPOND task. The client's GDPR export
     * holds what each of the four services keeps on them.
     */
    @Test
    @Order(3)
    void aClientsStoryAcrossAllServicesBecomesTheRepsAgenda() throws Exception {
        String address = Mailbox.freshAddress("ada");
        String contact = postContact(14, address);
        // five days ago: past the 8 business-hour SLA whatever the weekday today
        String inbound = post(interactionsUrl + "/api/v1/interactions", """
                {"contactId": "%s", "type": "EMAIL", "direction": "INBOUND", "occurredAt": "%s",
                 "subject": "Invoice question", "requiresResponse": true}"""
                .formatted(contact, Instant.now().minus(Duration.ofDays(5)))).getString("id");
        String token = post(feedbackUrl + "/api/v1/surveys",
                "{\"contactId\": \"" + contact + "\", \"kind\": \"NPS\"}").getString("token");
        // the client answers on the page their email links to, as a browser posts its form
        String text = Mailbox.part(Mailbox.awaitMessages(address, 1).get(0), "text/plain");
        assertThat(text).startsWith("Hello Ada,").contains("Answer here: http://127.0.0.1:8083/s/" + token);
        given().contentType(ContentType.URLENC).formParam("npsScore", "3").formParam("comment", "Slow answers")
                .when().post(feedbackUrl + "/s/" + token)
                .then().statusCode(200).body(containsString("Thank you!"));

        await().atMost(BOUND).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonPath agenda = agenda();
            assertThat(agenda.getList("overdue.kind")).containsExactly("RESPOND");
            assertThat(agenda.getList("today.kind")).isEmpty();
            assertThat(agenda.getList("upcoming.kind")).containsExactly("RECOVERY", "CHECK_IN");
        });
        assertThat(agenda().getString("upcoming[0].reason")).startsWith("NPS 3 (detractor)");

        restartScheduler(Map.of("RAPPORT_CLOCK_OFFSET", "P15D"));
        String before = Instant.now().plus(Duration.ofDays(15)).toString().substring(0, 10);
        JsonPath lapsed = agenda();
        String after = Instant.now().plus(Duration.ofDays(15)).toString().substring(0, 10);
        assertThat(lapsed.getString("date")).isIn(before, after); // fifteen days on, whichever side of midnight
        assertThat(lapsed.getList("overdue.kind")).containsExactly("RESPOND", "RECOVERY", "CHECK_IN");
        assertThat(lapsed.getList("today")).isEmpty();
        assertThat(lapsed.getList("upcoming")).isEmpty();
        assertThat(lapsed.getString("overdue[2].reason"))
                .startsWith("No touch-point since the contact was added on").endsWith("check-in cadence 14 days");

        given().header("Authorization", bearer(rep, "rep")).contentType(ContentType.JSON)
                .body("""
                        {"contactId": "%s", "type": "EMAIL", "direction": "OUTBOUND", "occurredAt": "%s",
                         "subject": "Re: Invoice question", "inReplyTo": "%s"}""".formatted(contact, Instant.now(), inbound))
                .when().post(interactionsUrl + "/api/v1/interactions").then().statusCode(201);
        await().atMost(BOUND).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(tasksOf(contact).extract().jsonPath()
                    .getString("items.find { it.kind == 'RESPOND' }.status")).isEqualTo("AUTO_RESOLVED");
            // the reply is a touch-point: the check-in now counts from it (fourteen days on, still before the
            // scheduler's "now"), the recovery call is still to be made
            JsonPath agenda = agenda();
            assertThat(agenda.getList("overdue.kind")).containsExactly("RECOVERY", "CHECK_IN");
            assertThat(agenda.getString("overdue[1].reason")).startsWith("Last touch-point on");
        });

        // the client asks for everything Rapport holds on them: one document, each service's part in it
        post(interactionsUrl + "/api/v1/commitments", """
                {"contactId": "%s", "description": "Send the corrected invoice", "dueAt": "%s"}"""
                .formatted(contact, Instant.now().plus(Duration.ofDays(2))));
        JsonPath export = given().header("Authorization", bearer(rep, "rep"))
                .when().get(contactsUrl + "/api/v1/contacts/" + contact + "/export")
                .then().statusCode(200).extract().jsonPath();
        assertThat(export.getString("contacts.contact.id")).isEqualTo(contact);
        assertThat(export.getList("interactions.interactions.subject"))
                .containsExactly("Invoice question", "Re: Invoice question");
        assertThat(export.getList("interactions.commitments.description")).containsExactly("Send the corrected invoice");
        assertThat(export.getString("feedback.surveys[0].response.comment")).isEqualTo("Slow answers");
        assertThat(export.getList("scheduler.tasks.kind")).contains("RESPOND", "RECOVERY", "CHECK_IN");
        assertThat(export.getInt("scheduler.health.score")).isBetween(0, 100);
        given().header("Authorization", bearer("other-" + rep, "rep"))
                .when().get(contactsUrl + "/api/v1/contacts/" + contact + "/export").then().statusCode(404);
    }

    /**
     * Erasure leaves nothing behind (GDPR art. 17). A contact with an inbound email awaiting a reply, a promise, a
     * survey answered with a comment, a rep's follow-up and the tasks they raise is erased. Then no table of any
     * service's database holds its name, email or any of those words; no event on the interactions, feedback or tasks
     * topics ever carried them; and once the log cleaner has run (the topic's compaction lag shortened for the test),
     * the compacted contacts topic holds nothing of the contact but its tombstone.
     */
    @Test
    @Order(15)
    void anErasedContactLeavesNothingInAnyDatabaseOrOnAnyTopic() throws Exception {
        String mark = UUID.randomUUID().toString().substring(0, 8);
        List<String> personal = Stream.of("Erasmus", "Forgotten", "erasmus.", "Notes", "DateLabel", "Subject",
                "Summary", "Promise", "Comment", "FollowUp", "Note").map(word -> word + mark).toList();
        String email = personal.get(2) + "@example.org";
        try (TopicWatcher contacts = TopicWatcher.local(Topic.CONTACTS.topicName());
                TopicWatcher interactions = TopicWatcher.local(Topic.INTERACTIONS.topicName());
                TopicWatcher feedback = TopicWatcher.local(Topic.FEEDBACK.topicName());
                TopicWatcher tasks = TopicWatcher.local(Topic.TASKS.topicName())) {
            String contact = post(contactsUrl + "/api/v1/contacts", """
                    {"firstName": "%s", "lastName": "%s", "emails": [{"address": "%s"}], "personalNotes": "%s",
                     "importantDates": [{"kind": "CUSTOM", "label": "%s", "month": 6, "day": 15}]}"""
                    .formatted(personal.get(0), personal.get(1), email, personal.get(3), personal.get(4)))
                    .getString("id");
            post(interactionsUrl + "/api/v1/interactions", """
                    {"contactId": "%s", "type": "EMAIL", "direction": "INBOUND", "occurredAt": "%s",
                     "subject": "%s", "summary": "%s", "requiresResponse": true}"""
                    .formatted(contact, Instant.now().minus(Duration.ofDays(5)), personal.get(5), personal.get(6)));
            post(interactionsUrl + "/api/v1/commitments", """
                    {"contactId": "%s", "description": "%s", "dueAt": "%s"}"""
                    .formatted(contact, personal.get(7), Instant.now().plus(Duration.ofDays(1))));
            String token = post(feedbackUrl + "/api/v1/surveys",
                    "{\"contactId\": \"" + contact + "\", \"kind\": \"NPS\"}").getString("token");
            given().contentType(ContentType.JSON).body("{\"npsScore\": 2, \"comment\": \"" + personal.get(8) + "\"}")
                    .when().post(feedbackUrl + "/api/v1/public/surveys/" + token + "/response")
                    .then().statusCode(201);
            post(schedulerUrl + "/api/v1/tasks", """
                    {"contactId": "%s", "subject": "%s", "note": "%s", "dueAt": "%s"}"""
                    .formatted(contact, personal.get(9), personal.get(10), Instant.now().plus(Duration.ofDays(3))));
            await().atMost(BOUND).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertThat(tasksOf(contact).extract().jsonPath().getList("items.kind", String.class))
                            .contains("CHECK_IN", "RESPOND", "COMMITMENT_DUE", "RECOVERY", "FOLLOW_UP"));

            List<String> databases = List.of("contacts_test", "interactions_test", "feedback_test", "scheduler_test");
            assertThat(DatabaseSearch.rowsMentioning(databases, personal)).as("rows naming the contact before")
                    .anyMatch(table -> table.startsWith("contacts_test.")).anyMatch(table -> table.startsWith(
                            "interactions_test.")).anyMatch(table -> table.startsWith("feedback_test."))
                    .anyMatch(table -> table.startsWith("scheduler_test."));
            String etag = given().header("Authorization", bearer(rep, "rep"))
                    .when().get(contactsUrl + "/api/v1/contacts/" + contact).then().statusCode(200)
                    .extract().header("ETag");
            given().header("Authorization", bearer("dpo-" + rep, "admin")).header("If-Match", etag)
                    .when().delete(contactsUrl + "/api/v1/contacts/" + contact).then().statusCode(204);
            ConsumerRecord<String, String> tombstone = contacts.awaitTombstone(contact, BOUND);

            await().atMost(BOUND).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                    assertThat(DatabaseSearch.rowsMentioning(databases, personal)).as("rows naming the erased contact")
                            .isEmpty());
            for (TopicWatcher topic : List.of(interactions, feedback, tasks)) {
                List<ConsumerRecord<String, String>> about = topic.all(Duration.ofSeconds(1)).stream()
                        .filter(record -> contact.equals(record.key())).toList();
                assertThat(about).as("events about the contact").isNotEmpty();
                assertThat(about).extracting(ConsumerRecord::value)
                        .allSatisfy(value -> assertThat(personal).noneMatch(value::contains));
            }
            List<ConsumerRecord<String, String>> before = contacts.all(Duration.ofSeconds(1)).stream()
                    .filter(record -> contact.equals(record.key())).toList();
            assertThat(before).extracting(ConsumerRecord::value).anyMatch(value -> value.contains(personal.get(0)));
            int partitions = CompactedTopic.partitions(Topic.CONTACTS.topicName());
            CompactedTopic.awaitCleaned(Topic.CONTACTS.topicName(), before, tombstone,
                    partition -> appendToPartition(partition, partitions));
        }
    }

    /**
     * Frontends generate their clients from the documents the services serve: types generated by openapi-typescript
     * from the four served documents type-check with the README's story written against them (deploy/api-client),
     * and the story, told through openapi-fetch against the suite, ends with the contact's tasks on the agenda.
     */
    @Test
    @Order(16)
    void aClientGeneratedFromTheServedDocumentsTellsTheStory() throws Exception {
        Map<String, String> env = Map.of("RAPPORT_CONTACTS_URL", contactsUrl, "RAPPORT_INTERACTIONS_URL",
                interactionsUrl, "RAPPORT_FEEDBACK_URL", feedbackUrl, "RAPPORT_SCHEDULER_URL", schedulerUrl,
                "RAPPORT_REP", rep, "RAPPORT_TOKEN", TestTokens.token(rep, "rep"));
        npm(env, "run", "generate");
        assertThat(npm(env, "run", "story")).contains("story told: contact");
    }

    /** Runs npm in deploy/api-client; fails with its output unless it succeeds. */
    private static String npm(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("npm", "--prefix", ROOT.resolve("deploy/api-client").toString()));
        command.addAll(List.of(args));
        Path output = workDir.resolve("npm-" + args[args.length - 1] + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        boolean finished = process.waitFor(180, TimeUnit.SECONDS);
        String log = Files.readString(output);
        if (!finished) {
            process.destroyForcibly();
            throw new AssertionError("npm " + String.join(" ", args) + " did not finish in 180 s:\n" + log);
        }
        assertThat(process.exitValue()).as("npm %s exit status; its output:%n%s", String.join(" ", args), log).isZero();
        return log;
    }

    /** Posts contacts until one of them lands on the partition (their records roll its active segment). */
    private void appendToPartition(int partition, int partitions) {
        for (int attempt = 0; attempt < 50; attempt++) {
            if (CompactedTopic.partitionOf(postContact(30), partitions) == partition) {
                return;
            }
        }
        throw new AssertionError("50 contacts and none on partition " + partition);
    }

    /** Stops the scheduler and starts it again (same consumer group) with extra settings. */
    private static void restartScheduler(Map<String, String> settings) throws Exception {
        String scheduler = "scheduler-service";
        processes.remove(scheduler).stop();
        Map<String, String> env = new HashMap<>(environments.get(scheduler));
        env.putAll(settings);
        ServiceProcess restarted = ServiceProcess.start(ROOT, scheduler, SERVICES.get(scheduler), env, workDir);
        processes.put(scheduler, restarted);
        restarted.awaitReady(Duration.ofSeconds(120));
    }

    @Test
    @Order(4)
    void anEventWrittenWhileKafkaIsDownIsDeliveredAfterItRestarts() throws Exception {
        localStack("kafka", "stop");
        String contact;
        try {
            contact = postContact(7);
            given().header("Authorization", bearer(rep, "rep"))
                    .when().get(contactsUrl + "/api/v1/contacts/" + contact)
                    .then().statusCode(200);
            tasksOf(contact).body("items", hasSize(0));
        } finally {
            localStack("kafka", "start");
        }
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> tasksOf(contact).body("items", hasSize(1)));
    }

    /**
     * A frontend creates a contact and at once records something about it in the other services, before their
     * projections can have the contact from its event (a touch-point, a commitment, a survey, a follow-up): every
     * write succeeds, as the services read the contact from contacts-service with the rep's own token. A contact that
     * does not exist, or is another rep's, is still 422.
     */
    @Test
    @Order(5)
    void aContactJustCreatedCanBeUsedEverywhereAtOnce() {
        List<String> refused = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String contact = postContact(30);
            Instant now = Instant.now();
            Map<String, String> writes = Map.of(
                    interactionsUrl + "/api/v1/interactions", """
                            {"contactId": "%s", "type": "CALL", "direction": "OUTBOUND", "occurredAt": "%s"}"""
                            .formatted(contact, now),
                    interactionsUrl + "/api/v1/commitments", """
                            {"contactId": "%s", "description": "Send the proposal", "dueAt": "%s"}"""
                            .formatted(contact, now.plus(Duration.ofDays(3))),
                    feedbackUrl + "/api/v1/surveys", "{\"contactId\": \"" + contact + "\", \"kind\": \"NPS\"}",
                    schedulerUrl + "/api/v1/tasks", """
                            {"contactId": "%s", "subject": "Welcome call", "dueAt": "%s"}"""
                            .formatted(contact, now.plus(Duration.ofDays(1))));
            writes.forEach((url, body) -> {
                int status = given().header("Authorization", bearer(rep, "rep")).contentType(ContentType.JSON)
                        .body(body).when().post(url).statusCode();
                if (status != 201) {
                    refused.add(status + " " + url);
                }
            });
        }
        assertThat(refused).as("writes refused right after the contact was created").isEmpty();

        String unknown = UUID.randomUUID().toString();
        String othersContact = given().header("Authorization", bearer("other-" + rep, "rep"))
                .contentType(ContentType.JSON).body("{\"firstName\": \"Grace\"}")
                .when().post(contactsUrl + "/api/v1/contacts").then().statusCode(201).extract().path("id");
        for (String contact : List.of(unknown, othersContact)) {
            given().header("Authorization", bearer(rep, "rep")).contentType(ContentType.JSON)
                    .body("{\"contactId\": \"%s\", \"description\": \"Call back\", \"dueAt\": \"%s\"}"
                            .formatted(contact, Instant.now().plus(Duration.ofDays(1))))
                    .when().post(interactionsUrl + "/api/v1/commitments")
                    .then().statusCode(422).contentType("application/problem+json");
            given().header("Authorization", bearer(rep, "rep")).contentType(ContentType.JSON)
                    .body("{\"contactId\": \"" + contact + "\", \"kind\": \"CSAT\"}")
                    .when().post(feedbackUrl + "/api/v1/surveys")
                    .then().statusCode(422).contentType("application/problem+json");
            given().header("Authorization", bearer(rep, "rep")).contentType(ContentType.JSON)
                    .body("{\"contactId\": \"%s\", \"subject\": \"Call back\", \"dueAt\": \"%s\"}"
                            .formatted(contact, Instant.now().plus(Duration.ofDays(1))))
                    .when().post(schedulerUrl + "/api/v1/tasks")
                    .then().statusCode(422).contentType("application/problem+json");
        }
    }

    /** While contacts-service cannot be asked, a contact the projection does not know is neither unknown nor known. */
    @Test
    @Order(6)
    void aContactThatCannotBeCheckedIsServiceUnavailableNotUnknown() throws Exception {
        ServiceProcess contacts = processes.get("contacts-service");
        contacts.stop();
        try {
            String unseen = UUID.randomUUID().toString();
            given().header("Authorization", bearer(rep, "rep")).contentType(ContentType.JSON)
                    .body("""
                            {"contactId": "%s", "type": "CALL", "direction": "OUTBOUND", "occurredAt": "%s"}"""
                            .formatted(unseen, Instant.now()))
                    .when().post(interactionsUrl + "/api/v1/interactions")
                    .then().statusCode(503).contentType("application/problem+json").header("Retry-After", "2");
            given().header("Authorization", bearer(rep, "rep")).contentType(ContentType.JSON)
                    .body("{\"contactId\": \"" + unseen + "\", \"kind\": \"NPS\"}")
                    .when().post(feedbackUrl + "/api/v1/surveys")
                    .then().statusCode(503).contentType("application/problem+json").header("Retry-After", "2");
            given().header("Authorization", bearer(rep, "rep")).contentType(ContentType.JSON)
                    .body("{\"contactId\": \"%s\", \"subject\": \"Call\", \"dueAt\": \"%s\"}"
                            .formatted(unseen, Instant.now().plus(Duration.ofDays(1))))
                    .when().post(schedulerUrl + "/api/v1/tasks")
                    .then().statusCode(503).contentType("application/problem+json").header("Retry-After", "2");
        } finally {
            processes.put("contacts-service", ServiceProcess.start(ROOT, "contacts-service",
                    SERVICES.get("contacts-service"), environments.get("contacts-service"), workDir));
            processes.get("contacts-service").awaitReady(Duration.ofSeconds(120));
        }
    }

    /**
     * A second scheduler replica joins the consumer group and the partitions are shared between the two: every
     * contact posted meanwhile gets exactly one CHECK_IN task, published exactly once (one outbox relay at a time).
     */
    @Test
    @Order(7)
    void twoSchedulerReplicasShareThePartitionsWithoutADuplicateTask() throws Exception {
        Map<String, String> environment = environments.get("scheduler-service");
        ServiceProcess second = ServiceProcess.start(ROOT, "scheduler-service", 18085, environment, workDir,
                "scheduler-service-2");
        try (TopicWatcher tasksTopic = TopicWatcher.local(Topic.TASKS.topicName());
                Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092"))) {
            second.awaitReady(Duration.ofSeconds(120));
            String group = environment.get("KAFKA_GROUP_ID");
            // in each replica a consumer of the contact events, one of the feedback events and
            // RAPPORT_INTERACTION_CONSUMERS of the interaction events (3 unless set: the service's default); the
            // nine partitions of the three topics all assigned
            int interactionConsumers = Integer.parseInt(environment.getOrDefault("RAPPORT_INTERACTION_CONSUMERS",
                    System.getenv().getOrDefault("RAPPORT_INTERACTION_CONSUMERS", "3")));
            int members = 2 * (2 + interactionConsumers);
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group))
                        .describedGroups().get(group).get();
                return description.members().size() == members && description.members().stream()
                        .map(member -> member.assignment().topicPartitions().size()).reduce(0, Integer::sum) == 9;
            });

            List<String> contacts = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                contacts.add(postContact(30));
            }
            await().atMost(BOUND).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                for (String contact : contacts) {
                    tasksOf(contact).body("items", hasSize(1)).body("items[0].kind", is("CHECK_IN"));
                }
            });
            tasksTopic.awaitAll(r -> contacts.contains(r.key()), 60, BOUND);
            assertThatThrownBy(() -> tasksTopic.awaitAll(r -> contacts.contains(r.key()), 61, Duration.ofSeconds(3)))
                    .as("one task.created per contact").isInstanceOf(AssertionError.class);
        } finally {
            second.stop();
        }
    }

    /**
     * Faults injected while a rep keeps creating contacts, one after another without pause. Whatever the fault, every
     * write is answered 201, or 503 with Retry-After, or not at all (the service is down); every 201 has its contact
     * and exactly one contact.created; each contact gets exactly one CHECK_IN task, published once; and no event of
     * these contacts reaches a dead-letter topic.
     */
    @Test
    @Order(8)
    void postgresRestartedUnderWrites() throws Exception {
        assertNothingLostOrDoubledWhile(false, () -> localStack("postgres", "restart"));
    }

    @Test
    @Order(9)
    void kafkaStoppedAndRestartedUnderWrites() throws Exception {
        assertNothingLostOrDoubledWhile(false, () -> {
            localStack("kafka", "stop");
            try {
                // at once, and after the services' own check has seen the broker gone: the dead letters are on
                // Kafka, so their API says it is away (503, Retry-After) within 5 s, never a minute's wait and a 500
                assertDeadLettersAnswerBrokerAway();
                await().atMost(Duration.ofSeconds(30)).until(() -> metric(interactionsUrl,
                        "rapport_kafka_broker_reachable").equals("0.0"));
                assertDeadLettersAnswerBrokerAway();
                int atStop = writes.created().size();
                // writes go on while the broker is away: their events wait in the outbox; and every service stays
                // ready, each asked every second and answering within one
                await().atMost(BOUND).pollInterval(Duration.ofSeconds(1)).until(() -> {
                    assertEveryServiceReadyWithinASecond();
                    return writes.created().size() >= atStop + 10;
                });
            } finally {
                localStack("kafka", "start");
            }
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> metric(interactionsUrl, "rapport_kafka_broker_reachable")
                .equals("1.0"));
    }

    /**
     * PostgreSQL stopped for 20 s under writes: each write is answered 201 or 503 with Retry-After, none is half
     * done, and nothing is lost or doubled once it is back.
     */
    @Test
    @Order(17)
    void postgresStoppedForTwentySecondsUnderWrites() throws Exception {
        assertNothingLostOrDoubledWhile(false, () -> {
            localStack("postgres", "stop");
            try {
                int unavailableAtStop = writes.unavailable.get();
                // the outage lasts 20 s, through which every service keeps answering its readiness probe
                await().during(Duration.ofSeconds(20)).atMost(Duration.ofSeconds(40))
                        .pollInterval(Duration.ofSeconds(2)).until(() -> {
                            for (int port : SERVICES.values()) {
                                readiness(port);
                            }
                            return true;
                        });
                assertThat(writes.unavailable.get()).as("writes answered 503 while PostgreSQL was away")
                        .isGreaterThan(unavailableAtStop);
            } finally {
                localStack("postgres", "start");
            }
        });
    }

    private static void assertDeadLettersAnswerBrokerAway() {
        Instant asked = Instant.now();
        given().header("Authorization", bearer("operator", "admin"))
                .when().get(interactionsUrl + "/api/v1/admin/dead-letters")
                .then().statusCode(503).contentType("application/problem+json").header("Retry-After", notNullValue());
        assertThat(Duration.between(asked, Instant.now())).as("the dead-letter API's answer while Kafka is away")
                .isLessThan(Duration.ofSeconds(5));
    }

    private static void assertEveryServiceReadyWithinASecond() {
        for (int port : SERVICES.values()) {
            Instant asked = Instant.now();
            assertThat(readiness(port)).as("readiness of the service on %d while Kafka is away", port).isEqualTo(200);
            assertThat(Duration.between(asked, Instant.now())).as("its readiness answer").isLessThan(
                    Duration.ofSeconds(1));
        }
    }

    private static int readiness(int port) {
        return given().config(RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.connection.timeout", 2_000).setParam("http.socket.timeout", 5_000)))
                .when().get("http://127.0.0.1:" + port + "/q/health/ready").statusCode();
    }

    /** A metric's value as the service serves it (one series without labels). */
    private static String metric(String url, String name) {
        return given().when().get(url + "/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith(name + " ")).map(line -> line.substring(name.length() + 1))
                .findFirst().orElse("");
    }

    /**
     * Every operation of every service that takes a body, sent bodies at its limit and past it, 8 at once, each
     * service running with its pod's memory limit: every answer is problem+json, no service exits, and each answers
     * as before afterwards. The public survey endpoint is sent them without a login.
     */
    @Test
    @Order(18)
    void bodiesAtAndPastEveryLimitStopNoService() throws Exception {
        for (Map.Entry<String, Integer> service : SERVICES.entrySet()) {
            String url = "http://127.0.0.1:" + service.getValue();
            // an admin may call every operation, so each reads (or refuses) its body rather than the caller
            assertThat(new BodyLimitStorm(url, bearer("storm-" + rep, "admin")).sendAtAndPastEachLimit())
                    .as("answers of %s to bodies at and past its limits", service.getKey()).isEmpty();
            processes.get(service.getKey()).awaitReady(Duration.ofSeconds(10));
            // every body read or refused has given its bytes back to the service's in-flight budget
            await().atMost(Duration.ofSeconds(10)).until(() -> metric(url, "rapport_http_body_in_flight_bytes")
                    .equals("0.0"));
        }
        postContact(30); // and the suite works as before
        given().header("Authorization", bearer(rep, "rep")).when().get(schedulerUrl + "/api/v1/tasks")
                .then().statusCode(200);
    }

    /**
     * A survey follows up only on the caller's own touch-point of the same contact: feedback-service asks
     * interactions-service, with the rep's token, for the interaction the survey names.
     */
    @Test
    @Order(19)
    void aSurveyFollowsUpOnlyOnTheContactsOwnInteraction() {
        String contact = postContact(30);
        String other = "other-" + UUID.randomUUID();
        String othersContact = given().header("Authorization", bearer(other, "rep")).contentType(ContentType.JSON)
                .body("{\"firstName\": \"Grace\"}").when().post(contactsUrl + "/api/v1/contacts")
                .then().statusCode(201).extract().path("id");
        String interaction = """
                {"contactId": "%s", "type": "CALL", "direction": "OUTBOUND", "occurredAt": "%s"}""";
        String own = post(interactionsUrl + "/api/v1/interactions", interaction.formatted(contact, Instant.now()))
                .getString("id");
        String others = given().header("Authorization", bearer(other, "rep")).contentType(ContentType.JSON)
                .body(interaction.formatted(othersContact, Instant.now()))
                .when().post(interactionsUrl + "/api/v1/interactions").then().statusCode(201).extract().path("id");
        String survey = """
                {"contactId": "%s", "kind": "NPS", "channel": "LINK", "contextType": "INTERACTION",
                 "contextId": "%s"}""";
        given().header("Authorization", bearer(rep, "rep")).contentType(ContentType.JSON)
                .body(survey.formatted(contact, others)).when().post(feedbackUrl + "/api/v1/surveys")
                .then().statusCode(422).body("violations[0].field", is("contextId"));
        post(feedbackUrl + "/api/v1/surveys", survey.formatted(contact, own));
    }

    /**
     * A client's email delivered into the rep's mailbox (the local stack's Dovecot) becomes an inbound interaction
     * and a RESPOND task; the rep's reply, appearing in Sent, answers it and the task is done. An out-of-office answer
     * and a newsletter from the client are captured and ask for nothing.
     */
    @Test
    @Order(20)
    void aClientsEmailIsCapturedAndTheRepsReplyClosesItsTask() throws Exception {
        String client = Mailbox.freshAddress("client");
        String contact = postContact(30, client);
        // capture knows the client's address once interactions-service has the contact from its event
        await().atMost(BOUND).until(() -> given().header("Authorization", bearer(rep, "rep"))
                .when().get(interactionsUrl + "/api/v1/contacts/" + contact + "/timeline").statusCode() == 200);
        String account = rep + "@rapport.local";
        post(interactionsUrl + "/api/v1/mailboxes", """
                {"host": "127.0.0.1", "port": 1143, "security": "STARTTLS", "username": "%s", "password": "rapport"}"""
                .formatted(account));
        String question = "<q-" + UUID.randomUUID() + "@example.com>";
        ImapAppend.into(account, "INBOX", ImapAppend.message(question, client, account, "A question on pricing", ""));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(taskKinds(contact)).contains("RESPOND"));

        ImapAppend.into(account, "INBOX", ImapAppend.message("<ooo-" + UUID.randomUUID() + "@example.com>", client,
                account, "Out of office", "Auto-Submitted: auto-replied\n"));
        ImapAppend.into(account, "INBOX", ImapAppend.message("<news-" + UUID.randomUUID() + "@example.com>", client,
                account, "Our newsletter", "List-Id: <news.example.com>\n"));
        ImapAppend.into(account, "Sent", ImapAppend.message("<a-" + UUID.randomUUID() + "@rapport.local>", account,
                client, "Re: A question on pricing", "In-Reply-To: " + question + "\n"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> tasksOf(contact)
                .body("items.find { it.kind == 'RESPOND' }.status", is("AUTO_RESOLVED")));
        JsonPath interactions = given().header("Authorization", bearer(rep, "rep")).queryParam("contactId", contact)
                .when().get(interactionsUrl + "/api/v1/interactions").then().statusCode(200).extract().jsonPath();
        assertThat(interactions.getList("items.subject")).containsExactlyInAnyOrder("A question on pricing",
                "Out of office", "Our newsletter", "Re: A question on pricing");
        assertThat(interactions.getList("items.source")).containsOnly("CAPTURED");
        assertThat(taskKinds(contact).stream().filter("RESPOND"::equals)).hasSize(1);
    }

    private List<String> taskKinds(String contact) {
        return tasksOf(contact).extract().path("items.kind");
    }

    /** Runs last: every test above has written free text, and the faults have driven every failure there is. */
    @Test
    @Order(99)
    void noServiceLoggedTheTextClientsSent() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> logs = Files.list(workDir)) {
            for (Path log : logs.filter(file -> file.toString().endsWith(".log")).toList()) {
                Files.readAllLines(log).stream().filter(line -> line.contains(PERSONAL))
                        .forEach(line -> found.add(log.getFileName() + ": " + line));
            }
        }
        assertThat(found).as("log lines holding what clients wrote in free text").isEmpty();
    }

    @Test
    @Order(10)
    void schedulerKilledAndRestartedUnderWrites() throws Exception {
        assertNothingLostOrDoubledWhile(false, () -> killAndRestart("scheduler-service"));
    }

    @Test
    @Order(11)
    void contactsServiceKilledAndRestartedUnderWrites() throws Exception {
        assertNothingLostOrDoubledWhile(true, () -> killAndRestart("contacts-service"));
    }

    @Test
    @Order(12)
    void poisonOnEveryConsumedTopicUnderWrites() throws Exception {
        // two poison records on each topic a service consumes: one that is not a CloudEvent, one whose data is not
        // JSON; each consumer of the topic dead-letters each of them alone, and applies everything else
        Map<String, Integer> expected = Map.of("rapport.scheduler.dlq.v1", 6, "rapport.interactions.dlq.v1", 2,
                "rapport.feedback.dlq.v1", 2);
        assertNothingLostOrDoubledWhile(false, expected, () -> {
            try (CloudEventSender sender = CloudEventSender.local()) {
                for (Topic topic : List.of(Topic.CONTACTS, Topic.INTERACTIONS, Topic.FEEDBACK)) {
                    sender.sendRecord(new ProducerRecord<>(topic.topicName(), POISON + UUID.randomUUID(), "{}"));
                    EventType type = Arrays.stream(EventType.values()).filter(t -> t.topic() == topic).findFirst()
                            .orElseThrow();
                    String key = POISON + UUID.randomUUID();
                    sender.sendRecord(CloudEventSender.record(type, UUID.randomUUID().toString(), key, key,
                            Instant.now(), "not json"));
                }
            }
        });
    }

    /**
     * Every Rapport metric that the Kubernetes alerts and the Grafana dashboard query (deploy/kubernetes/base/monitoring)
     * is one the running services serve. Runs last: the story, a redelivery, the faults and the poison records above
     * have made each of them count something.
     */
    /**
     * One trace from a request to the task it raises across services: an inbound email logged with the caller's
     * trace context (W3C traceparent) travels through interactions-service's outbox and Kafka to the scheduler,
     * which publishes the RESPOND task's task.created in the same trace.
     */
    @Test
    @Order(14)
    void oneTraceRunsFromARequestThroughTheEventsToTheTaskItRaises() {
        String contact = postContact(30);
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String traceParent = "00-" + traceId + "-" + traceId.substring(0, 16) + "-01";
        try (TopicWatcher interactions = TopicWatcher.local(Topic.INTERACTIONS.topicName());
                TopicWatcher tasks = TopicWatcher.local(Topic.TASKS.topicName())) {
            given().header("Authorization", bearer(rep, "rep")).header("traceparent", traceParent)
                    .contentType(ContentType.JSON)
                    .body("""
                            {"contactId": "%s", "type": "EMAIL", "direction": "INBOUND", "occurredAt": "%s",
                             "subject": "Where is my order?", "requiresResponse": true}"""
                            .formatted(contact, Instant.now()))
                    .when().post(interactionsUrl + "/api/v1/interactions").then().statusCode(201);

            ConsumerRecord<String, String> logged = interactions.await(r -> contact.equals(r.key()), BOUND);
            assertThat(TopicWatcher.header(logged, "traceparent")).as("interaction.logged's trace")
                    .startsWith("00-" + traceId + "-");
            ConsumerRecord<String, String> respond = tasks.await(r -> contact.equals(r.key())
                    && r.value().contains("\"RESPOND\""), BOUND);
            assertThat(TopicWatcher.header(respond, "traceparent")).as("the RESPOND task's task.created trace")
                    .startsWith("00-" + traceId + "-");
        }
    }

    @Test
    @Order(13)
    void theAlertsAndTheDashboardQueryMetricsTheServicesServe() throws IOException {
        ConsumerRecord<String, String> event;
        try (TopicWatcher contactsTopic = TopicWatcher.local(Topic.CONTACTS.topicName())) {
            String contact = postContact(30);
            event = contactsTopic.await(r -> contact.equals(r.key()), BOUND);
        }
        deliverAgain(event);

        Set<String> served = new TreeSet<>();
        for (int port : SERVICES.values()) {
            String exposition = given().when().get("http://127.0.0.1:" + port + "/q/metrics")
                    .then().statusCode(200).extract().asString();
            exposition.lines().filter(l -> !l.startsWith("#") && !l.isBlank())
                    .forEach(l -> served.add(l.split("[{ ]", 2)[0]));
        }
        Set<String> queried = new TreeSet<>();
        Pattern metric = Pattern.compile("\\b((?:rapport|http_server|jvm)_[a-z_]+)\\b");
        try (Stream<Path> files = Files.walk(ROOT.resolve("deploy/kubernetes/base/monitoring"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Matcher m = metric.matcher(Files.readString(file));
                while (m.find()) {
                    queried.add(m.group(1));
                }
            }
        }
        assertThat(queried).as("metrics the alerts and the dashboard query").contains(
                "rapport_outbox_oldest_age_seconds", "rapport_events_dead_lettered_total",
                "http_server_requests_seconds_bucket");
        assertThat(served).as("metrics the services serve").containsAll(queried);

        // the consumer's lag: one series per partition, under the topic's own name (Micrometer binds the Kafka
        // client's per-partition metrics on its periodic refresh, within a minute of the assignment)
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            List<String> lag = given().when().get(schedulerUrl + "/q/metrics").then().statusCode(200).extract()
                    .asString().lines().filter(l -> l.startsWith("kafka_consumer_fetch_manager_records_lag{")).toList();
            assertThat(lag).anySatisfy(l -> assertThat(l).contains("topic=\"rapport.contacts.v1\""));
            assertThat(lag).noneSatisfy(l -> assertThat(l).contains("topic=\"rapport_"));
        });
    }

    private static final String POISON = "poison-";
    /** Stands for personal data: the fault tests' writes carry it in free text, and no service may log it. */
    private static final String PERSONAL = "personal-" + UUID.randomUUID();

    /** The writes of the running fault test. */
    private Writes writes;

    private interface Fault {
        void inject() throws Exception;
    }

    /** Contacts created over HTTP by one writer, with the answers that were not 201. */
    private final class Writes implements Runnable {

        private final List<String> created = Collections.synchronizedList(new ArrayList<>());
        private final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
        private final AtomicInteger unavailable = new AtomicInteger();
        private final AtomicInteger unanswered = new AtomicInteger();
        private final AtomicBoolean writing = new AtomicBoolean(true);

        @Override
        public void run() {
            RestAssuredConfig timeouts = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                    .setParam("http.connection.timeout", 5_000).setParam("http.socket.timeout", 30_000));
            while (writing.get()) {
                try {
                    var response = given().config(timeouts).header("Authorization", bearer(rep, "rep"))
                            .contentType(ContentType.JSON)
                            .body("{\"firstName\": \"Ada\", \"lastName\": \"" + PERSONAL + "\", \"personalNotes\": \""
                                    + PERSONAL + "\", \"checkInCadenceDays\": 30}")
                            .when().post(contactsUrl + "/api/v1/contacts");
                    if (response.statusCode() == 201) {
                        created.add(response.path("id"));
                    } else if (response.statusCode() == 503 && response.header("Retry-After") != null) {
                        unavailable.incrementAndGet();
                    } else {
                        unexpected.add(response.statusCode() + " " + response.body().asString());
                    }
                } catch (Exception notAnswered) { // the service is down: the write was not acknowledged
                    unanswered.incrementAndGet();
                    LockSupport.parkNanos(Duration.ofMillis(50).toNanos()); // not a busy loop while it restarts
                }
            }
        }

        List<String> created() {
            return List.copyOf(created);
        }
    }

    private void assertNothingLostOrDoubledWhile(boolean serviceGoesDown, Fault fault) throws Exception {
        assertNothingLostOrDoubledWhile(serviceGoesDown, Map.of(), fault);
    }

    /**
     * @param serviceGoesDown     whether the fault stops the service written to, so some writes get no answer
     * @param poisonByDeadLetters how many poison records the fault sends each dead-letter topic's way
     */
    private void assertNothingLostOrDoubledWhile(boolean serviceGoesDown, Map<String, Integer> poisonByDeadLetters,
            Fault fault) throws Exception {
        Map<TopicPartition, Long> before = endOffsets(CONSUMED_TOPICS);
        writes = new Writes();
        Thread writer = new Thread(writes, "writer");
        Map<String, TopicWatcher> deadLetters = new HashMap<>();
        try (TopicWatcher contactsTopic = TopicWatcher.local(Topic.CONTACTS.topicName());
                TopicWatcher tasksTopic = TopicWatcher.local(Topic.TASKS.topicName())) {
            for (String topic : List.of("rapport.scheduler.dlq.v1", "rapport.interactions.dlq.v1",
                    "rapport.feedback.dlq.v1")) {
                deadLetters.put(topic, TopicWatcher.local(topic));
            }
            writer.start();
            await().atMost(BOUND).until(() -> writes.created().size() >= 20);
            fault.inject();
            int afterFault = writes.created().size();
            await().atMost(BOUND).until(() -> writes.created().size() >= afterFault + 20); // writes flow again
            writes.writing.set(false);
            writer.join(Duration.ofSeconds(60).toMillis());

            List<String> created = writes.created();
            if (!serviceGoesDown) {
                assertThat(writes.unanswered).as("writes not answered").hasValue(0);
            }
            assertThat(writes.unexpected).as("answers other than 201, 503 with Retry-After (%d) or none (%d)",
                    writes.unavailable.get(), writes.unanswered.get()).isEmpty();
            for (String contact : created) {
                given().header("Authorization", bearer(rep, "rep"))
                        .when().get(contactsUrl + "/api/v1/contacts/" + contact).then().statusCode(200);
            }
            Predicate<ConsumerRecord<String, String>> contactCreated = r -> created.contains(r.key())
                    && EventType.CONTACT_CREATED.cloudEventType().equals(TopicWatcher.header(r, "ce_type"));
            awaitDistinctKeys(contactsTopic, contactCreated, created.size());
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                for (String contact : created) {
                    tasksOf(contact).body("items", hasSize(1)).body("items[0].kind", is("CHECK_IN"));
                }
            });
            Predicate<ConsumerRecord<String, String>> taskCreated = r -> created.contains(r.key())
                    && EventType.TASK_CREATED.cloudEventType().equals(TopicWatcher.header(r, "ce_type"));
            awaitDistinctKeys(tasksTopic, taskCreated, created.size());
            // at-least-once: a relay killed between Kafka's acknowledgement and its delete sends the event again,
            // with the same id, which every consumer skips; one change is still one event
            assertThat(eventIdsByContact(contactsTopic, contactCreated)).as("contact.created ids per contact")
                    .hasSize(created.size()).allSatisfy((contact, ids) -> assertThat(ids).hasSize(1));
            assertThat(eventIdsByContact(tasksTopic, taskCreated)).as("task.created ids per contact")
                    .hasSize(created.size()).allSatisfy((contact, ids) -> assertThat(ids).hasSize(1));
            // every consumer of the contacts topic has read it to the end: nothing of this test can still go astray
            awaitConsumedToTheEnd(Topic.CONTACTS.topicName(), before, environments.get("interactions-service"),
                    environments.get("feedback-service"), environments.get("scheduler-service"));
            awaitConsumedToTheEnd(Topic.INTERACTIONS.topicName(), before, environments.get("scheduler-service"));
            awaitConsumedToTheEnd(Topic.FEEDBACK.topicName(), before, environments.get("scheduler-service"));
            for (Map.Entry<String, TopicWatcher> deadLetter : deadLetters.entrySet()) {
                assertThat(deadLetter.getValue().all(Duration.ofSeconds(1))).as("records dead-lettered to %s",
                        deadLetter.getKey()).extracting(ConsumerRecord::key)
                        .hasSize(poisonByDeadLetters.getOrDefault(deadLetter.getKey(), 0))
                        .allSatisfy(key -> assertThat(key).startsWith(POISON));
            }
        } finally {
            writes.writing.set(false);
            writer.join(Duration.ofSeconds(60).toMillis());
            deadLetters.values().forEach(TopicWatcher::close);
        }
    }

    private static void awaitDistinctKeys(TopicWatcher topic, Predicate<ConsumerRecord<String, String>> match,
            int keys) {
        await().atMost(Duration.ofSeconds(120)).until(() -> topic.all(Duration.ofMillis(200)).stream()
                .filter(match).map(ConsumerRecord::key).distinct().count() >= keys);
    }

    private static final List<String> CONSUMED_TOPICS = List.of(Topic.CONTACTS.topicName(),
            Topic.INTERACTIONS.topicName(), Topic.FEEDBACK.topicName());

    /**
     * Commits the end of every partition of the topics for a group not started yet. The services keep their own
     * {@code auto.offset.reset} (earliest), which never applies: a group reset to "latest" instead lost an event once,
     * when Kafka restarted before it had committed on the event's partition and the new assignment began at the end.
     */
    private static void startAtTheEnd(String group, List<String> topics) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> ends = new HashMap<>();
        endOffsets(topics).forEach((partition, end) -> ends.put(partition, new OffsetAndMetadata(end)));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092"))) {
            admin.alterConsumerGroupOffsets(group, ends).all().get();
        }
    }

    /** The end offset of every partition of the topics. */
    private static Map<TopicPartition, Long> endOffsets(List<String> topics) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092"))) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(topics).allTopicNames().get().forEach((topic, description) -> description
                    .partitions().forEach(partition -> latest.put(new TopicPartition(topic, partition.partition()),
                            OffsetSpec.latest())));
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((partition, info) -> ends.put(partition, info.offset()));
            return ends;
        }
    }

    /**
     * Waits until the consumer groups of these services have committed the end of every partition of the topic that
     * received records since {@code before} (a group that started at the end of a partition never written since
     * has nothing to commit there).
     */
    @SafeVarargs
    private static void awaitConsumedToTheEnd(String topic, Map<TopicPartition, Long> before,
            Map<String, String>... services) throws Exception {
        Map<TopicPartition, Long> ends = endOffsets(List.of(topic));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092"))) {
            for (Map<String, String> service : services) {
                String group = service.get("KAFKA_GROUP_ID");
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                            .partitionsToOffsetAndMetadata().get();
                    return ends.entrySet().stream().allMatch(end -> end.getValue().equals(before.get(end.getKey()))
                            || (committed.get(end.getKey()) != null
                                    && committed.get(end.getKey()).offset() >= end.getValue()));
                });
            }
        }
    }

    private static Map<String, Set<String>> eventIdsByContact(TopicWatcher topic,
            Predicate<ConsumerRecord<String, String>> match) {
        return topic.all(Duration.ofSeconds(2)).stream().filter(match).collect(Collectors.groupingBy(
                ConsumerRecord::key, Collectors.mapping(r -> TopicWatcher.header(r, "ce_id"), Collectors.toSet())));
    }

    /** Kills the service with SIGKILL and starts it again, as its orchestrator would. */
    private static void killAndRestart(String module) throws Exception {
        processes.remove(module).kill();
        ServiceProcess restarted = ServiceProcess.start(ROOT, module, SERVICES.get(module), environments.get(module),
                workDir);
        processes.put(module, restarted);
        restarted.awaitReady(Duration.ofSeconds(120));
    }

    private String postContact(int cadenceDays) {
        return postContact(cadenceDays, Mailbox.freshAddress("ada"));
    }

    private String postContact(int cadenceDays, String email) {
        return given().header("Authorization", bearer(rep, "rep"))
                .contentType(ContentType.JSON)
                .body("{\"firstName\": \"Ada\", \"lastName\": \"Lovelace\", \"emails\": [{\"address\": \"" + email
                        + "\"}], \"checkInCadenceDays\": " + cadenceDays + "}")
                .when().post(contactsUrl + "/api/v1/contacts")
                .then().statusCode(201)
                .extract().path("id");
    }

    private JsonPath post(String url, String body) {
        return given().header("Authorization", bearer(rep, "rep")).contentType(ContentType.JSON).body(body)
                .when().post(url).then().statusCode(201).extract().jsonPath();
    }

    private JsonPath agenda() {
        return given().header("Authorization", bearer(rep, "rep")).queryParam("days", 31)
                .when().get(schedulerUrl + "/api/v1/owners/" + rep + "/agenda")
                .then().statusCode(200).extract().jsonPath();
    }

    private ValidatableResponse awaitTasks(String contact, int count) {
        await().atMost(BOUND).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> tasksOf(contact).body("items", hasSize(count)));
        return tasksOf(contact);
    }

    private ValidatableResponse tasksOf(String contact) {
        return given().header("Authorization", bearer(rep, "rep"))
                .queryParam("contactId", contact)
                .when().get(schedulerUrl + "/api/v1/tasks")
                .then().statusCode(200);
    }

    private static void localStack(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("deploy/local/rapport").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("deploy/local/rapport " + String.join(" ", args) + " failed");
        }
    }

    private static Path copyResource(String resource, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " not on the test classpath");
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }
}
