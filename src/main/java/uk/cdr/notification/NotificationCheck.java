package uk.cdr.notification;

import java.util.List;

import org.springframework.stereotype.Component;

import uk.cdr.child.NhsNumber;

/**
 * What the "Log a death" page shows as the SPOC types: the broken rules (the same validator that
 * guards saving) and any open case this death may duplicate. Saves nothing.
 */
@Component
public class NotificationCheck {

    public record Result(List<FieldError> errors, List<PossibleDuplicates.PossibleDuplicate> possibleDuplicates) {
    }

    private final FormAValidator validator;
    private final PossibleDuplicates duplicates;

    NotificationCheck(FormAValidator validator, PossibleDuplicates duplicates) {
        this.validator = validator;
        this.duplicates = duplicates;
    }

    public Result check(FormA form) {
        String nhs = form.nhsNumber() != null && NhsNumber.isValid(form.nhsNumber()) ? NhsNumber.normalise(form.nhsNumber()) : null;
        return new Result(validator.validate(form), duplicates.find(nhs, form.childFirstName(), form.childLastName(),
                form.dateOfBirth(), form.dateOfDeath()));
    }
}
