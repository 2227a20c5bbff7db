package io.rapport.rest.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InFlightBytesTest {

    @Test
    void bodiesAreTakenUntilTheBudgetIsFullAndFitAgainOnceGivenBack() {
        InFlightBytes budget = new InFlightBytes(1_000);
        assertThat(budget.tryTake(600)).isTrue();
        assertThat(budget.tryTake(400)).isTrue();
        assertThat(budget.tryTake(1)).as("a full budget").isFalse();
        assertThat(budget.taken()).as("a refused body takes nothing").isEqualTo(1_000);
        budget.giveBack(600);
        assertThat(budget.tryTake(500)).isTrue();
        assertThat(budget.taken()).isEqualTo(900);
    }

    @Test
    void oneBodyAloneFitsWhateverItsSize() {
        InFlightBytes budget = new InFlightBytes(1_000);
        assertThat(budget.tryTake(5_000)).isTrue();
        assertThat(budget.tryTake(1)).isFalse();
        budget.giveBack(5_000);
        assertThat(budget.taken()).isZero();
    }
}
