package uk.cdr.child;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** Ages as people say them: days under 4 weeks, weeks under 3 months, months under a year, then years and months. */
class AgeTest {

    private static String age(LocalDate born, LocalDate died) {
        return Age.inWords(born, died);
    }

    @Test
    void aSchoolChildIsInYearsAndMonths() {
        // 4,187 days, as the case page used to say.
        LocalDate born = LocalDate.of(2003, 6, 10);
        LocalDate died = born.plusDays(4187);
        assertThat(died).isEqualTo(LocalDate.of(2014, 11, 26));
        assertThat(age(born, died)).isEqualTo("11 years 5 months");
        assertThat(age(LocalDate.of(2012, 6, 10), LocalDate.of(2015, 3, 1))).isEqualTo("2 years 8 months");
        assertThat(age(LocalDate.of(2010, 3, 9), LocalDate.of(2015, 3, 9))).isEqualTo("5 years");
        assertThat(age(LocalDate.of(2014, 2, 9), LocalDate.of(2015, 3, 10))).isEqualTo("1 year 1 month");
    }

    @Test
    void aBabyIsInDaysThenWeeksThenMonths() {
        LocalDate born = LocalDate.of(2014, 11, 2);
        assertThat(age(born, born)).isEqualTo("under 1 day");
        assertThat(age(born, born.plusDays(1))).isEqualTo("1 day");
        assertThat(age(born, born.plusDays(27))).isEqualTo("27 days");
        assertThat(age(born, born.plusDays(28))).isEqualTo("4 weeks");
        assertThat(age(born, LocalDate.of(2015, 2, 1))).isEqualTo("13 weeks"); // 2 months 30 days
        assertThat(age(born, LocalDate.of(2015, 2, 2))).isEqualTo("3 months");
        assertThat(age(born, LocalDate.of(2015, 3, 9))).isEqualTo("4 months");
        assertThat(age(born, LocalDate.of(2015, 11, 1))).isEqualTo("11 months");
        assertThat(age(born, LocalDate.of(2015, 11, 2))).isEqualTo("1 year");
    }

    @Test
    void anAgeAndItsBandAgreeAtABirthday() {
        LocalDate born = LocalDate.of(2012, 2, 29);
        assertThat(age(born, LocalDate.of(2013, 2, 28))).isEqualTo("11 months");
        assertThat(AgeBand.at(born, LocalDate.of(2013, 2, 28))).isEqualTo(AgeBand.DAYS_28_364);
        assertThat(age(born, LocalDate.of(2013, 3, 1))).isEqualTo("1 year");
        assertThat(AgeBand.at(born, LocalDate.of(2013, 3, 1))).isEqualTo(AgeBand.YEARS_1_4);
    }

    @Test
    void anUnknownDateGivesNotKnown() {
        assertThat(Age.inWords(null, LocalDate.of(2015, 3, 9))).isEqualTo("not known");
        assertThat(Age.at(LocalDate.of(2014, 11, 2), null)).isNull();
    }
}
