package io.rapport.scheduler.task;

import static io.rapport.events.testing.TestTokens.bearer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.events.EventType;
import io.rapport.events.Topic;
import io.rapport.events.testing.CloudEventSender;
import io.rapport.events.testing.ConsumerAssignments;
import io.rapport.events.testing.TopicWatcher;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;

@QuarkusTest
class TaskActionsTest {

    private static final Duration BOUND = Duration.ofSeconds(30);

    @Inject
    KafkaClientService kafka;

    private final CloudEventSender sender = CloudEventSender.local();
    private final String rep = "rep-" + UUID.randomUUID();

    @BeforeEach
    void awaitPartitionAssignment() {
        ConsumerAssignments.await(kafka, "contact-events");
    }

    @AfterEach
    void close() {
        sender.close();
    }

    @Test
    void aReadNamingTheCurrentETagInIfNoneMatchIs304() {
        String task = checkInTask();
        as(rep).header("If-None-Match", "\"0\"").when().get("/api/v1/tasks/" + task)
                .then().statusCode(304).header("ETag", is("\"0\"")).body(is(""));
        as(rep).header("If-Match", "\"0\"").body("{}").when().post("/api/v1/tasks/" + task + "/complete")
                .then().statusCode(200);
        as(rep).header("If-None-Match", "\"0\"").when().get("/api/v1/tasks/" + task)
                .then().statusCode(200).header("ETag", is("\"1\"")).body("status", is("COMPLETED"));
    }

    @Test
    void completeNeedsTheCurrentVersionAndPublishesTaskCompleted() throws Exception {
        String task = checkInTask();
        as(rep).body("{\"note\": \"called her\"}").when().post("/api/v1/tasks/" + task + "/complete")
                .then().statusCode(428);
        as(rep).header("If-Match", "\"5\"").body("{}").when().post("/api/v1/tasks/" + task + "/complete")
                .then().statusCode(412);
        try (TopicWatcher topic = TopicWatcher.local(Topic.TASKS.topicName())) {
            as(rep).header("If-Match", "\"0\"").body("{\"note\": \"called her\"}")
                    .when().post("/api/v1/tasks/" + task + "/complete")
                    .then().statusCode(200).body("status", is("COMPLETED"))
                    .body("resolution", is("completed by " + rep + ": called her"))
                    .header("ETag", is("\"1\""));
            // the task's own task.created may still be on its way: wait for the completion among what arrives
            String completed = topic.await(r -> r.value().contains(task)
                    && "rapport.task.completed.v1".equals(TopicWatcher.header(r, "ce_type")), BOUND).value();
            assertThat(new ObjectMapper().readTree(completed).get("status").asText()).isEqualTo("COMPLETED");
        }
        as(rep).header("If-Match", "\"1\"").body("{}").when().post("/api/v1/tasks/" + task + "/complete")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void snoozeNeedsAFutureTimeAndDismissNeedsAReason() {
        String task = checkInTask();
        as(rep).header("If-Match", "\"0\"").body("{\"until\": \"2020-01-01T00:00:00Z\"}")
                .when().post("/api/v1/tasks/" + task + "/snooze")
                .then().statusCode(400).body("violations[0].field", is("until"));
        as(rep).header("If-Match", "\"0\"").body("{}").when().post("/api/v1/tasks/" + task + "/snooze")
                .then().statusCode(400);
        String until = Instant.now().plus(Duration.ofDays(3)).toString();
        as(rep).header("If-Match", "\"0\"").body("{\"until\": \"" + until + "\"}")
                .when().post("/api/v1/tasks/" + task + "/snooze")
                .then().statusCode(200).body("status", is("SNOOZED"));

        as(rep).header("If-Match", "\"1\"").body("{\"reason\": \" \"}").when().post("/api/v1/tasks/" + task + "/dismiss")
                .then().statusCode(400);
        as(rep).header("If-Match", "\"1\"").body("{\"reason\": \"moved abroad\"}")
                .when().post("/api/v1/tasks/" + task + "/dismiss")
                .then().statusCode(200).body("status", is("DISMISSED")).body("resolution", startsWith("dismissed by"));
    }

    @Test
    void onlyTheOwnerOrAManagerActsOnATask() {
        String task = checkInTask();
        as("someone-else").header("If-Match", "\"0\"").body("{}").when().post("/api/v1/tasks/" + task + "/complete")
                .then().statusCode(404);
        given().header("Authorization", bearer("ivy", "integrator")).contentType(ContentType.JSON)
                .header("If-Match", "\"0\"").body("{}").when().post("/api/v1/tasks/" + task + "/complete")
                .then().statusCode(403);
        given().header("Authorization", bearer("carol", "manager")).contentType(ContentType.JSON)
                .header("If-Match", "\"0\"").body("{}").when().post("/api/v1/tasks/" + task + "/complete")
                .then().statusCode(200);
    }

    private String checkInTask() {
        UUID contact = UUID.randomUUID();
        Instant created = Instant.parse("2026-05-01T09:00:00Z");
        sender.send(EventType.CONTACT_CREATED, UUID.randomUUID().toString(), contact.toString(), contact.toString(),
                created, """
                        {"id": "%s", "version": 0, "owner": "%s", "firstName": "Ada", "displayName": "Ada",
                         "checkInCadenceDays": 30, "createdAt": "%s", "updatedAt": "%s"}"""
                        .formatted(contact, rep, created, created));
        return await().atMost(BOUND).until(() -> as(rep).queryParam("contactId", contact.toString())
                .when().get("/api/v1/tasks").then().statusCode(200).extract().<String>path("items[0].id"),
                id -> id != null);
    }

    private static RequestSpecification as(String user) {
        return given().header("Authorization", bearer(user, "rep")).contentType(ContentType.JSON);
    }
}
