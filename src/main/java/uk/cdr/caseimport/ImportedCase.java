package uk.cdr.caseimport;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;

import uk.cdr.casefile.ReportingYear;

/**
 * One case as read from a row of the file. Values that broke a rule are null; such a case is
 * only ever used to look for more problems, never written.
 *
 * @param reference          the case reference the CDOP already gave it, or null for a new one
 * @param area               the code of the CDOP area the child lived in
 * @param edition            the guidance the case is reviewed under, 2013 or 2018 (uk.cdr.guidance.Edition)
 * @param classification     the Designated Doctor's decision, expected or unexpected; null if not yet made
 * @param finalCaseDiscussion held, not-convened or none (pending); null without a rapid response
 * @param review             the CDOP's completed review of a closed case; null for an open one
 */
record ImportedCase(int row, String reference, String firstName, String lastName, LocalDate dateOfBirth, String sex,
        String ethnicity, String nhsNumber, LocalDate dateOfDeath, String placeOfDeath, String area, String edition,
        LocalDate notifiedOn,
        String classification, boolean rapidResponse, LocalDate rapidResponseMeetingOn, String finalCaseDiscussion,
        String notConvenedReason, int formBRequested, LocalDate formBRequestedOn, int formBReturned,
        LocalDate formBReturnedOn, String formBProceedReason, boolean closed, Review review) {

    /** As Notifications defines it: a death in the first 28 days of life. */
    static final int NEONATAL_DAYS = 28;

    record Review(LocalDate completedOn, String meetingType, int category, String modifiable, boolean scrConsidered,
            String domainChild, String domainFamily, String domainParenting, String domainServices) {
    }

    static boolean childAtDeath(LocalDate dateOfBirth, LocalDate dateOfDeath) {
        return Period.between(dateOfBirth, dateOfDeath).getYears() < 18;
    }

    int ageAtDeathDays() {
        return (int) ChronoUnit.DAYS.between(dateOfBirth, dateOfDeath);
    }

    boolean neonatal() {
        return ageAtDeathDays() < NEONATAL_DAYS;
    }

    String reportingYear() {
        return ReportingYear.of(dateOfDeath);
    }
}
