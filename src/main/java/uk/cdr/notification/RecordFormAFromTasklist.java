package uk.cdr.notification;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Form A submitted from Tasklist's start form: the same validator and service as the page and the
 * API. Runs inside the submit, so a rejection rolls everything back and Tasklist shows the rules
 * broken, field by field. The answers do not stay in the engine as variables.
 */
@Component("recordFormAFromTasklist")
class RecordFormAFromTasklist implements ExecutionListener {

    static final List<String> FIELDS = List.of("notifierName", "notifierRole", "notifierOrganisation",
            "notifierEmail", "notifierPhone", "childFirstName", "childLastName", "childOtherNames", "dateOfBirth",
            "sex", "nhsNumber", "nhsNumberAbsentReason", "ethnicity", "addressLine", "postcode", "dateOfDeath",
            "timeOfDeath", "placeOfDeath", "notifiedExpected", "circumstances", "postMortemRequired",
            "coronerInformed", "agenciesKnown");

    private final Notifications notifications;

    RecordFormAFromTasklist(Notifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public void notify(DelegateExecution execution) {
        List<FieldError> unreadable = new ArrayList<>();
        FormA form = new FormA(text(execution, "notifierName"), text(execution, "notifierRole"),
                text(execution, "notifierOrganisation"), text(execution, "notifierEmail"),
                text(execution, "notifierPhone"), text(execution, "childFirstName"), text(execution, "childLastName"),
                text(execution, "childOtherNames"), date(execution, "dateOfBirth", unreadable),
                text(execution, "sex"), text(execution, "nhsNumber"), text(execution, "nhsNumberAbsentReason"),
                text(execution, "ethnicity"), text(execution, "addressLine"), text(execution, "postcode"),
                date(execution, "dateOfDeath", unreadable), time(execution, "timeOfDeath", unreadable),
                text(execution, "placeOfDeath"), text(execution, "notifiedExpected"), text(execution, "circumstances"),
                text(execution, "postMortemRequired"), text(execution, "coronerInformed"),
                agencies(text(execution, "agenciesKnown")));
        try {
            if (!unreadable.isEmpty()) {
                throw new InvalidFormA(unreadable);
            }
            Notifications.Recorded recorded = notifications.record(form, (String) execution.getVariable("notifiedBy"));
            execution.setVariable("recordedCaseReference",
                    recorded.caseReference() != null ? recorded.caseReference() : "possible duplicate of " + recorded.possibleDuplicateOf());
        } catch (InvalidFormA invalid) {
            throw new ProcessEngineException("Form A was not saved. " + invalid.errors().stream()
                    .map(e -> e.field() + " " + e.rule()).collect(Collectors.joining("; ")));
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

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString();
    }

    private static LocalDate date(DelegateExecution execution, String name, List<FieldError> errors) {
        String value = text(execution, name);
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, "must be a date (yyyy-mm-dd)"));
            return null;
        }
    }

    private static LocalTime time(DelegateExecution execution, String name, List<FieldError> errors) {
        String value = text(execution, name);
        try {
            return value == null || value.isBlank() ? null : LocalTime.parse(value.length() > 5 ? value.substring(0, 5) : value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, "must be a time (hh:mm)"));
            return null;
        }
    }
}
