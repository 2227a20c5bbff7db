package io.rapport.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.rapport.events.contract.FeedbackReceived;
import io.rapport.feedback.mapping.SurveyMapper;

class ClassificationTest {

    @ParameterizedTest
    @CsvSource({ "0, DETRACTOR", "1, DETRACTOR", "6, DETRACTOR", "7, PASSIVE", "8, PASSIVE", "9, PROMOTER",
            "10, PROMOTER" })
    void npsClassBoundaries(int score, NpsClass expected) {
        assertThat(NpsClass.of(score)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({ "1, DISSATISFIED", "2, DISSATISFIED", "3, NEUTRAL", "4, SATISFIED", "5, SATISFIED" })
    void csatClassBoundaries(int score, CsatClass expected) {
        assertThat(CsatClass.of(score)).isEqualTo(expected);
    }

    @Test
    void scoresOutsideTheScalesAreRejected() {
        assertThatThrownBy(() -> NpsClass.of(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NpsClass.of(11)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CsatClass.of(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CsatClass.of(6)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void feedbackReceivedCarriesTheCommentsLengthNeverItsText() {
        SurveyRequest request = new SurveyRequest();
        request.id = UUID.randomUUID();
        request.contextId = UUID.randomUUID();
        SurveyResponse response = new SurveyResponse();
        response.contactId = UUID.randomUUID();
        response.owner = "alice";
        response.npsScore = 8;
        response.csatScore = 2;
        response.comment = "Slow to answer";
        response.source = ResponseSource.REP;
        response.receivedAt = Instant.parse("2026-03-01T12:00:00Z");

        FeedbackReceived received = SurveyMapper.received(request, response);
        assertThat(received.commentLength()).isEqualTo(14);
        assertThat(received.npsClass()).isEqualTo("PASSIVE");
        assertThat(received.csatClass()).isEqualTo("DISSATISFIED");
        assertThat(received.contextId()).isEqualTo(request.contextId);
        assertThat(received.source()).isEqualTo("REP");


        response.comment = null;
        assertThat(SurveyMapper.received(request, response).commentLength()).isZero();
    }
}
