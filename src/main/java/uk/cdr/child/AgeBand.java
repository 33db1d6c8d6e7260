package uk.cdr.child;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;

/**
 * The age bands of the annual statistics (domain.md): days for the first 28 days of life
 * (neonatal), then the first birthday divides 28-364 days from 1-4 years. The panel sees a case's
 * age as its band, because an exact age beside the date of death gives the date of birth.
 */
public enum AgeBand {

    DAYS_0_27("days-0-27", "0-27 days (neonatal)", "0 to 27 days"),
    DAYS_28_364("days-28-364", "28-364 days", "28 days to 364 days"),
    YEARS_1_4("years-1-4", "1-4 years", "1 to 4 years"),
    YEARS_5_9("years-5-9", "5-9 years", "5 to 9 years"),
    YEARS_10_14("years-10-14", "10-14 years", "10 to 14 years"),
    YEARS_15_17("years-15-17", "15-17 years", "15 to 17 years");

    private final String code;
    private final String tableLabel;
    private final String words;

    AgeBand(String code, String tableLabel, String words) {
        this.code = code;
        this.tableLabel = tableLabel;
        this.words = words;
    }

    /**
     * Completed years as java.time.Period counts them, as the statistics' SQL does: a child is a
     * year older from the birthday, and a 29 February birthday comes on 1 March in other years.
     */
    public static AgeBand at(LocalDate dateOfBirth, LocalDate dateOfDeath) {
        if (ChronoUnit.DAYS.between(dateOfBirth, dateOfDeath) < 28) {
            return DAYS_0_27;
        }
        int years = Period.between(dateOfBirth, dateOfDeath).getYears();
        if (years < 1) {
            return DAYS_28_364;
        }
        if (years < 5) {
            return YEARS_1_4;
        }
        if (years < 10) {
            return YEARS_5_9;
        }
        return years < 15 ? YEARS_10_14 : YEARS_15_17;
    }

    /** The band in words, or "not known" for a case without a date of birth. */
    public static String inWords(LocalDate dateOfBirth, LocalDate dateOfDeath) {
        return dateOfBirth == null || dateOfDeath == null ? "not known" : at(dateOfBirth, dateOfDeath).words();
    }

    /** The key the statistics' tables and CSV files use. */
    public String code() {
        return code;
    }

    /** The row label of the "deaths by age" table. */
    public String tableLabel() {
        return tableLabel;
    }

    /** The band in words, e.g. "28 days to 364 days". */
    public String words() {
        return words;
    }
}
