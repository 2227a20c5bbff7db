package io.rapport.scheduler.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class BusinessHoursTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    private final BusinessHours hours = new BusinessHours(LocalTime.of(9, 0), LocalTime.of(17, 0), WEEKDAYS, PARIS);

    @Test
    void timeWithinTheDayIsAddedAsIs() {
        assertThat(hours.plus(paris("2026-03-03T10:00"), Duration.ofHours(4))).isEqualTo(paris("2026-03-03T14:00"));
    }

    @Test
    void theClockStartsAtOpeningForMessagesThatArriveBeforeIt() {
        assertThat(hours.plus(paris("2026-03-03T06:30"), Duration.ofHours(8))).isEqualTo(paris("2026-03-03T17:00"));
    }

    @Test
    void whatIsLeftAtClosingCarriesOverToTheNextWorkingDay() {
        assertThat(hours.plus(paris("2026-03-03T16:00"), Duration.ofHours(8))).isEqualTo(paris("2026-03-04T16:00"));
    }

    @Test
    void weekendsDoNotCount() {
        // Friday 16:00 + 8 business hours: one hour on Friday, seven on Monday
        assertThat(hours.plus(paris("2026-03-06T16:00"), Duration.ofHours(8))).isEqualTo(paris("2026-03-09T16:00"));
        // a message on Saturday is answered by Monday's closing
        assertThat(hours.plus(paris("2026-03-07T11:00"), Duration.ofHours(8))).isEqualTo(paris("2026-03-09T17:00"));
    }

    @Test
    void hoursAreReadInTheZonesLocalTimeAcrossDaylightSavingChanges() {
        // Paris moves to summer time on Sunday 29 March 2026: Monday 10:00 there is 08:00 UTC, not 09:00 UTC
        assertThat(hours.plus(paris("2026-03-27T17:00"), Duration.ofHours(1)))
                .isEqualTo(Instant.parse("2026-03-30T08:00:00Z"));
    }

    @Test
    void aSlaLongerThanADaySpansSeveralWorkingDays() {
        assertThat(hours.plus(paris("2026-03-05T09:00"), Duration.ofHours(24))).isEqualTo(paris("2026-03-09T17:00"));
    }

    @Test
    void hoursThatCloseBeforeTheyOpenAreRefused() {
        assertThatThrownBy(() -> new BusinessHours(LocalTime.of(17, 0), LocalTime.of(9, 0), WEEKDAYS, PARIS))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BusinessHours(LocalTime.of(9, 0), LocalTime.of(17, 0), Set.of(), PARIS))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Instant paris(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(PARIS).toInstant();
    }
}
