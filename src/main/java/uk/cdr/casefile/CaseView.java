package uk.cdr.casefile;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The case file as the SPOC and the Designated Doctor see it. */
public record CaseView(UUID id, String reference, String status, String childFirstName, String childLastName,
        LocalDate dateOfBirth, LocalDate dateOfDeath, String nhsNumber, String sex, String placeOfDeath,
        int ageAtDeathDays, boolean neonatal, boolean outOfHours, OffsetDateTime notifiedAt, String notifiedExpected,
        String suggestedClassification, String deathClassification, String classifiedBy) {
}
