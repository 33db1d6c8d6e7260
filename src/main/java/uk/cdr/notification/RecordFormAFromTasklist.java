package uk.cdr.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import uk.cdr.config.FormAnswers;
import uk.cdr.config.RefusedAnswers;

/**
 * Form A submitted from Tasklist's start form: the same validator and service as the page and the
 * API. Runs inside the submit, so a rejection rolls everything back and Tasklist shows the rules
 * broken, field by field. The answers do not stay in the engine as variables.
 */
@Component("recordFormAFromTasklist")
class RecordFormAFromTasklist implements ExecutionListener {

    static final List<String> FIELDS = List.of("notifierName", "notifierRole", "notifierOrganisation",
            "notifierEmail", "notifierPhone", "childFirstName", "childLastName", "childOtherNames", "dateOfBirth",
            "sex", "nhsNumber", "nhsNumberAbsentReason", "ethnicity", "addressLine", "postcode", "area", "dateOfDeath",
            "timeOfDeath", "signsOfLife", "placeOfDeath", "notifiedExpected", "circumstances", "postMortemRequired",
            "coronerInformed", "agenciesKnown");

    private final Notifications notifications;

    RecordFormAFromTasklist(Notifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public void notify(DelegateExecution execution) {
        List<FieldError> unreadable = new ArrayList<>();
        FormA form = new FormA(FormAnswers.text(execution, "notifierName"), FormAnswers.text(execution, "notifierRole"),
                FormAnswers.text(execution, "notifierOrganisation"), FormAnswers.text(execution, "notifierEmail"),
                FormAnswers.text(execution, "notifierPhone"), FormAnswers.text(execution, "childFirstName"), FormAnswers.text(execution, "childLastName"),
                FormAnswers.text(execution, "childOtherNames"), FormAnswers.date(execution, "dateOfBirth", (f, r) -> unreadable.add(new FieldError(f, r))),
                FormAnswers.text(execution, "sex"), FormAnswers.text(execution, "nhsNumber"), FormAnswers.text(execution, "nhsNumberAbsentReason"),
                FormAnswers.text(execution, "ethnicity"), FormAnswers.text(execution, "addressLine"), FormAnswers.text(execution, "postcode"), FormAnswers.text(execution, "area"),
                FormAnswers.date(execution, "dateOfDeath", (f, r) -> unreadable.add(new FieldError(f, r))), FormAnswers.time(execution, "timeOfDeath", (f, r) -> unreadable.add(new FieldError(f, r))),
                FormAnswers.text(execution, "signsOfLife"),
                FormAnswers.text(execution, "placeOfDeath"), FormAnswers.text(execution, "notifiedExpected"), FormAnswers.text(execution, "circumstances"),
                FormAnswers.text(execution, "postMortemRequired"), FormAnswers.text(execution, "coronerInformed"),
                agencies(FormAnswers.text(execution, "agenciesKnown")));
        try {
            if (!unreadable.isEmpty()) {
                throw new InvalidFormA(unreadable);
            }
            Notifications.Recorded recorded = notifications.record(form, (String) execution.getVariable("notifiedBy"));
            execution.setVariable("recordedCaseReference",
                    recorded.caseReference() != null ? recorded.caseReference() : "possible duplicate of " + recorded.possibleDuplicateOf());
            // Tasklist's answer to the start is this process instance, with its business key: the key is
            // how Tasklist can say which case the Form A opened (a case's processes are keyed by its
            // reference), or, for a possible duplicate, which notification waits for the SPOC (keyed by
            // its id, as the duplicate's resolution is).
            execution.setProcessBusinessKey(recorded.caseReference() != null ? recorded.caseReference()
                    : recorded.notificationId().toString());
        } catch (InvalidFormA invalid) {
            // A refusal the engine's REST API and Tasklist answer with 400, naming each field.
            throw new RefusedAnswers(invalid.errors().stream()
                    .map(e -> new RefusedAnswers.Refusal(e.field(), e.rule())).toList());
        }
        FIELDS.forEach(execution::removeVariable);
    }

    /** "GP; Dr Who; gp@nhs.example" per line; contact name and email may be left out. */
    static List<FormA.Agency> agencies(String lines) {
        if (lines == null || lines.isBlank()) {
            return List.of();
        }
        List<FormA.Agency> agencies = new ArrayList<>();
        for (String line : lines.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split(";", -1);
            agencies.add(new FormA.Agency(part(parts, 0), part(parts, 1), part(parts, 2)));
        }
        return agencies;
    }

    private static String part(String[] parts, int index) {
        return index < parts.length && !parts[index].isBlank() ? parts[index].trim() : null;
    }



}
