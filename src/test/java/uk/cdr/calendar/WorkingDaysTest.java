package uk.cdr.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;

import org.junit.jupiter.api.Test;

class WorkingDaysTest {

    private static final ZoneId UK = ZoneId.of("Europe/London");
    private final WorkingDays workingDays = new WorkingDays(new BankHolidays(),
            new OfficeHours(LocalTime.of(9, 0), LocalTime.of(17, 0)));

    @Test
    void englandAndWalesBankHolidaysAreNotWorkingDays() {
        assertThat(workingDays.isWorkingDay(LocalDate.of(2015, 4, 3))).as("Good Friday 2015").isFalse();
        assertThat(workingDays.isWorkingDay(LocalDate.of(2015, 4, 6))).as("Easter Monday 2015").isFalse();
        assertThat(workingDays.isWorkingDay(LocalDate.of(2015, 12, 28))).as("Boxing Day 2015, substitute").isFalse();
        assertThat(workingDays.isWorkingDay(LocalDate.of(2015, 8, 31))).as("Summer bank holiday 2015").isFalse();
        assertThat(workingDays.isWorkingDay(LocalDate.of(2022, 9, 19))).as("State funeral 2022").isFalse();
        assertThat(workingDays.isWorkingDay(LocalDate.of(2015, 4, 7))).as("Tuesday after Easter").isTrue();
        assertThat(workingDays.isWorkingDay(LocalDate.of(2015, 8, 3))).as("Scotland only: 3 Aug 2015").isTrue();
        assertThat(workingDays.isWorkingDay(LocalDate.of(2015, 3, 17))).as("St Patrick's Day: NI only").isTrue();
    }

    @Test
    void officeHoursAreWeekdaysNineToFive() {
        assertThat(workingDays.isInHours(at(2015, 3, 10, 9, 0))).isTrue();
        assertThat(workingDays.isInHours(at(2015, 3, 10, 16, 59))).isTrue();
        assertThat(workingDays.isInHours(at(2015, 3, 10, 17, 0))).isFalse();
        assertThat(workingDays.isInHours(at(2015, 3, 10, 8, 59))).isFalse();
        assertThat(workingDays.isInHours(at(2015, 3, 14, 11, 0))).as("Saturday").isFalse();
        assertThat(workingDays.isInHours(at(2015, 4, 6, 11, 0))).as("Easter Monday").isFalse();
    }

    @Test
    void inHoursSomethingIsDueTheSameDayOutOfHoursAtNineTheNextWorkingDay() {
        assertThat(workingDays.sameOrNextWorkingDayDue(at(2015, 3, 10, 11, 30))).isEqualTo(at(2015, 3, 10, 17, 0));
        assertThat(workingDays.sameOrNextWorkingDayDue(at(2015, 3, 10, 19, 0))).isEqualTo(at(2015, 3, 11, 9, 0));
        assertThat(workingDays.sameOrNextWorkingDayDue(at(2015, 3, 10, 6, 0))).as("before opening")
                .isEqualTo(at(2015, 3, 10, 9, 0));
        assertThat(workingDays.sameOrNextWorkingDayDue(at(2015, 3, 13, 22, 0))).as("Friday night")
                .isEqualTo(at(2015, 3, 16, 9, 0));
        // Thursday before Easter, evening: Good Friday and Easter Monday are bank holidays.
        assertThat(workingDays.sameOrNextWorkingDayDue(at(2015, 4, 2, 18, 0))).isEqualTo(at(2015, 4, 7, 9, 0));
        assertThat(workingDays.sameOrNextWorkingDayDue(at(2015, 4, 6, 10, 0))).as("on Easter Monday")
                .isEqualTo(at(2015, 4, 7, 9, 0));
    }

    @Test
    void workingDaysAreAddedSkippingWeekendsAndBankHolidays() {
        assertThat(workingDays.plusWorkingDays(at(2015, 3, 10, 11, 0), 1)).isEqualTo(at(2015, 3, 11, 11, 0));
        assertThat(workingDays.plusWorkingDays(at(2015, 3, 13, 11, 0), 1)).isEqualTo(at(2015, 3, 16, 11, 0));
        assertThat(workingDays.plusWorkingDays(at(2015, 4, 2, 11, 0), 1)).isEqualTo(at(2015, 4, 7, 11, 0));
        assertThat(workingDays.plusWorkingDays(at(2015, 3, 10, 11, 0), 5)).isEqualTo(at(2015, 3, 17, 11, 0));
        assertThat(workingDays.plusWorkingDays(at(2015, 3, 14, 20, 0), 1)).as("from Saturday: Monday opening + 1")
                .isEqualTo(at(2015, 3, 17, 9, 0));
        assertThatThrownBy(() -> workingDays.plusWorkingDays(at(2015, 3, 10, 11, 0), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void localTimeIsUkTimeAcrossTheClockChange() {
        // 29 March 2015: clocks go forward. 09:00 BST Monday is 08:00 UTC.
        assertThat(workingDays.nextOpening(at(2015, 3, 28, 12, 0)).toInstant().toString())
                .isEqualTo("2015-03-30T08:00:00Z");
    }

    @Test
    void officeHoursMustOpenBeforeTheyClose() {
        assertThatThrownBy(() -> new OfficeHours(LocalTime.of(17, 0), LocalTime.of(9, 0)))
                .hasMessageContaining("cdr.calendar.opens");
    }

    private static Date at(int year, int month, int day, int hour, int minute) {
        return Date.from(LocalDateTime.of(year, month, day, hour, minute).atZone(UK).toInstant());
    }
}
