package uk.cdr.caseimport;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
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

    private final JdbcClient jdbc;
    private final FormBTimers formBTimers;

    ImportedStages(JdbcClient jdbc, FormBTimers formBTimers) {
        this.jdbc = jdbc;
        this.formBTimers = formBTimers;
    }

    void write(UUID caseId, ImportedCase c, OffsetDateTime notifiedAt, String by, OffsetDateTime now) {
        if (c.rapidResponse()) {
            rapidResponse(caseId, c, notifiedAt, by, now);
            finalCaseDiscussion(caseId, c, notifiedAt, by, now);
        }
        formBs(caseId, c, by);
        if (c.formBProceedReason() != null) {
            jdbc.sql("update case_file set form_b_proceed_reason = ?, form_b_proceed_by = ?, form_b_proceed_at = ? where id = ?")
                    .params(c.formBProceedReason(), by, now, caseId).update();
        }
    }

    /** Started on the day of the notification, as the live one starts when the doctor confirms the death unexpected. */
    private void rapidResponse(UUID caseId, ImportedCase c, OffsetDateTime notifiedAt, String by, OffsetDateTime now) {
        boolean meetingHeld = c.rapidResponseMeetingOn() != null;
        jdbc.sql("""
                insert into rapid_response (case_id, started_at, started_out_of_hours, meeting_convened, recorded_by,
                    recorded_at)
                values (?, ?, false, ?, ?, ?)""")
                .params(caseId, notifiedAt, meetingHeld, by, now).update();
        if (meetingHeld) {
            OffsetDateTime at = Dates.noon(c.rapidResponseMeetingOn());
            jdbc.sql("""
                    insert into case_meeting (id, case_id, kind, scheduled_at, place, invitees, scheduled_by, held,
                        outcome_by, outcome_at)
                    values (?, ?, 'RAPID_RESPONSE', ?, ?, '', ?, true, ?, ?)""")
                    .params(UUID.randomUUID(), caseId, at, ImportedCaseWriter.PLACE, by, by, at).update();
        }
    }

    /** Held or not convened, the stage is done; "none" leaves it pending, as a live one waits for results. */
    private void finalCaseDiscussion(UUID caseId, ImportedCase c, OffsetDateTime notifiedAt, String by,
            OffsetDateTime now) {
        String outcome = switch (c.finalCaseDiscussion()) {
            case "held" -> "HELD";
            case "not-convened" -> "NOT_CONVENED";
            default -> null;
        };
        jdbc.sql("""
                insert into final_case_discussion (case_id, started_at, outcome, not_convened_reason, recorded_by,
                    recorded_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(caseId, notifiedAt, outcome, c.notConvenedReason(), outcome == null ? null : by,
                        outcome == null ? null : now)
                .update();
        if (outcome != null) {
            jdbc.sql("update case_file set final_case_discussion_done_at = ? where id = ?").params(now, caseId).update();
        }
    }

    /**
     * One request per Form B counted: the first ones returned on the day given, the rest still
     * out (SENT). The spreadsheet names no agency or contact, so no link can be sent for them.
     */
    private void formBs(UUID caseId, ImportedCase c, String by) {
        for (int i = 1; i <= c.formBRequested(); i++) {
            OffsetDateTime requestedAt = Dates.noon(c.formBRequestedOn());
            boolean returned = i <= c.formBReturned();
            jdbc.sql("""
                    insert into agency_report_request (id, case_id, agency, contact_email, status, requested_at,
                        requested_by, due_at, returned_at)
                    values (?, ?, ?, '', ?, ?, ?, ?, ?)""")
                    .params(UUID.randomUUID(), caseId, "Agency " + i + " (imported)", returned ? "RETURNED" : "SENT",
                            requestedAt, by, formBTimers.dueFrom(requestedAt),
                            returned ? Dates.noon(c.formBReturnedOn()) : null)
                    .update();
        }
    }
}
