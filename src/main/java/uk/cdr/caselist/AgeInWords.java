package uk.cdr.caselist;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;

/** An age as a clinician says it: days for a neonate, weeks in the first year, then years and months. */
final class AgeInWords {

    private AgeInWords() {
    }

    static String at(LocalDate dateOfBirth, LocalDate dateOfDeath) {
        if (dateOfBirth == null || dateOfDeath == null) {
            return null;
        }
        long days = ChronoUnit.DAYS.between(dateOfBirth, dateOfDeath);
        if (days < 28) {
            return days + (days == 1 ? " day" : " days");
        }
        if (days < 365) {
            return days / 7 + " weeks";
        }
        Period age = Period.between(dateOfBirth, dateOfDeath);
        return age.getYears() + (age.getYears() == 1 ? " year" : " years")
                + (age.getMonths() == 0 ? "" : " " + age.getMonths() + (age.getMonths() == 1 ? " month" : " months"));
    }
}
