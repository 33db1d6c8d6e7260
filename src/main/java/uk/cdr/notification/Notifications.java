package uk.cdr.notification;

import static uk.cdr.notification.NotificationVariables.*;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.cdr.area.Areas;
import uk.cdr.guidance.Guidance;
import uk.cdr.audit.AuditAction;
import uk.cdr.audit.AuditLog;
import uk.cdr.calendar.WorkingDays;
import uk.cdr.casefile.CaseReferences;
import uk.cdr.casefile.CaseReferences.CaseReference;
import uk.cdr.casefile.ReportingYear;
import uk.cdr.caseprocess.CaseProcess;
import uk.cdr.child.NhsNumber;
import uk.cdr.child.Age;
import uk.cdr.reportingyears.YearChanges;

/**
 * Records a notification of a child's death: the one service behind the page, the Tasklist start
 * form and the API. In one transaction it validates Form A, opens the case file with its
 * reference (or, for a possible duplicate, holds it for the SPOC), stores what the notifier said
 * and starts the process; a rejected form changes nothing.
 */
@Service
public class Notifications {

    static final int NEONATAL_DAYS = 28;

    private final FormAValidator validator;
    private final CaseProcess caseProcess;
    private final PossibleDuplicates duplicates;
    private final NotificationRows notificationRows;
    private final CaseReferences references;
    private final WorkingDays workingDays;
    private final JdbcClient jdbc;
    private final YearChanges yearChanges;
    private final AuditLog auditLog;
    private final Clock clock;
    private final Areas areas;
    private final Guidance guidance;

    public Notifications(FormAValidator validator, CaseProcess caseProcess, PossibleDuplicates duplicates, NotificationRows notificationRows,
            CaseReferences references, WorkingDays workingDays,
            JdbcClient jdbc, AuditLog auditLog, Clock clock, YearChanges yearChanges, Areas areas, Guidance guidance) {
        this.validator = validator;
        this.guidance = guidance;
        this.areas = areas;
        this.caseProcess = caseProcess;
        this.duplicates = duplicates;
        this.notificationRows = notificationRows;
        this.references = references;
        this.workingDays = workingDays;
        this.jdbc = jdbc;
        this.auditLog = auditLog;
        this.clock = clock;
        this.yearChanges = yearChanges;
    }

    /**
     * What became of a notification: a new case, or a possible duplicate waiting for the SPOC. The
     * age comes twice: in days for a program (ageAtDeathDays), in words for a person (ageAtDeath,
     * "11 years 5 months").
     */
    public record Recorded(UUID notificationId, Outcome outcome, UUID caseId, String caseReference,
            String possibleDuplicateOf, boolean outOfHours, int ageAtDeathDays, String ageAtDeath, boolean neonatal) {
    }

    public enum Outcome {
        CASE_OPENED, POSSIBLE_DUPLICATE
    }

    @Transactional
    public Recorded record(FormA form, String receivedBy) {
        List<FieldError> errors = validator.validate(form);
        if (!errors.isEmpty()) {
            throw new InvalidFormA(errors);
        }
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
        // Held until commit: a second notification of the same death waits, then finds this case.
        jdbc.sql("select id from notification_lock where id = 1 for update").query(Integer.class).single();
        UUID notificationId = insertNotification(form, now, receivedBy);
        List<PossibleDuplicates.PossibleDuplicate> matches = duplicates.of(form);
        if (matches.isEmpty()) {
            return openCase(notificationId, form, now, receivedBy);
        }
        PossibleDuplicates.PossibleDuplicate match = matches.get(0);
        jdbc.sql("update notification set status = 'POSSIBLE_DUPLICATE', possible_duplicate_of = ?, matched_on = ? where id = ?")
                .params(match.caseId(), match.matchedOn(), notificationId).update();
        Date notifiedAt = Date.from(now.toInstant());
        // The matched case's process calls the SPOC's decision (resolvePossibleDuplicate), keyed by this notification.
        caseProcess.tellOfPossibleDuplicate(match.caseId(), match.caseReference(), notificationId, match.matchedOn(),
                notifiedAt);
        auditLog.record(receivedBy, AuditAction.CASE_CHANGED, match.caseReference(),
                "possible duplicate notification from " + form.notifierOrganisation() + " (matched on " + match.matchedOn() + ")");
        int age = ageAtDeathDays(form);
        return new Recorded(notificationId, Outcome.POSSIBLE_DUPLICATE, null, null, match.caseReference(),
                workingDays.isOutOfHours(notifiedAt), age, Age.inWords(form.dateOfBirth(), form.dateOfDeath()),
                age < NEONATAL_DAYS);
    }

    /** The SPOC says the notification is the same death as the matched case: record the notifier there. */
    @Transactional
    public void mergeIntoMatchedCase(UUID notificationId, String resolvedBy) {
        PendingNotification pending = pending(notificationId);
        jdbc.sql("""
                update notification set case_id = possible_duplicate_of, status = 'MERGED', duplicate_resolved_by = ?,
                    duplicate_resolved_at = ? where id = ?""")
                .params(resolvedBy, OffsetDateTime.now(clock), notificationId).update();
        auditLog.record(resolvedBy, AuditAction.CASE_CHANGED, pending.matchedReference(),
                "notification merged into this case");
    }

    /** The SPOC says it is a different death: it gets a case of its own, timed from when it was notified. */
    @Transactional
    public Recorded openDistinctCase(UUID notificationId, String resolvedBy) {
        PendingNotification pending = pending(notificationId);
        jdbc.sql("update notification set duplicate_resolved_by = ?, duplicate_resolved_at = ? where id = ?")
                .params(resolvedBy, OffsetDateTime.now(clock), notificationId).update();
        return openCase(notificationId, notificationRows.formA(notificationId), pending.receivedAt(), resolvedBy);
    }

    private record PendingNotification(OffsetDateTime receivedAt, String matchedReference) {
    }

    private PendingNotification pending(UUID notificationId) {
        return jdbc.sql("""
                select n.received_at, c.case_reference from notification n join case_file c on c.id = n.possible_duplicate_of
                where n.id = ? and n.status = 'POSSIBLE_DUPLICATE'""")
                .param(notificationId)
                .query((rs, row) -> new PendingNotification(rs.getObject(1, OffsetDateTime.class), rs.getString(2)))
                .optional()
                .orElseThrow(() -> new IllegalStateException("Notification " + notificationId + " is not awaiting a duplicate decision"));
    }

    private Recorded openCase(UUID notificationId, FormA form, OffsetDateTime notified, String by) {
        Date notifiedAt = Date.from(notified.toInstant());
        int ageAtDeathDays = ageAtDeathDays(form);
        boolean neonatal = ageAtDeathDays < NEONATAL_DAYS;
        boolean outOfHours = workingDays.isOutOfHours(notifiedAt);
        CaseReference reference = references.next(ReportingYear.of(form.dateOfDeath()));
        UUID caseId = UUID.randomUUID();

        insertCaseFile(caseId, reference, form, notified, ageAtDeathDays, neonatal, outOfHours);
        jdbc.sql("update notification set case_id = ?, status = 'RECORDED' where id = ?").params(caseId, notificationId).update();

        caseProcess.start(caseId);
        auditLog.record(by, AuditAction.CASE_CREATED, reference.text(), "Form A from " + form.notifierOrganisation());
        return new Recorded(notificationId, Outcome.CASE_OPENED, caseId, reference.text(), null, outOfHours,
                ageAtDeathDays, Age.inWords(form.dateOfBirth(), form.dateOfDeath()), neonatal);
    }

    private static int ageAtDeathDays(FormA form) {
        return (int) ChronoUnit.DAYS.between(form.dateOfBirth(), form.dateOfDeath());
    }

    private void insertCaseFile(UUID caseId, CaseReference reference, FormA form, OffsetDateTime now,
            int ageAtDeathDays, boolean neonatal, boolean outOfHours) {
        jdbc.sql("""
                insert into case_file (id, case_reference, reporting_year, sequence_in_year, date_of_death,
                    notified_at, status, created_at, updated_at, child_first_name, child_last_name, date_of_birth,
                    nhs_number, sex, ethnicity, place_of_death, age_at_death_days, neonatal, out_of_hours,
                    notified_expected, area, edition)
                values (:id, :reference, :year, :sequence, :dateOfDeath, :now, 'NOTIFIED', :now, :now, :firstName,
                    :lastName, :dateOfBirth, :nhsNumber, :sex, :ethnicity, :placeOfDeath, :age, :neonatal,
                    :outOfHours, :notifiedExpected, :area, :edition)""")
                .param("id", caseId)
                .param("reference", reference.text())
                .param("year", reference.reportingYear())
                .param("sequence", reference.sequence())
                .param("dateOfDeath", form.dateOfDeath())
                .param("now", now)
                .param("firstName", form.childFirstName().trim())
                .param("lastName", form.childLastName().trim())
                .param("dateOfBirth", form.dateOfBirth())
                .param("nhsNumber", blankToNull(NhsNumber.normalise(form.nhsNumber())))
                .param("sex", form.sex())
                .param("ethnicity", form.ethnicity())
                .param("placeOfDeath", form.placeOfDeath())
                .param("age", ageAtDeathDays)
                .param("neonatal", neonatal)
                .param("outOfHours", outOfHours)
                .param("notifiedExpected", form.notifiedExpected())
                .param("area", areas.forCase(form.area(), "area").code())
                .param("edition", guidance.current().code())
                .update();
        yearChanges.caseChanged(caseId);
    }

    private UUID insertNotification(FormA form, OffsetDateTime now, String receivedBy) {
        UUID id = UUID.randomUUID();
        Map<String, Object> p = new HashMap<>();
        p.put("id", id);
        p.put("receivedAt", now);
        p.put("receivedBy", receivedBy);
        p.put("notifierName", form.notifierName().trim());
        p.put("notifierRole", form.notifierRole().trim());
        p.put("notifierOrganisation", form.notifierOrganisation().trim());
        p.put("notifierEmail", form.notifierEmail().trim());
        p.put("notifierPhone", blankToNull(form.notifierPhone()));
        p.put("childFirstName", form.childFirstName().trim());
        p.put("childLastName", form.childLastName().trim());
        p.put("childOtherNames", blankToNull(form.childOtherNames()));
        p.put("dateOfBirth", form.dateOfBirth());
        p.put("sex", form.sex());
        p.put("nhsNumber", blankToNull(NhsNumber.normalise(form.nhsNumber())));
        p.put("nhsNumberAbsentReason", blankToNull(form.nhsNumberAbsentReason()));
        p.put("ethnicity", form.ethnicity());
        p.put("addressLine", blankToNull(form.addressLine()));
        p.put("postcode", form.postcode() == null ? null : blankToNull(form.postcode().trim().toUpperCase()));
        p.put("area", areas.forCase(form.area(), "area").code());
        p.put("dateOfDeath", form.dateOfDeath());
        p.put("timeOfDeath", form.timeOfDeath());
        p.put("signsOfLife", blankToNull(form.signsOfLife()));
        p.put("placeOfDeath", form.placeOfDeath());
        p.put("notifiedExpected", form.notifiedExpected());
        p.put("circumstances", form.circumstances());
        p.put("postMortemRequired", form.postMortemRequired());
        p.put("coronerInformed", form.coronerInformed());
        jdbc.sql("""
                insert into notification (id, case_id, received_at, received_by, notifier_name, notifier_role,
                    notifier_organisation, notifier_email, notifier_phone, child_first_name, child_last_name,
                    child_other_names, date_of_birth, sex, nhs_number, nhs_number_absent_reason, ethnicity,
                    address_line, postcode, area, date_of_death, time_of_death, signs_of_life, place_of_death, notified_expected,
                    circumstances, post_mortem_required, coroner_informed)
                values (:id, null, :receivedAt, :receivedBy, :notifierName, :notifierRole, :notifierOrganisation,
                    :notifierEmail, :notifierPhone, :childFirstName, :childLastName, :childOtherNames, :dateOfBirth,
                    :sex, :nhsNumber, :nhsNumberAbsentReason, :ethnicity, :addressLine, :postcode, :area, :dateOfDeath,
                    :timeOfDeath, :signsOfLife, :placeOfDeath, :notifiedExpected, :circumstances, :postMortemRequired,
                    :coronerInformed)""").params(p).update();
        List<FormA.Agency> agencies = form.agenciesOrEmpty();
        for (int i = 0; i < agencies.size(); i++) {
            FormA.Agency agency = agencies.get(i);
            jdbc.sql("""
                    insert into notification_agency (id, notification_id, position, agency, contact_name, contact_email)
                    values (?, ?, ?, ?, ?, ?)""")
                    .params(UUID.randomUUID(), id, i, agency.agency().trim(), blankToNull(agency.contactName()),
                            blankToNull(agency.contactEmail()))
                    .update();
        }
        return id;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

}
