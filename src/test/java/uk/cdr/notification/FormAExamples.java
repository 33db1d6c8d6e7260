package uk.cdr.notification;

import java.util.List;

/** Valid Form A examples for other features' tests, which need a case to work on. */
public final class FormAExamples {

    private FormAExamples() {
    }

    /** A valid Form A for a child no other test has notified (see TestForms): one agency, GP at gp@nhs.example. */
    public static FormA valid() {
        return TestForms.aNotification();
    }

    /** The same, naming these agencies. */
    public static FormA withAgencies(List<FormA.Agency> agencies) {
        FormA f = valid();
        return new FormA(f.notifierName(), f.notifierRole(), f.notifierOrganisation(), f.notifierEmail(),
                f.notifierPhone(), f.childFirstName(), f.childLastName(), f.childOtherNames(), f.dateOfBirth(), f.sex(),
                f.nhsNumber(), f.nhsNumberAbsentReason(), f.ethnicity(), f.addressLine(), f.postcode(), f.area(), f.dateOfDeath(),
                f.timeOfDeath(), f.signsOfLife(), f.placeOfDeath(), f.notifiedExpected(), f.circumstances(), f.postMortemRequired(),
                f.coronerInformed(), agencies);
    }

    /** A valid Form A for this child, who lived in this area (a code or name; null: none given). */
    public static FormA inArea(String firstName, String lastName, String area) {
        FormA named = FormAValidatorTest.with(FormAValidatorTest.with(valid(), "childFirstName", firstName), "childLastName",
                lastName);
        return FormAValidatorTest.with(named, "area", area);
    }

    /** A valid Form A for a child born and died on these days (a neonatal death, say). */
    public static FormA bornAndDied(java.time.LocalDate born, java.time.LocalDate died) {
        return FormAValidatorTest.withDates(valid(), born, died);
    }

    /** This Form A with one text field (by its API name) changed. */
    public static FormA with(FormA form, String field, String value) {
        return FormAValidatorTest.with(form, field, value);
    }

    /** This Form A for a child born and died on these days. */
    public static FormA withDates(FormA form, java.time.LocalDate born, java.time.LocalDate died) {
        return FormAValidatorTest.withDates(form, born, died);
    }
}
