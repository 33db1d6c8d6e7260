package uk.cdr.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Dates typed in three boxes are read day first only, and named problems follow GOV.UK's wording. */
class DateInputTest {

    private static DateInput typed(String day, String month, String year) {
        return DateInput.read(Map.of("on-day", day, "on-month", month, "on-year", year), "on");
    }

    @Test
    void readsTheDayFirstWhateverTheNumbers() {
        assertThat(typed("30", "11", "2026").date()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(typed("03", "04", "2020").date()).isEqualTo(LocalDate.of(2020, 4, 3));
        assertThat(typed(" 3 ", "4", "2020").iso()).isEqualTo("2020-04-03");
    }

    @Test
    void namesWhatIsMissingOrNotAReadDate() {
        assertThat(typed("30", "", "2026").problem()).isEqualTo("must include a month");
        assertThat(typed("", "11", "").problem()).isEqualTo("must include a day and year");
        assertThat(typed("31", "11", "2026").problem()).isEqualTo("must be a real date");
        assertThat(typed("29", "2", "2027").problem()).isEqualTo("must be a real date");
        assertThat(typed("1", "13", "2026").problem()).isEqualTo("must be a real date");
        assertThat(typed("x", "1", "2026").problem()).isEqualTo("must be a real date");
        assertThat(typed("1", "1", "26").problem()).isEqualTo("must include a year with 4 numbers, for example 2007");
        assertThat(typed("31", "11", "2026").date()).isNull();
    }

    @Test
    void nothingTypedIsBlankNotAProblem() {
        DateInput none = DateInput.read(Map.of(), "on");
        assertThat(none.blank()).isTrue();
        assertThat(none.problem()).isNull();
        assertThat(none.iso()).isNull();
    }

    @Test
    void aStoredDateIsShownBackInTheBoxes() {
        assertThat(DateInput.of("on", LocalDate.of(2020, 4, 3))).isEqualTo(new DateInput("on", "3", "4", "2020"));
        assertThat(DateInput.ofIso("on", "2026-11-30")).isEqualTo(new DateInput("on", "30", "11", "2026"));
        assertThat(DateInput.ofIso("on", "not a date").blank()).isTrue();
    }

    @Test
    void datesAreShownInWordsAndTimesToTheMinute() {
        assertThat(UkDates.inWords(LocalDate.of(2026, 11, 30))).isEqualTo("30 November 2026");
        assertThat(UkDates.inWords(LocalDate.of(2020, 4, 3))).isEqualTo("3 April 2020");
        assertThat(UkDates.withWeekday(LocalDate.of(2026, 11, 30))).isEqualTo("Monday 30 November 2026");
        // 13:05 UTC in British Summer Time is 14:05 in England.
        assertThat(UkDates.withTime(OffsetDateTime.parse("2020-04-03T13:05:00Z"))).isEqualTo("3 April 2020 at 14:05");
        assertThat(UkDates.withTime(OffsetDateTime.parse("2026-11-30T14:05:59Z"))).isEqualTo("30 November 2026 at 14:05");
        assertThat(UkDates.time(LocalTime.of(14, 5))).isEqualTo("14:05");
        assertThat(UkDates.inWords((LocalDate) null)).isEmpty();
    }
}
