package uk.cdr.panel;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One case in the CDOP queue, as panel members may see it: anonymised, so no name, address or NHS
 * number is ever part of it.
 */
public record QueuedCase(UUID caseId, String caseReference, String reportingYearOfDeath, LocalDate dateOfDeath,
        int ageAtDeathDays, boolean neonatal, QueueState state, String waitingFor, int formBRequested,
        int formBReturned, boolean rapidResponse, long daysSinceDeath, boolean overSixMonths, boolean overTwelveMonths,
        LocalDate panelMeetingOn, UUID panelMeetingId, String deferralReason, LocalDate reviewBy, boolean reopened) {
}
