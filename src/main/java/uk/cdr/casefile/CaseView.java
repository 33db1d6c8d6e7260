package uk.cdr.casefile;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The case file as the SPOC and the Designated Doctor see it. */
public record CaseView(UUID id, String reference, String status, String childFirstName, String childLastName,
        LocalDate dateOfBirth, LocalDate dateOfDeath, String nhsNumber, String sex, String placeOfDeath,
        int ageAtDeathDays, boolean neonatal, boolean outOfHours, OffsetDateTime notifiedAt, String notifiedExpected,
        String suggestedClassification, String deathClassification, String classifiedBy,
        boolean scrUnderConsideration) {

    /** Age at death as a clinician says it: days for a neonate, weeks in the first year, then years and months. */
    public String ageAtDeath() {
        if (ageAtDeathDays < 28) {
            return ageAtDeathDays + (ageAtDeathDays == 1 ? " day" : " days");
        }
        if (ageAtDeathDays < 365) {
            return ageAtDeathDays / 7 + " weeks";
        }
        java.time.Period age = java.time.Period.between(dateOfBirth, dateOfDeath);
        return age.getYears() + (age.getYears() == 1 ? " year" : " years")
                + (age.getMonths() == 0 ? "" : " " + age.getMonths() + (age.getMonths() == 1 ? " month" : " months"));
    }

    /** The day of a moment in words, e.g. "31 March 2015"; blank for none. */
    public String day(OffsetDateTime moment) {
        return uk.cdr.web.UkDates.inWords(moment);
    }

    public String date(LocalDate date) {
        return uk.cdr.web.UkDates.inWords(date);
    }

    public String label(String code) {
        return uk.cdr.web.CodeLabels.label(code);
    }
}
