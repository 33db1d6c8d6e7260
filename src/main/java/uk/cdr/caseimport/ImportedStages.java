package uk.cdr.caseimport;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import uk.cdr.agencyreport.FormBTimers;

/**
 * The stages between notification and the CDOP, as the live services record them: the rapid
 * response (RapidResponses) with its meeting, the final case discussion (FinalCaseDiscussions),
 * the Form B requests (AgencyReports) and the SPOC's decision to go on without missing ones
 * (CdopQueue). No stage process is started: what the file records has already happened.
 */
@Component
class ImportedStages {

    static final String RAPID_RESPONSE = """
            insert into rapid_response (case_id, started_at, started_out_of_hours, meeting_convened, recorded_by,
                recorded_at)
            values (?, ?, false, ?, ?, ?)""";
    static final String RAPID_RESPONSE_MEETING = """
            insert into case_meeting (id, case_id, kind, scheduled_at, place, invitees, scheduled_by, held,
                outcome_by, outcome_at)
            values (?, ?, 'RAPID_RESPONSE', ?, ?, '', ?, true, ?, ?)""";
    static final String FINAL_CASE_DISCUSSION = """
            insert into final_case_discussion (case_id, started_at, outcome, not_convened_reason, recorded_by,
                recorded_at)
            values (?, ?, ?, ?, ?, ?)""";
    static final String FORM_B_REQUEST = """
            insert into agency_report_request (id, case_id, agency, contact_email, status, requested_at,
                requested_by, due_at, returned_at)
            values (?, ?, ?, '', ?, ?, ?, ?, ?)""";
    static final List<String> STATEMENTS = List.of(RAPID_RESPONSE, RAPID_RESPONSE_MEETING, FINAL_CASE_DISCUSSION,
            FORM_B_REQUEST);

    private final FormBTimers formBTimers;

    ImportedStages(FormBTimers formBTimers) {
        this.formBTimers = formBTimers;
    }

    /** @param cases by the id of their case file, which is in the batch before these rows */
    void add(ImportBatch batch, Map<UUID, ImportedCase> cases, String by, OffsetDateTime now) {
        cases.forEach((caseId, c) -> {
            if (c.rapidResponse()) {
                rapidResponse(batch, caseId, c, by, now);
                finalCaseDiscussion(batch, caseId, c, by, now);
            }
            formBs(batch, caseId, c, by);
        });
    }

    /** Held or not convened, the stage is done; "none" leaves it pending, as a live one waits for results. */
    static OffsetDateTime finalCaseDiscussionDoneAt(ImportedCase c, OffsetDateTime now) {
        return finalCaseDiscussionOutcome(c) == null ? null : now;
    }

    /** Started on the day of the notification, as the live one starts when the doctor confirms the death unexpected. */
    private static void rapidResponse(ImportBatch batch, UUID caseId, ImportedCase c, String by, OffsetDateTime now) {
        boolean meetingHeld = c.rapidResponseMeetingOn() != null;
        batch.add(RAPID_RESPONSE, caseId, ImportedCaseWriter.notifiedAt(c), meetingHeld, by, now);
        if (meetingHeld) {
            OffsetDateTime at = Dates.noon(c.rapidResponseMeetingOn());
            batch.add(RAPID_RESPONSE_MEETING, UUID.randomUUID(), caseId, at, ImportedCaseWriter.PLACE, by, by, at);
        }
    }

    private static void finalCaseDiscussion(ImportBatch batch, UUID caseId, ImportedCase c, String by,
            OffsetDateTime now) {
        String outcome = finalCaseDiscussionOutcome(c);
        batch.add(FINAL_CASE_DISCUSSION, caseId, ImportedCaseWriter.notifiedAt(c), outcome, c.notConvenedReason(),
                outcome == null ? null : by, outcome == null ? null : now);
    }

    private static String finalCaseDiscussionOutcome(ImportedCase c) {
        if (!c.rapidResponse()) {
            return null;
        }
        return switch (c.finalCaseDiscussion()) {
            case "held" -> "HELD";
            case "not-convened" -> "NOT_CONVENED";
            default -> null;
        };
    }

    /**
     * One request per Form B counted: the first ones returned on the day given, the rest still
     * out (SENT). The spreadsheet names no agency or contact, so no link can be sent for them.
     */
    private void formBs(ImportBatch batch, UUID caseId, ImportedCase c, String by) {
        for (int i = 1; i <= c.formBRequested(); i++) {
            OffsetDateTime requestedAt = Dates.noon(c.formBRequestedOn());
            boolean returned = i <= c.formBReturned();
            batch.add(FORM_B_REQUEST, UUID.randomUUID(), caseId, "Agency " + i + " (imported)",
                    returned ? "RETURNED" : "SENT", requestedAt, by, formBTimers.dueFrom(requestedAt),
                    returned ? Dates.noon(c.formBReturnedOn()) : null);
        }
    }
}
