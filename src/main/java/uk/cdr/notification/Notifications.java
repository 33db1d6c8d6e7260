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

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.cdr.audit.AuditAction;
import uk.cdr.audit.AuditLog;
import uk.cdr.calendar.WorkingDays;
import uk.cdr.casefile.CaseReferences;
import uk.cdr.casefile.CaseReferences.CaseReference;
import uk.cdr.casefile.ReportingYear;

/**
 * Records a notification of a child's death: the one service behind the page, the Tasklist start
 * form and the API. In one transaction it validates Form A, opens the case file with its
 * reference, stores what the notifier said and starts the notification process; a rejected form
 * changes nothing.
 */
@Service
public class Notifications {

    static final int NEONATAL_DAYS = 28;

    private final FormAValidator validator;
    private final CaseReferences references;
    private final WorkingDays workingDays;
    private final RuntimeService runtimeService;
    private final JdbcClient jdbc;
    private final AuditLog auditLog;
    private final Clock clock;

    public Notifications(FormAValidator validator, CaseReferences references, WorkingDays workingDays,
            RuntimeService runtimeService, JdbcClient jdbc, AuditLog auditLog, Clock clock) {
        this.validator = validator;
        this.references = references;
        this.workingDays = workingDays;
        this.runtimeService = runtimeService;
        this.jdbc = jdbc;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    public record Recorded(UUID caseId, String caseReference, boolean outOfHours, int ageAtDeathDays,
            boolean neonatal) {
    }

    @Transactional
    public Recorded record(FormA form, String receivedBy) {
        List<FieldError> errors = validator.validate(form);
        if (!errors.isEmpty()) {
            throw new InvalidFormA(errors);
        }
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
        Date notifiedAt = Date.from(now.toInstant());
        int ageAtDeathDays = (int) ChronoUnit.DAYS.between(form.dateOfBirth(), form.dateOfDeath());
        boolean neonatal = ageAtDeathDays < NEONATAL_DAYS;
        boolean outOfHours = workingDays.isOutOfHours(notifiedAt);
        CaseReference reference = references.next(ReportingYear.of(form.dateOfDeath()));
        UUID caseId = UUID.randomUUID();

        insertCaseFile(caseId, reference, form, now, ageAtDeathDays, neonatal, outOfHours);
        insertNotification(caseId, form, now, receivedBy);

        Map<String, Object> variables = new HashMap<>();
        variables.put(CASE_ID, caseId.toString());
        variables.put(CASE_REFERENCE, reference.text());
        variables.put(NOTIFIED_AT, notifiedAt);
        variables.put(OUT_OF_HOURS, outOfHours);
        variables.put(NOTIFIED_EXPECTED, form.notifiedExpected());
        variables.put(PLACE_OF_DEATH, form.placeOfDeath());
        variables.put(AGE_AT_DEATH_DAYS, ageAtDeathDays);
        variables.put(NEONATAL, neonatal);
        String processInstanceId = runtimeService
                .startProcessInstanceByKey(PROCESS_KEY, reference.text(), variables).getId();
        jdbc.sql("update case_file set process_instance_id = ? where id = ?")
                .params(processInstanceId, caseId).update();
        auditLog.record(receivedBy, AuditAction.CASE_CREATED, reference.text(), "Form A from " + form.notifierOrganisation());
        return new Recorded(caseId, reference.text(), outOfHours, ageAtDeathDays, neonatal);
    }

    private void insertCaseFile(UUID caseId, CaseReference reference, FormA form, OffsetDateTime now,
            int ageAtDeathDays, boolean neonatal, boolean outOfHours) {
        jdbc.sql("""
                insert into case_file (id, case_reference, reporting_year, sequence_in_year, date_of_death,
                    notified_at, status, created_at, updated_at, child_first_name, child_last_name, date_of_birth,
                    nhs_number, sex, ethnicity, place_of_death, age_at_death_days, neonatal, out_of_hours,
                    notified_expected)
                values (:id, :reference, :year, :sequence, :dateOfDeath, :now, 'NOTIFIED', :now, :now, :firstName,
                    :lastName, :dateOfBirth, :nhsNumber, :sex, :ethnicity, :placeOfDeath, :age, :neonatal,
                    :outOfHours, :notifiedExpected)""")
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
                .update();
    }

    private void insertNotification(UUID caseId, FormA form, OffsetDateTime now, String receivedBy) {
        UUID id = UUID.randomUUID();
        Map<String, Object> p = new HashMap<>();
        p.put("id", id);
        p.put("caseId", caseId);
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
        p.put("dateOfDeath", form.dateOfDeath());
        p.put("timeOfDeath", form.timeOfDeath());
        p.put("placeOfDeath", form.placeOfDeath());
        p.put("notifiedExpected", form.notifiedExpected());
        p.put("circumstances", form.circumstances());
        p.put("postMortemRequired", form.postMortemRequired());
        p.put("coronerInformed", form.coronerInformed());
        jdbc.sql("""
                insert into notification (id, case_id, received_at, received_by, notifier_name, notifier_role,
                    notifier_organisation, notifier_email, notifier_phone, child_first_name, child_last_name,
                    child_other_names, date_of_birth, sex, nhs_number, nhs_number_absent_reason, ethnicity,
                    address_line, postcode, date_of_death, time_of_death, place_of_death, notified_expected,
                    circumstances, post_mortem_required, coroner_informed)
                values (:id, :caseId, :receivedAt, :receivedBy, :notifierName, :notifierRole, :notifierOrganisation,
                    :notifierEmail, :notifierPhone, :childFirstName, :childLastName, :childOtherNames, :dateOfBirth,
                    :sex, :nhsNumber, :nhsNumberAbsentReason, :ethnicity, :addressLine, :postcode, :dateOfDeath,
                    :timeOfDeath, :placeOfDeath, :notifiedExpected, :circumstances, :postMortemRequired,
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
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

}
