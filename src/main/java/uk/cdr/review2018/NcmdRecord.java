package uk.cdr.review2018;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.swagger.v3.oas.annotations.media.Schema;
import uk.cdr.area.Areas;
import uk.cdr.audit.AuditAction;
import uk.cdr.audit.AuditLog;
import uk.cdr.guidance.Edition;
import uk.cdr.web.CodeLabels;
import uk.cdr.web.UkDates;

/**
 * A 2018 case's notification record for the National Child Mortality Database (domain-2018.md): what
 * the SPOC submits within 48 hours, labelled as the national form words it, then added to as the
 * review goes on (the Joint Agency Response, reporting forms, the Child Death Review Meeting, the
 * analysis form). It names the child: the SPOC's alone, and every read is audited.
 */
@Service
public class NcmdRecord {

    private final JdbcClient jdbc;
    private final Areas areas;
    private final AuditLog auditLog;

    NcmdRecord(JdbcClient jdbc, Areas areas, AuditLog auditLog) {
        this.jdbc = jdbc;
        this.areas = areas;
        this.auditLog = auditLog;
    }

    /** One field of the national form: its key (stable, for programs), its label, and the value in words. */
    public record Field(@Schema(description = "Stable key, e.g. nhsNumber") String field,
            @Schema(description = "The national form's words for the field") String label,
            @Schema(description = "UK dates in words; empty when not known yet") String value) {
    }

    public record Record(String caseReference, String edition, List<Field> fields) {
    }

    /** The case is not a 2018 case: the 2013 process had no national database. */
    public static class NotA2018Case extends RuntimeException {
        NotA2018Case(String reference) {
            super("Case " + reference + " follows Working Together 2013, which has no NCMD notification record");
        }
    }

    public static class UnknownCase extends RuntimeException {
        UnknownCase() {
            super("No such case.");
        }
    }

    public Record viewedBy(UUID caseId, String viewer) {
        Record record = of(caseId);
        auditLog.record(viewer, AuditAction.CASE_VIEWED, record.caseReference(), "NCMD notification record");
        return record;
    }

    Record of(UUID caseId) {
        Row r = jdbc.sql("""
                select c.case_reference, c.edition, c.area, c.notified_at, c.death_classification, c.review_completed_on,
                       n.nhs_number, n.nhs_number_absent_reason, n.child_first_name, n.child_last_name, n.date_of_birth,
                       n.sex, n.ethnicity, n.postcode, n.date_of_death, n.time_of_death, n.place_of_death,
                       n.notifier_name, n.notifier_role, n.notifier_organisation, n.notifier_email, n.notifier_phone,
                       n.circumstances, n.post_mortem_required, n.coroner_informed,
                       r.jar_decided, r.abuse_or_neglect_suspected, r.looked_after, r.ncmd_notified_at, r.supplementary_forms,
                       (select count(*) from agency_report_request q where q.case_id = c.id and q.status <> 'WITHDRAWN'),
                       (select count(*) from agency_report_request q where q.case_id = c.id and q.status = 'RETURNED'),
                       (select m.scheduled_at from final_case_discussion f join case_meeting m on m.id = f.meeting_id
                        where f.case_id = c.id and m.held),
                       (select f.not_convened_reason from final_case_discussion f where f.case_id = c.id),
                       fc.category, fc.modifiable
                from case_file c
                left join notification n on n.id = (select x.id from notification x where x.case_id = c.id
                    and x.status = 'RECORDED' order by x.received_at fetch first 1 row only)
                left join case_review_2018 r on r.case_id = c.id
                left join form_c fc on fc.case_id = c.id
                where c.id = ?""")
                .param(caseId)
                .query((rs, row) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class), rs.getString(5), rs.getObject(6, LocalDate.class),
                        rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getObject(11, LocalDate.class),
                        rs.getString(12), rs.getString(13), rs.getString(14), rs.getObject(15, LocalDate.class),
                        rs.getObject(16, LocalTime.class), rs.getString(17), rs.getString(18), rs.getString(19),
                        rs.getString(20), rs.getString(21), rs.getString(22), rs.getString(23), rs.getString(24),
                        rs.getString(25), (Boolean) rs.getObject(26), (Boolean) rs.getObject(27), (Boolean) rs.getObject(28),
                        rs.getObject(29, OffsetDateTime.class), rs.getString(30), rs.getInt(31), rs.getInt(32),
                        rs.getObject(33, OffsetDateTime.class), rs.getString(34), (Integer) rs.getObject(35), rs.getString(36)))
                .optional().orElseThrow(UnknownCase::new);
        if (Edition.ofRecord(r.edition()) != Edition.STATUTORY_GUIDANCE_2018) {
            throw new NotA2018Case(r.reference());
        }
        List<Field> f = new ArrayList<>();
        add(f, "cdopCaseReference", "CDOP case reference", r.reference());
        add(f, "localAuthorityOfResidence", "Local authority area of usual residence", areas.of(r.area()).name());
        add(f, "nhsNumber", "NHS number", r.nhsNumber());
        add(f, "nhsNumberAbsentReason", "Reason NHS number not available", CodeLabels.label(r.nhsNumberAbsentReason()));
        add(f, "childForenames", "Child's forename(s)", r.firstName());
        add(f, "childSurname", "Child's surname", r.lastName());
        add(f, "dateOfBirth", "Date of birth", day(r.dateOfBirth()));
        add(f, "sex", "Sex", CodeLabels.label(r.sex()));
        add(f, "ethnicity", "Ethnicity", CodeLabels.label(r.ethnicity()));
        add(f, "postcode", "Postcode of usual residence", r.postcode());
        add(f, "dateOfDeath", "Date of death", day(r.dateOfDeath()));
        add(f, "timeOfDeath", "Time of death", UkDates.time(r.timeOfDeath()));
        add(f, "placeOfDeath", "Place of death", CodeLabels.label(r.placeOfDeath()));
        add(f, "notifiedToCdop", "Date and time the death was notified to the CDOP",
                r.notifiedAt() == null ? null : UkDates.withTime(r.notifiedAt()));
        add(f, "notifierName", "Name of person notifying", r.notifierName());
        add(f, "notifierRole", "Role of person notifying", r.notifierRole());
        add(f, "notifierOrganisation", "Organisation of person notifying", r.notifierOrganisation());
        add(f, "notifierEmail", "Email of person notifying", r.notifierEmail());
        add(f, "notifierPhone", "Telephone of person notifying", r.notifierPhone());
        add(f, "circumstances", "Brief description of the circumstances of the death", r.circumstances());
        add(f, "expectedOrUnexpected", "Was the death expected or unexpected?", CodeLabels.label(r.classification()));
        add(f, "jointAgencyResponse", "Joint Agency Response", yesNo(r.jar()));
        add(f, "abuseOrNeglectSuspected", "Is abuse or neglect known or suspected?", yesNo(r.abuse()));
        add(f, "lookedAfter", "Was the child looked after by a local authority?", yesNo(r.lookedAfter()));
        add(f, "postMortem", "Is a post-mortem examination required?", CodeLabels.label(r.postMortem()));
        add(f, "coronerInformed", "Has the coroner been informed?", CodeLabels.label(r.coroner()));
        add(f, "ncmdNotified", "Date and time notified to the NCMD",
                r.ncmdNotifiedAt() == null ? null : UkDates.withTime(r.ncmdNotifiedAt()));
        add(f, "reportingFormsRequested", "Reporting forms requested", String.valueOf(r.formsRequested()));
        add(f, "reportingFormsReturned", "Reporting forms returned", String.valueOf(r.formsReturned()));
        add(f, "supplementaryForms", "Supplementary reporting forms", String.join("; ",
                SupplementaryForm.read(r.supplementaryForms()).stream().map(SupplementaryForm::words).toList()));
        add(f, "childDeathReviewMeeting", "Date of the Child Death Review Meeting",
                r.cdrmHeldAt() == null ? null : UkDates.inWords(r.cdrmHeldAt()));
        add(f, "childDeathReviewMeetingNotHeld", "Reason the Child Death Review Meeting was not held",
                CodeLabels.label(r.cdrmNotHeldReason()));
        add(f, "categoryOfDeath", "Category of death (analysis form)", r.category() == null ? null
                : r.category() + " " + uk.cdr.panel.FormC.CATEGORIES.get(r.category() - 1));
        add(f, "modifiableFactors", "Modifiable factors identified (analysis form)", CodeLabels.label(r.modifiable()));
        add(f, "cdopReviewCompleted", "Date the CDOP review was completed", day(r.reviewCompletedOn()));
        return new Record(r.reference(), Edition.STATUTORY_GUIDANCE_2018.code(), List.copyOf(f));
    }

    private static void add(List<Field> fields, String key, String label, String value) {
        fields.add(new Field(key, label, value == null ? "" : value));
    }

    private static String day(LocalDate date) {
        return date == null ? null : UkDates.inWords(date);
    }

    private static String yesNo(Boolean value) {
        return Optional.ofNullable(value).map(v -> v ? "Yes" : "No").orElse(null);
    }

    private record Row(String reference, String edition, String area, OffsetDateTime notifiedAt, String classification,
            LocalDate reviewCompletedOn, String nhsNumber, String nhsNumberAbsentReason, String firstName, String lastName,
            LocalDate dateOfBirth, String sex, String ethnicity, String postcode, LocalDate dateOfDeath, LocalTime timeOfDeath,
            String placeOfDeath, String notifierName, String notifierRole, String notifierOrganisation, String notifierEmail,
            String notifierPhone, String circumstances, String postMortem, String coroner, Boolean jar, Boolean abuse,
            Boolean lookedAfter, OffsetDateTime ncmdNotifiedAt, String supplementaryForms, int formsRequested, int formsReturned,
            OffsetDateTime cdrmHeldAt, String cdrmNotHeldReason, Integer category, String modifiable) {
    }
}
