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

    /** Age at death in words, e.g. "11 years 5 months" (see {@link uk.cdr.child.Age} for the rule). */
    public String ageAtDeath() {
        return dateOfBirth == null ? ageAtDeathDays + (ageAtDeathDays == 1 ? " day" : " days")
                : uk.cdr.child.Age.inWords(dateOfBirth, dateOfDeath);
    }

    /** A date as a UK reader expects it, e.g. "31 Mar 2015"; blank for none. */
    public String day(OffsetDateTime moment) {
        return moment == null ? "" : moment.atZoneSameInstant(java.time.ZoneId.of("Europe/London"))
                .format(java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.UK));
    }

    public String date(LocalDate date) {
        return date == null ? "" : date.format(java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.UK));
    }

    public String label(String code) {
        return uk.cdr.web.CodeLabels.label(code);
    }
}
