package uk.cdr.notification;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * A notification of a child's death, as the notifier gives it. Field names are the data
 * dictionary's (domain.md) and the contract for the page, the Tasklist start form and the API.
 * Derived values (age at death, neonatal, out of hours, reporting year) are never typed.
 */
public record FormA(
        String notifierName,
        String notifierRole,
        String notifierOrganisation,
        String notifierEmail,
        String notifierPhone,
        String childFirstName,
        String childLastName,
        String childOtherNames,
        LocalDate dateOfBirth,
        String sex,
        String nhsNumber,
        String nhsNumberAbsentReason,
        String ethnicity,
        String addressLine,
        String postcode,
        /** The local authority area the child normally lived in (an area's code or name; cdr.areas). */
        String area,
        LocalDate dateOfDeath,
        LocalTime timeOfDeath,
        /** Asked for a baby who died on the day of birth: a stillbirth ("no") is not reviewed. */
        String signsOfLife,
        String placeOfDeath,
        String notifiedExpected,
        String circumstances,
        String postMortemRequired,
        String coronerInformed,
        List<Agency> agencies) {

    /** An agency known to be involved with the child or family: it will be asked for a Form B. */
    public record Agency(String agency, String contactName, String contactEmail) {
    }

    public List<Agency> agenciesOrEmpty() {
        return agencies == null ? List.of() : agencies;
    }
}
