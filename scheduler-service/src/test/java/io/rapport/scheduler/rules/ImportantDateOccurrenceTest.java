package io.rapport.scheduler.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.MonthDay;

import org.junit.jupiter.api.Test;

class ImportantDateOccurrenceTest {

    @Test
    void theNextOccurrenceIsThisYearsUntilItHasPassed() {
        MonthDay june15 = MonthDay.of(6, 15);
        assertThat(ImportantDateRule.nextOccurrence(june15, LocalDate.of(2027, 6, 1))).isEqualTo("2027-06-15");
        assertThat(ImportantDateRule.nextOccurrence(june15, LocalDate.of(2027, 6, 15))).isEqualTo("2027-06-15");
        assertThat(ImportantDateRule.nextOccurrence(june15, LocalDate.of(2027, 6, 16))).isEqualTo("2028-06-15");
    }

    @Test
    void aLeapDayFallsOnTheTwentyEighthInOtherYears() {
        MonthDay leapDay = MonthDay.of(2, 29);
        assertThat(ImportantDateRule.nextOccurrence(leapDay, LocalDate.of(2027, 1, 10))).isEqualTo("2027-02-28");
        assertThat(ImportantDateRule.nextOccurrence(leapDay, LocalDate.of(2027, 3, 1))).isEqualTo("2028-02-29");
    }
}
