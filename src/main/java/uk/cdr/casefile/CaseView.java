package uk.cdr.casefile;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import uk.cdr.area.Area;

/** The case file as the SPOC and the Designated Doctor see it. */
public record CaseView(UUID id, String reference, String status, String childFirstName, String childLastName,
        LocalDate dateOfBirth, LocalDate dateOfDeath, String nhsNumber, String sex, String placeOfDeath,
        int ageAtDeathDays, boolean neonatal, boolean outOfHours, OffsetDateTime notifiedAt, String notifiedExpected,
        String suggestedClassification, String deathClassification, String classifiedBy,
        boolean scrUnderConsideration, Area area) {

    /** Age at death in words, e.g. "11 years 5 months" (see {@link uk.cdr.child.Age} for the rule). */
    public String ageAtDeath() {
        return dateOfBirth == null ? ageAtDeathDays + (ageAtDeathDays == 1 ? " day" : " days")
                : uk.cdr.child.Age.inWords(dateOfBirth, dateOfDeath);
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
