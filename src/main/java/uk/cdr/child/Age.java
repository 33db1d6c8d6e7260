package uk.cdr.child;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;

/**
 * A child's age at death as a clinician says it, never as a count of days ("4187 days" asks the
 * reader to divide): under 4 weeks in days ("6 days"), under 3 months in completed weeks
 * ("9 weeks"), under 1 year in completed months ("7 months"), then years and months
 * ("11 years 5 months", "2 years"). Months and years are calendar ones, as java.time.Period counts
 * them and as {@link AgeBand} does, so an age and its band never disagree at a birthday.
 */
public record Age(LocalDate dateOfBirth, LocalDate dateOfDeath) {

    private static final int FOUR_WEEKS = 28;

    /** The age, or null when either date is not known (some imported cases). */
    public static Age at(LocalDate dateOfBirth, LocalDate dateOfDeath) {
        return dateOfBirth == null || dateOfDeath == null ? null : new Age(dateOfBirth, dateOfDeath);
    }

    /** The age in words, or "not known" when either date is missing. */
    public static String inWords(LocalDate dateOfBirth, LocalDate dateOfDeath) {
        Age age = at(dateOfBirth, dateOfDeath);
        return age == null ? "not known" : age.inWords();
    }

    /** Whole days lived: what the statistics and the neonatal rule count. */
    public long days() {
        return ChronoUnit.DAYS.between(dateOfBirth, dateOfDeath);
    }

    public String inWords() {
        long days = days();
        if (days < FOUR_WEEKS) {
            return days == 0 ? "under 1 day" : count(days, "day");
        }
        Period period = Period.between(dateOfBirth, dateOfDeath);
        if (period.getYears() == 0 && period.getMonths() < 3) {
            return count(days / 7, "week");
        }
        if (period.getYears() == 0) {
            return count(period.getMonths(), "month");
        }
        return count(period.getYears(), "year") + (period.getMonths() == 0 ? "" : " " + count(period.getMonths(), "month"));
    }

    private static String count(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    @Override
    public String toString() {
        return inWords();
    }
}
