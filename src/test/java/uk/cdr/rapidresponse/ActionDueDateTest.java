package uk.cdr.rapidresponse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** An action's due date typed on the rapid response outcome form is read day first, and only so. */
class ActionDueDateTest {

    @Test
    void dayFirstAlwaysAndIsoFromApiClients() {
        assertThat(RapidResponses.dueDate(" 03/04/2027 ")).isEqualTo(LocalDate.of(2027, 4, 3));
        assertThat(RapidResponses.dueDate("30/11/2026")).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(RapidResponses.dueDate("2027-04-03")).isEqualTo(LocalDate.of(2027, 4, 3));
    }

    @Test
    void notADateIsNone() {
        assertThat(RapidResponses.dueDate("31/02/2027")).isNull();
        assertThat(RapidResponses.dueDate("11/30/2026")).isNull();
        assertThat(RapidResponses.dueDate("soon")).isNull();
        assertThat(RapidResponses.dueDate("3/4/27")).isNull();
    }
}
