package io.rapport.scheduler.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.rapport.events.EventType;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;

/** RESPOND with the production setting: an SLA of 8 business hours, counted in the contact's time zone. */
@QuarkusTest
@TestProfile(BusinessHoursRespondTest.BusinessHours.class)
class BusinessHoursRespondTest {

    public static class BusinessHours implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("rapport.rules.respond.business-hours.enabled", "true",
                    "rapport.rules.respond.sla", "8h");
        }
    }

    @Inject
    KafkaClientService kafka;

    private final RulesFixture fixture = new RulesFixture();

    @BeforeEach
    void setUp() {
        fixture.awaitAssignment(kafka);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aMessageOnFridayAfternoonInNewYorkIsDueOnMondayAfternoonThere() {
        fixture.send(EventType.CONTACT_CREATED, """
                {"id": "%s", "version": 0, "owner": "%s", "firstName": "Ada", "displayName": "Ada Lovelace",
                 "lifecycleStage": "ACTIVE_CUSTOMER", "checkInCadenceDays": 30, "timezone": "America/New_York",
                 "createdAt": "%s", "updatedAt": "%s"}""".formatted(fixture.contact, fixture.rep,
                RulesFixture.CREATED, RulesFixture.CREATED));
        fixture.awaitTask("CHECK_IN", "OPEN", "2026-04-01T09:00:00Z");

        // Friday 6 March 2026, 16:00 in New York (21:00 UTC): one business hour that day, seven on Monday
        fixture.interaction(UUID.randomUUID(), 0, "EMAIL", "INBOUND", Instant.parse("2026-03-06T21:00:00Z"), true,
                null, null);
        JsonPath tasks = fixture.awaitTask("RESPOND", "OPEN", "2026-03-09T20:00:00Z"); // Monday 16:00 EDT
        assertThat(tasks.getString("items.find { it.kind == 'RESPOND' }.reason")).isEqualTo(
                "Inbound email on 2026-03-06 awaits a reply; response SLA 8 business hours (09:00-17:00 America/New_York)");
    }

    @Test
    void forAContactWithoutATimeZoneTheTeamsBusinessHoursApply() {
        fixture.contactEvent(EventType.CONTACT_CREATED, 0, "ACTIVE_CUSTOMER", false); // no time zone: the team's, UTC
        fixture.awaitTask("CHECK_IN", "OPEN", "2026-04-01T09:00:00Z");

        // a message on Saturday is due by Monday's closing
        fixture.interaction(UUID.randomUUID(), 0, "MESSAGE", "INBOUND", Instant.parse("2026-03-07T11:00:00Z"), true,
                null, null);
        fixture.awaitTask("RESPOND", "OPEN", "2026-03-09T17:00:00Z");
    }
}
