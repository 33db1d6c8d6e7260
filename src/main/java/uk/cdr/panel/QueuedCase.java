package uk.cdr.panel;

import java.time.LocalDate;
import java.util.UUID;

import uk.cdr.area.Area;

/**
 * One case in the CDOP queue, as panel members may see it: anonymised, so no name, address or NHS
 * number is ever part of it, and no exact age or date of death: together they give the date of
 * birth. The age is a band ("1 to 4 years"), the death a month ("November 2014") with whole months
 * since.
 */
public record QueuedCase(UUID caseId, String caseReference, String reportingYearOfDeath, String monthOfDeath,
        String ageBand, boolean neonatal, QueueState state, String waitingFor, int formBRequested,
        int formBReturned, boolean rapidResponse, long monthsSinceDeath, boolean overSixMonths, boolean overTwelveMonths,
        LocalDate panelMeetingOn, UUID panelMeetingId, String deferralReason, LocalDate reviewBy, boolean reopened,
        Area area) {
}
