package uk.cdr.caseimport;

import static uk.cdr.caseimport.ImportColumn.*;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import uk.cdr.area.Areas;
import uk.cdr.guidance.Edition;
import uk.cdr.casefile.CaseReferences.CaseReference;
import uk.cdr.casefile.ReportingYear;
import uk.cdr.notification.Codes;
import uk.cdr.child.NhsNumber;

/**
 * Reads one row into a case with the rules a live case meets on its way: Form A's (codes, NHS
 * number, dates, under 18), then what each stage implies for the next (a rapid response only
 * after an unexpected death, a final case discussion only after a rapid response, a closed case
 * with its review). The CDOP review itself is read by {@link ReviewColumns}.
 */
@Component
class RowReader {

    static final int SHORT_TEXT = 200;
    static final int LONG_TEXT = 1000;
    /** As many agencies as Form A may name. */
    static final int MAX_FORM_B = 30;
    static final List<String> STATUSES = List.of("open", "closed");
    static final List<String> CLASSIFICATIONS = List.of("expected", "unexpected");
    static final List<String> FINAL_CASE_DISCUSSIONS = List.of("held", "not-convened", "none");
    /** The reasons uk.cdr.casediscussion.FinalCaseDiscussions accepts. */
    static final List<String> NOT_CONVENED_REASONS = List.of("logistical", "family-wishes", "criminal-proceedings", "other");
    private static final Pattern REFERENCE = Pattern.compile("(\\d{4})-\\d{2}/(\\d{3,4})");

    private final ReviewColumns reviewColumns;
    private final Clock clock;
    private final Areas areas;

    RowReader(ReviewColumns reviewColumns, Clock clock, Areas areas) {
        this.reviewColumns = reviewColumns;
        this.clock = clock;
        this.areas = areas;
    }

    ImportedCase read(RowValues v) {
        LocalDate today = LocalDate.now(clock);
        String firstName = v.line(CHILD_FIRST_NAME, true, SHORT_TEXT);
        String lastName = v.line(CHILD_LAST_NAME, true, SHORT_TEXT);
        LocalDate dateOfBirth = Dates.notAfter(v, DATE_OF_BIRTH, v.date(DATE_OF_BIRTH, true), today);
        String sex = v.code(SEX, Codes.SEX, true);
        String ethnicity = v.code(ETHNICITY, Codes.ETHNICITY, true);
        String nhsNumber = nhsNumber(v);
        LocalDate dateOfDeath = dateOfDeath(v, dateOfBirth, today);
        String placeOfDeath = v.code(PLACE_OF_DEATH, Codes.PLACE_OF_DEATH, true);
        String area = area(v);
        String edition = edition(v, dateOfDeath);
        String reference = reference(v, dateOfDeath);
        LocalDate notifiedOn = Dates.between(v, NOTIFIED_ON, v.date(NOTIFIED_ON, false), dateOfDeath, DATE_OF_DEATH, today);
        String status = v.code(STATUS, STATUSES, true);
        boolean closed = "closed".equals(status);

        String classification = v.code(DEATH_CLASSIFICATION, CLASSIFICATIONS, false);
        if (closed && !v.given(DEATH_CLASSIFICATION)) {
            v.error(DEATH_CLASSIFICATION, "is required for a closed case: expected or unexpected");
        }
        boolean rapidResponse = rapidResponse(v, classification);
        LocalDate meetingOn = null;
        if (rapidResponse) {
            meetingOn = Dates.between(v, RAPID_RESPONSE_MEETING_ON, v.date(RAPID_RESPONSE_MEETING_ON, false), dateOfDeath,
                    DATE_OF_DEATH, today);
        } else {
            v.mustBeEmpty(RAPID_RESPONSE_MEETING_ON, "rapid_response is yes");
        }
        String discussion = finalCaseDiscussion(v, rapidResponse, closed);
        String notConvenedReason = null;
        if ("not-convened".equals(discussion)) {
            notConvenedReason = v.code(FINAL_CASE_DISCUSSION_REASON, NOT_CONVENED_REASONS, true);
        } else {
            v.mustBeEmpty(FINAL_CASE_DISCUSSION_REASON, "final_case_discussion is not-convened");
        }
        FormBs formBs = formBs(v, dateOfDeath, today);
        ImportedCase.Review review = closed ? reviewColumns.read(v, dateOfBirth, dateOfDeath, today)
                : reviewColumns.absent(v);
        return new ImportedCase(v.row(), reference, firstName, lastName, dateOfBirth, sex, ethnicity, nhsNumber,
                dateOfDeath, placeOfDeath, area, edition, notifiedOn, classification, rapidResponse, meetingOn, discussion,
                notConvenedReason, formBs.requested, formBs.requestedOn, formBs.returned, formBs.returnedOn,
                v.text(FORM_B_PROCEED_REASON, false, LONG_TEXT), closed, review);
    }

    /**
     * The guidance the case was reviewed under; left out, the one in force on the day of the death (the 2018
     * guidance from 29 September 2019), so a CDOP's spreadsheet of both keeps each case on its own path.
     */
    private static String edition(RowValues v, LocalDate dateOfDeath) {
        if (v.given(EDITION)) {
            Optional<Edition> given = Edition.of(v.raw(EDITION));
            if (given.isEmpty()) {
                v.error(EDITION, "must be " + Edition.choices());
                return null;
            }
            return given.get().code();
        }
        return dateOfDeath == null ? null : Edition.inForceOn(dateOfDeath).code();
    }

    /** A configured area's code or name; a file without the column is of the CDOP's one area, if it has one. */
    private String area(RowValues v) {
        String given = v.given(AREA) ? v.raw(AREA) : null;
        Optional<String> broken = areas.ruleBroken(given);
        if (broken.isPresent()) {
            v.error(AREA, broken.get());
            return null;
        }
        return areas.forCase(given, AREA.header()).code();
    }

    private static String nhsNumber(RowValues v) {
        if (!v.given(NHS_NUMBER)) {
            return null;
        }
        if (!NhsNumber.isValid(v.raw(NHS_NUMBER))) {
            v.error(NHS_NUMBER, "must be 10 digits with a valid check digit");
            return null;
        }
        return NhsNumber.normalise(v.raw(NHS_NUMBER));
    }

    private static LocalDate dateOfDeath(RowValues v, LocalDate dateOfBirth, LocalDate today) {
        LocalDate dateOfDeath = Dates.between(v, DATE_OF_DEATH, v.date(DATE_OF_DEATH, true), dateOfBirth, DATE_OF_BIRTH,
                today);
        if (dateOfDeath != null && dateOfBirth != null && !ImportedCase.childAtDeath(dateOfBirth, dateOfDeath)) {
            v.error(DATE_OF_DEATH, "the child must be under 18 at death (born " + dateOfBirth + ")");
            return null;
        }
        return dateOfDeath;
    }

    /** The reference the CDOP already uses: yyyy-yy/nnn, numbered in the reporting year of the death. */
    private static String reference(RowValues v, LocalDate dateOfDeath) {
        if (!v.given(CASE_REFERENCE)) {
            return null;
        }
        String given = v.raw(CASE_REFERENCE);
        Matcher m = REFERENCE.matcher(given);
        if (!m.matches()) {
            v.error(CASE_REFERENCE, "must be a case reference yyyy-yy/nnn, e.g. 2013-14/007 (was \"" + given + "\")");
            return null;
        }
        int start = Integer.parseInt(m.group(1));
        int sequence = Integer.parseInt(m.group(2));
        String year = ReportingYear.of(LocalDate.of(start, 4, 1));
        if (sequence == 0 || !new CaseReference(year, sequence).text().equals(given)) {
            v.error(CASE_REFERENCE, "must be a case reference yyyy-yy/nnn, e.g. 2013-14/007 (was \"" + given + "\")");
            return null;
        }
        if (dateOfDeath != null && !year.equals(ReportingYear.of(dateOfDeath))) {
            v.error(CASE_REFERENCE, "must be numbered in the reporting year of the death, "
                    + ReportingYear.of(dateOfDeath) + " (was \"" + given + "\")");
            return null;
        }
        return given;
    }

    /** Every unexpected death has a rapid response, or the file says it had none; an expected death never has one. */
    private static boolean rapidResponse(RowValues v, String classification) {
        Boolean rapidResponse = v.yesNo(RAPID_RESPONSE, false);
        if (!v.given(DEATH_CLASSIFICATION)) {
            v.mustBeEmpty(RAPID_RESPONSE, "death_classification is given");
            return false;
        }
        if ("unexpected".equals(classification) && !v.given(RAPID_RESPONSE)) {
            v.error(RAPID_RESPONSE, "is required for an unexpected death: yes or no");
        }
        if ("expected".equals(classification) && Boolean.TRUE.equals(rapidResponse)) {
            v.error(RAPID_RESPONSE, "must be no or empty for an expected death: a rapid response follows unexpected deaths");
            return false;
        }
        return "unexpected".equals(classification) && Boolean.TRUE.equals(rapidResponse);
    }

    /** Required wherever a rapid response started; a closed case had it held or recorded as not convened. */
    private static String finalCaseDiscussion(RowValues v, boolean rapidResponse, boolean closed) {
        if (!rapidResponse) {
            if (v.given(FINAL_CASE_DISCUSSION) && !v.raw(FINAL_CASE_DISCUSSION).equalsIgnoreCase("none")) {
                v.error(FINAL_CASE_DISCUSSION, "must be none or empty unless rapid_response is yes");
            }
            return null;
        }
        String discussion = v.code(FINAL_CASE_DISCUSSION, FINAL_CASE_DISCUSSIONS, false);
        if (closed && (!v.given(FINAL_CASE_DISCUSSION) || "none".equals(discussion))) {
            v.error(FINAL_CASE_DISCUSSION, "must be held or not-convened for a closed case after a rapid response");
        }
        return discussion == null && !v.given(FINAL_CASE_DISCUSSION) ? "none" : discussion;
    }

    private record FormBs(int requested, LocalDate requestedOn, int returned, LocalDate returnedOn) {
    }

    /** Counts and the day they were asked for and (the last) returned: the statistics time the returns. */
    private static FormBs formBs(RowValues v, LocalDate dateOfDeath, LocalDate today) {
        Integer requested = v.number(FORM_B_REQUESTED, 0, MAX_FORM_B);
        Integer returned = v.number(FORM_B_RETURNED, 0, MAX_FORM_B);
        int asked = requested == null ? 0 : requested;
        int back = returned == null ? 0 : returned;
        if (back > asked) {
            v.error(FORM_B_RETURNED, "must not be more than form_b_requested (" + asked + ")");
        }
        LocalDate requestedOn = null;
        if (asked > 0) {
            requestedOn = Dates.between(v, FORM_B_REQUESTED_ON, v.date(FORM_B_REQUESTED_ON, true), dateOfDeath,
                    DATE_OF_DEATH, today);
        } else {
            v.mustBeEmpty(FORM_B_REQUESTED_ON, "form_b_requested is more than 0");
        }
        LocalDate returnedOn = null;
        if (back > 0) {
            returnedOn = Dates.between(v, FORM_B_RETURNED_ON, v.date(FORM_B_RETURNED_ON, true), requestedOn,
                    FORM_B_REQUESTED_ON, today);
        } else {
            v.mustBeEmpty(FORM_B_RETURNED_ON, "form_b_returned is more than 0");
        }
        return new FormBs(asked, requestedOn, back, returnedOn);
    }
}
