package io.rapport.feedback.rest;

import static io.rapport.feedback.testing.FeedbackApi.BOUND;
import static io.rapport.feedback.testing.FeedbackApi.client;
import static io.rapport.feedback.testing.FeedbackApi.createSurvey;
import static io.rapport.feedback.testing.FeedbackApi.freshAddress;
import static io.rapport.feedback.testing.FeedbackApi.knownContact;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.rapport.events.Topic;
import io.rapport.events.testing.CloudEventSender;
import io.rapport.events.testing.TopicWatcher;
import io.rapport.feedback.testing.FeedbackApi;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;

/** A deployment that lets comments travel (rapport.feedback.events.include-comment=true) gets them in events. */
@QuarkusTest
@TestProfile(CommentInEventsTest.CommentsAllowed.class)
class CommentInEventsTest {

    public static class CommentsAllowed implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("rapport.feedback.events.include-comment", "true");
        }
    }

    private final CloudEventSender sender = CloudEventSender.local();
    private final String alice = "alice-" + UUID.randomUUID();

    @Inject
    KafkaClientService kafka;

    @BeforeEach
    void awaitPartitionAssignment() {
        FeedbackApi.awaitPartitionAssignment(kafka);
    }

    @AfterEach
    void close() {
        sender.close();
    }

    @Test
    void feedbackReceivedCarriesTheComment() throws Exception {
        UUID contact = knownContact(sender, alice, "Ada", null);
        String token = createSurvey(alice, contact, "CSAT").getString("token");
        try (TopicWatcher topic = TopicWatcher.local(Topic.FEEDBACK.topicName())) {
            client(freshAddress()).body("{\"csatScore\": 2, \"comment\": \"Nobody called back\"}")
                    .when().post("/api/v1/public/surveys/" + token + "/response").then().statusCode(201);
            ConsumerRecord<String, String> event = topic.await(r -> contact.toString().equals(r.key())
                    && "rapport.feedback.received.v1".equals(TopicWatcher.header(r, "ce_type")), BOUND);
            JsonNode data = new ObjectMapper().readTree(event.value());
            assertThat(data.get("comment").asText()).isEqualTo("Nobody called back");
            assertThat(data.get("commentLength").asInt()).isEqualTo(18);
            assertThat(data.get("csatClass").asText()).isEqualTo("DISSATISFIED");
            assertThat(data.get("npsScore").isNull()).isTrue();
        }
    }
}
