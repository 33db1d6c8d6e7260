package uk.cdr.bench;

import java.time.LocalDate;

/** Generated cases as rows of the import file of docs/import.md (every column, references left to the app). */
public final class ImportCsv {

    public static final String HEADER = "case_reference,child_first_name,child_last_name,date_of_birth,sex,ethnicity,nhs_number,"
            + "date_of_death,place_of_death,notified_on,death_classification,rapid_response,rapid_response_meeting_on,"
            + "final_case_discussion,final_case_discussion_reason,form_b_requested,form_b_requested_on,form_b_returned,"
            + "form_b_returned_on,form_b_proceed_reason,status,review_completed_on,meeting_type,category,modifiable,"
            + "scr_considered,domain_child,domain_family,domain_parenting,domain_services,area\r\n";

    private ImportCsv() {
    }

    public static String row(CaseGenerator.Generated c) {
        boolean classified = c.classification() != null;
        String[] d = c.domains();
        return String.join(",", "", c.firstName(), c.lastName(), date(c.dateOfBirth()), c.sex(), c.ethnicity(),
                c.nhsNumber(), date(c.dateOfDeath()), c.placeOfDeath(), date(c.notifiedOn()),
                text(c.classification()), classified ? (c.rapidResponse() ? "yes" : "no") : "",
                date(c.rapidResponseMeetingOn()), text(c.finalCaseDiscussion()), text(c.finalCaseDiscussionReason()),
                String.valueOf(c.formBRequested()), date(c.formBRequestedOn()), String.valueOf(c.formBReturned()),
                date(c.formBReturnedOn()), quoted(c.formBProceedReason()), c.closed() ? "closed" : "open",
                date(c.reviewCompletedOn()), text(c.meetingType()), c.closed() ? String.valueOf(c.category()) : "",
                text(c.modifiable()), c.closed() ? (c.scrConsidered() ? "yes" : "no") : "",
                d == null ? "" : d[0], d == null ? "" : d[1], d == null ? "" : d[2], d == null ? "" : d[3], "north") + "\r\n";
    }

    private static String date(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    private static String text(String text) {
        return text == null ? "" : text;
    }

    private static String quoted(String text) {
        return text == null ? "" : "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
