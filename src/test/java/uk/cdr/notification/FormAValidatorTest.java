package uk.cdr.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import uk.cdr.area.Area;
import uk.cdr.area.Areas;
import uk.cdr.web.PlainText;

/** One test per Form A rule; the valid form passes untouched. */
class FormAValidatorTest {

    static final Areas TWO_AREAS = new Areas(List.of(new Area("north", "North Borough"), new Area("south", "South Borough")));
    private static final Clock TODAY = Clock.fixed(Instant.parse("2015-03-10T12:00:00Z"), ZoneId.of("Europe/London"));
    private final FormAValidator validator = new FormAValidator(TODAY, TWO_AREAS);

    static FormA valid() {
        return new FormA("Dr Ann Smith", "Paediatric registrar", "St Elsewhere Hospital", "ann.smith@nhs.example",
                "020 7946 0000", "Jamie", "Doe", null, LocalDate.of(2014, 11, 2), "male", "401 023 2137", null,
                "white-british", "1 High Street", "SW1A 1AA", "north", LocalDate.of(2015, 3, 9), LocalTime.of(23, 40), null,
                "hospital-emergency-department", "unexpected", "Found unresponsive at home; CPR unsuccessful.",
                "yes", "yes", List.of(new FormA.Agency("GP", "Dr Who", "gp@nhs.example")));
    }

    @Test
    void aCompleteFormPasses() {
        assertThat(validator.validate(valid())).isEmpty();
    }

    @Test
    void missingMandatoryFieldsAreEachNamed() {
        FormA empty = new FormA(null, "", null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null);
        assertThat(validator.validate(empty)).extracting(FieldError::field).contains("notifierName", "notifierRole",
                "notifierOrganisation", "notifierEmail", "childFirstName", "childLastName", "dateOfBirth", "sex",
                "nhsNumber", "ethnicity", "dateOfDeath", "placeOfDeath", "notifiedExpected", "circumstances",
                "postMortemRequired", "coronerInformed");
        // Each message names its field in the page's words, never by its key.
        assertThat(validator.validate(empty)).allSatisfy(e -> assertThat(e.rule()).startsWith(FormAValidator.labelOf(e.field()))
                .doesNotContain(e.field()));
        assertThat(validator.validate(empty)).contains(new FieldError("dateOfDeath", "Date of death is required"),
                new FieldError("childFirstName", "Child's first name is required"));
    }

    /** Single-line answers go into the notification emails: a line break there would let the notifier write lines of their own. */
    @Test
    void singleLineFieldsRefuseLineBreaksTabsAndOtherControlCharacters() {
        for (String field : List.of("notifierName", "notifierRole", "notifierOrganisation", "notifierPhone",
                "childFirstName", "childLastName", "childOtherNames", "addressLine", "nhsNumberAbsentReason")) {
            FormA form = "nhsNumberAbsentReason".equals(field) ? with(valid(), "nhsNumber", null) : valid();
            for (String control : List.of("\r\n", "\n", "\r", "\t", "\u0000")) {
                assertThat(validator.validate(with(form, field, "Ab" + control + "Bcc: x@evil.example")))
                        .as(field).containsExactly(new FieldError(field, FormAValidator.labelOf(field) + " " + PlainText.SINGLE_LINE_RULE));
            }
        }
        // A postcode is checked trimmed: a line break after it must still be refused.
        assertThat(validator.validate(with(valid(), "postcode", "SW1A 1AA\r\n")))
                .containsExactly(new FieldError("postcode", "Postcode " + PlainText.SINGLE_LINE_RULE));
        assertThat(validator.validate(with(valid(), "notifierEmail", "ann@nhs.example\u0007")))
                .containsExactly(new FieldError("notifierEmail", "Notifier's email " + PlainText.SINGLE_LINE_RULE));
        assertThat(validator.validate(FormAExamples.withAgencies(List.of(new FormA.Agency("GP\r\nBcc: x", "Dr\tWho",
                "gp@nhs.example"))))).extracting(FieldError::field, FieldError::rule).containsExactly(
                org.assertj.core.groups.Tuple.tuple("agencies[0].agency", "Agency 1: agency name " + PlainText.SINGLE_LINE_RULE),
                org.assertj.core.groups.Tuple.tuple("agencies[0].contactName", "Agency 1: contact name " + PlainText.SINGLE_LINE_RULE));
    }

    @Test
    void theCircumstancesMaySpanLinesButHoldNoOtherControlCharacter() {
        assertThat(validator.validate(with(valid(), "circumstances", "Found unresponsive.\r\nCPR unsuccessful.\nTaken to A&E.")))
                .isEmpty();
        assertThat(validator.validate(with(valid(), "circumstances", "Found\u0000 unresponsive.")))
                .containsExactly(new FieldError("circumstances", "Circumstances " + PlainText.MULTI_LINE_RULE));
    }

    @Test
    void aWrongNhsCheckDigitIsRejected() {
        assertThat(errors(f -> with(f, "nhsNumber", "4010232138")))
                .containsExactly(new FieldError("nhsNumber", "NHS number must be 10 digits with a valid check digit"));
        assertThat(errors(f -> with(f, "nhsNumber", "40102321"))).extracting(FieldError::field).containsExactly("nhsNumber");
    }

    @Test
    void anAbsentNhsNumberNeedsAReason() {
        assertThat(errors(f -> with(with(f, "nhsNumber", null), "nhsNumberAbsentReason", null)))
                .containsExactly(new FieldError("nhsNumber", "NHS number is required, or say why there is none"));
        assertThat(errors(f -> with(with(f, "nhsNumber", ""), "nhsNumberAbsentReason", "Born abroad, not registered")))
                .isEmpty();
    }

    @Test
    void deathBeforeBirthIsRejected() {
        assertThat(errors(f -> withDates(f, LocalDate.of(2015, 1, 5), LocalDate.of(2015, 1, 4))))
                .containsExactly(new FieldError("dateOfDeath", "Date of death must not be before the date of birth"));
    }

    @Test
    void datesInTheFutureAreRejected() {
        assertThat(errors(f -> withDates(f, LocalDate.of(2014, 1, 5), LocalDate.of(2015, 3, 11))))
                .containsExactly(new FieldError("dateOfDeath", "Date of death must not be in the future"));
        assertThat(errors(f -> withDates(f, LocalDate.of(2015, 3, 12), null))).extracting(FieldError::rule)
                .contains("Date of birth must not be in the future", "Date of death is required");
    }

    @Test
    void aYoungPersonOf18OrOverAtDeathIsNotAChild() {
        assertThat(errors(f -> withDates(f, LocalDate.of(1997, 3, 9), LocalDate.of(2015, 3, 9))))
                .containsExactly(new FieldError("dateOfDeath",
                        "Date of death must be before the child's 18th birthday: the review is of deaths of children under 18"));
        assertThat(errors(f -> withDates(f, LocalDate.of(1997, 3, 10), LocalDate.of(2015, 3, 9)))).isEmpty();
    }

    /** Issue 16: stillbirths are out of scope. */
    @Test
    void aBabyWhoDiedOnTheDayOfBirthIsAskedForSignsOfLifeAndAStillbirthIsRefused() {
        LocalDate day = LocalDate.of(2015, 3, 9);
        assertThat(errors(f -> withDates(f, day, day))).containsExactly(new FieldError("signsOfLife",
                "Signs of life at birth is required for a baby who died on the day of birth"));
        assertThat(errors(f -> with(withDates(f, day, day), "signsOfLife", "yes"))).isEmpty();
        assertThat(errors(f -> with(withDates(f, day, day), "signsOfLife", "no"))).singleElement()
                .satisfies(e -> assertThat(e.field()).isEqualTo("signsOfLife"))
                .satisfies(e -> assertThat(e.rule()).startsWith("Signs of life at birth must be yes")
                        .contains("stillbirths are not reviewed"));
        assertThat(errors(f -> with(withDates(f, day, day), "signsOfLife", "maybe"))).containsExactly(
                new FieldError("signsOfLife", "Signs of life at birth must be one of yes, no"));
        // Asked only of a death on the day of birth, but "no" says stillbirth whenever it is given.
        assertThat(errors(f -> withDates(f, day.minusDays(1), day))).isEmpty();
        assertThat(errors(f -> with(withDates(f, day.minusDays(1), day), "signsOfLife", "no")))
                .extracting(FieldError::field).containsExactly("signsOfLife");
    }

    @Test
    void theAreaIsOneOfTheCdopsByCodeOrNameAndRequiredWhereThereAreSeveral() {
        assertThat(validator.validate(with(valid(), "area", "South Borough"))).isEmpty();
        assertThat(validator.validate(with(valid(), "area", " SOUTH "))).isEmpty();
        assertThat(validator.validate(with(valid(), "area", "westshire"))).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("area");
            assertThat(e.rule()).isEqualTo("Area where the child lived must be one of the CDOP's areas, not 'westshire': "
                    + "one of north (North Borough), south (South Borough)");
        });
        assertThat(validator.validate(with(valid(), "area", null))).extracting(FieldError::rule)
                .containsExactly("Area where the child lived is required: one of north (North Borough), south (South Borough)");
        // A CDOP of one area never asks: the case is of that area.
        FormAValidator oneArea = new FormAValidator(TODAY, new Areas(List.of(new Area("borough", "The borough"))));
        assertThat(oneArea.validate(with(valid(), "area", null))).isEmpty();
        assertThat(oneArea.validate(with(valid(), "area", "north"))).extracting(FieldError::field).containsExactly("area");
    }

    @Test
    void unknownCodesAreRejectedWithTheAllowedOnes() {
        assertThat(errors(f -> with(f, "sex", "other"))).singleElement()
                .satisfies(e -> assertThat(e.rule()).startsWith("Sex must be one of male, female"));
        assertThat(errors(f -> with(f, "placeOfDeath", "car"))).extracting(FieldError::field).containsExactly("placeOfDeath");
        assertThat(errors(f -> with(f, "ethnicity", "martian"))).extracting(FieldError::field).containsExactly("ethnicity");
        assertThat(errors(f -> with(f, "notifiedExpected", "maybe"))).extracting(FieldError::field)
                .containsExactly("notifiedExpected");
    }

    @Test
    void oversizedTextIsRejected() {
        assertThat(errors(f -> with(f, "circumstances", "x".repeat(4001))))
                .containsExactly(new FieldError("circumstances", "Circumstances must be at most 4000 characters"));
        assertThat(errors(f -> with(f, "childFirstName", "x".repeat(201)))).extracting(FieldError::field)
                .containsExactly("childFirstName");
    }

    @Test
    void badEmailsAndPostcodesAreRejected() {
        assertThat(errors(f -> with(f, "notifierEmail", "not-an-email"))).extracting(FieldError::field)
                .containsExactly("notifierEmail");
        assertThat(errors(f -> with(f, "postcode", "12345"))).extracting(FieldError::field).containsExactly("postcode");
    }

    @Test
    void eachAgencyIsCheckedByPosition() {
        List<FormA.Agency> agencies = new ArrayList<>();
        agencies.add(new FormA.Agency("Police", null, null));
        agencies.add(new FormA.Agency("", "Someone", "nope"));
        assertThat(errors(f -> withAgencies(f, agencies))).containsExactlyInAnyOrder(
                new FieldError("agencies[1].agency", "Agency 2: agency name is required"),
                new FieldError("agencies[1].contactEmail", "Agency 2: contact email must be an email address"));
    }

    private List<FieldError> errors(UnaryOperator<FormA> change) {
        return validator.validate(change.apply(valid()));
    }

    static FormA withDates(FormA f, LocalDate birth, LocalDate death) {
        return new FormA(f.notifierName(), f.notifierRole(), f.notifierOrganisation(), f.notifierEmail(),
                f.notifierPhone(), f.childFirstName(), f.childLastName(), f.childOtherNames(), birth, f.sex(),
                f.nhsNumber(), f.nhsNumberAbsentReason(), f.ethnicity(), f.addressLine(), f.postcode(), f.area(), death,
                f.timeOfDeath(), f.signsOfLife(), f.placeOfDeath(), f.notifiedExpected(), f.circumstances(),
                f.postMortemRequired(), f.coronerInformed(), f.agencies());
    }

    static FormA withAgencies(FormA f, List<FormA.Agency> agencies) {
        return new FormA(f.notifierName(), f.notifierRole(), f.notifierOrganisation(), f.notifierEmail(),
                f.notifierPhone(), f.childFirstName(), f.childLastName(), f.childOtherNames(), f.dateOfBirth(),
                f.sex(), f.nhsNumber(), f.nhsNumberAbsentReason(), f.ethnicity(), f.addressLine(), f.postcode(), f.area(),
                f.dateOfDeath(), f.timeOfDeath(), f.signsOfLife(), f.placeOfDeath(), f.notifiedExpected(),
                f.circumstances(), f.postMortemRequired(), f.coronerInformed(), agencies);
    }

    /** Replaces one text field by its data dictionary name. */
    static FormA with(FormA f, String field, String value) {
        String[] v = {f.notifierName(), f.notifierRole(), f.notifierOrganisation(), f.notifierEmail(),
                f.notifierPhone(), f.childFirstName(), f.childLastName(), f.childOtherNames(), f.sex(), f.nhsNumber(),
                f.nhsNumberAbsentReason(), f.ethnicity(), f.addressLine(), f.postcode(), f.area(), f.placeOfDeath(),
                f.notifiedExpected(), f.circumstances(), f.postMortemRequired(), f.coronerInformed(), f.signsOfLife()};
        List<String> names = List.of("notifierName", "notifierRole", "notifierOrganisation", "notifierEmail",
                "notifierPhone", "childFirstName", "childLastName", "childOtherNames", "sex", "nhsNumber",
                "nhsNumberAbsentReason", "ethnicity", "addressLine", "postcode", "area", "placeOfDeath", "notifiedExpected",
                "circumstances", "postMortemRequired", "coronerInformed", "signsOfLife");
        int index = names.indexOf(field);
        if (index < 0) {
            throw new IllegalArgumentException(field);
        }
        v[index] = value;
        return new FormA(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], f.dateOfBirth(), v[8], v[9], v[10], v[11],
                v[12], v[13], v[14], f.dateOfDeath(), f.timeOfDeath(), v[20], v[15], v[16], v[17], v[18], v[19], f.agencies());
    }
}
