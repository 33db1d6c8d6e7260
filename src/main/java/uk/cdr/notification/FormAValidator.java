package uk.cdr.notification;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import uk.cdr.area.Areas;
import uk.cdr.guidance.Edition;
import uk.cdr.guidance.Guidance;
import uk.cdr.child.NhsNumber;
import uk.cdr.web.PlainText;

/**
 * The one set of Form A rules, used by the page (as the SPOC types), the Tasklist start form and
 * the API alike. Returns every broken rule at once, field by field.
 */
@Component
public class FormAValidator {

    static final int SHORT_TEXT = 200;
    static final int LONG_TEXT = 4000;
    static final int MAX_AGENCIES = 30;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern POSTCODE = Pattern.compile("^[A-Za-z]{1,2}\\d[A-Za-z\\d]? ?\\d[A-Za-z]{2}$");

    private final Clock clock;
    private final Areas areas;
    private final Guidance guidance;

    @Autowired
    public FormAValidator(Clock clock, Areas areas, Guidance guidance) {
        this.clock = clock;
        this.areas = areas;
        this.guidance = guidance;
    }

    /** Under the seed's 2013 process. */
    public FormAValidator(Clock clock, Areas areas) {
        this(clock, areas, new Guidance(Edition.WORKING_TOGETHER_2013.code()));
    }

    /** Each field as the Log a death page labels it: every message names its field in these words. */
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("formA", "Form A"),
            Map.entry("notifierName", "Notifier's name"), Map.entry("notifierRole", "Notifier's role"),
            Map.entry("notifierOrganisation", "Notifier's organisation"), Map.entry("notifierEmail", "Notifier's email"),
            Map.entry("notifierPhone", "Notifier's phone"), Map.entry("childFirstName", "Child's first name"),
            Map.entry("childLastName", "Child's last name"), Map.entry("childOtherNames", "Child's other names"),
            Map.entry("dateOfBirth", "Date of birth"), Map.entry("sex", "Sex"), Map.entry("nhsNumber", "NHS number"),
            Map.entry("nhsNumberAbsentReason", "Why there is no NHS number"), Map.entry("ethnicity", "Ethnicity"),
            Map.entry("addressLine", "Address"), Map.entry("postcode", "Postcode"),
            Map.entry("area", "Area where the child lived"),
            Map.entry("dateOfDeath", "Date of death"), Map.entry("timeOfDeath", "Time of death"),
            Map.entry("signsOfLife", "Signs of life at birth"),
            Map.entry("placeOfDeath", "Place of death"), Map.entry("notifiedExpected", "The notifier's view"),
            Map.entry("circumstances", "Circumstances"), Map.entry("postMortemRequired", "Post-mortem required"),
            Map.entry("coronerInformed", "Coroner informed"), Map.entry("agencies", "Agencies"));
    private static final Pattern AGENCY_FIELD = Pattern.compile("^agencies\\[(\\d+)\\]\\.?(\\w*)$");

    public List<FieldError> validate(FormA form) {
        return rules(form).stream().map(e -> new FieldError(e.field(), labelOf(e.field()) + " " + e.rule())).toList();
    }

    /**
     * The field as a person reads it: "Date of death", "Agency 2: contact email" (rows count from 1
     * on the page); the key itself for a field the page does not have.
     */
    public static String labelOf(String field) {
        Matcher agency = AGENCY_FIELD.matcher(field);
        if (agency.matches()) {
            String row = "Agency " + (Integer.parseInt(agency.group(1)) + 1);
            return switch (agency.group(2)) {
                case "agency" -> row + ": agency name";
                case "contactName" -> row + ": contact name";
                case "contactEmail" -> row + ": contact email";
                default -> row;
            };
        }
        return LABELS.getOrDefault(field, field);
    }

    private List<FieldError> rules(FormA form) {
        List<FieldError> errors = new ArrayList<>();
        if (form == null) {
            errors.add(new FieldError("formA", "is required"));
            return errors;
        }
        requiredLine(errors, "notifierName", form.notifierName(), SHORT_TEXT);
        requiredLine(errors, "notifierRole", form.notifierRole(), SHORT_TEXT);
        requiredLine(errors, "notifierOrganisation", form.notifierOrganisation(), SHORT_TEXT);
        email(errors, "notifierEmail", form.notifierEmail(), true);
        optionalLine(errors, "notifierPhone", form.notifierPhone(), 40);

        requiredLine(errors, "childFirstName", form.childFirstName(), SHORT_TEXT);
        requiredLine(errors, "childLastName", form.childLastName(), SHORT_TEXT);
        optionalLine(errors, "childOtherNames", form.childOtherNames(), SHORT_TEXT);
        code(errors, "sex", form.sex(), Codes.SEX);
        code(errors, "ethnicity", form.ethnicity(), Codes.ETHNICITY);
        optionalLine(errors, "addressLine", form.addressLine(), SHORT_TEXT);
        if (!blank(form.postcode()) && !POSTCODE.matcher(form.postcode().trim()).matches()) {
            errors.add(new FieldError("postcode", "must be a UK postcode, e.g. SW1A 1AA"));
        } else if (!PlainText.isSingleLine(form.postcode())) {
            // trim() above would let a trailing line break through.
            errors.add(new FieldError("postcode", PlainText.SINGLE_LINE_RULE));
        }
        areas.ruleBroken(form.area()).ifPresent(rule -> errors.add(new FieldError("area", rule)));
        nhsNumber(errors, form);
        dates(errors, form);

        code(errors, "placeOfDeath", form.placeOfDeath(), Codes.PLACE_OF_DEATH);
        code(errors, "notifiedExpected", form.notifiedExpected(), Codes.NOTIFIED_EXPECTED);
        requiredFreeText(errors, "circumstances", form.circumstances(), LONG_TEXT);
        code(errors, "postMortemRequired", form.postMortemRequired(), Codes.YES_NO_NOT_KNOWN);
        code(errors, "coronerInformed", form.coronerInformed(), Codes.YES_NO_NOT_KNOWN);
        agencies(errors, form.agenciesOrEmpty());
        return errors;
    }

    private void nhsNumber(List<FieldError> errors, FormA form) {
        if (blank(form.nhsNumber())) {
            if (blank(form.nhsNumberAbsentReason())) {
                errors.add(new FieldError("nhsNumber", "is required, or say why there is none"));
            } else if (guidance.current() == Edition.STATUTORY_GUIDANCE_2018) {
                code(errors, "nhsNumberAbsentReason", form.nhsNumberAbsentReason(), Codes.NHS_NUMBER_ABSENT_2018);
            } else {
                optionalLine(errors, "nhsNumberAbsentReason", form.nhsNumberAbsentReason(), SHORT_TEXT);
            }
        } else if (!NhsNumber.isValid(form.nhsNumber())) {
            errors.add(new FieldError("nhsNumber", "must be 10 digits with a valid check digit"));
        }
    }

    private void dates(List<FieldError> errors, FormA form) {
        LocalDate today = LocalDate.now(clock);
        if (form.dateOfBirth() == null) {
            errors.add(new FieldError("dateOfBirth", "is required"));
        } else if (form.dateOfBirth().isAfter(today)) {
            errors.add(new FieldError("dateOfBirth", "must not be in the future"));
        }
        if (form.dateOfDeath() == null) {
            errors.add(new FieldError("dateOfDeath", "is required"));
            return;
        }
        if (form.dateOfDeath().isAfter(today)) {
            errors.add(new FieldError("dateOfDeath", "must not be in the future"));
        }
        if (form.dateOfBirth() != null) {
            if (form.dateOfDeath().isBefore(form.dateOfBirth())) {
                errors.add(new FieldError("dateOfDeath", "must not be before the date of birth"));
            } else if (Period.between(form.dateOfBirth(), form.dateOfDeath()).getYears() >= 18) {
                errors.add(new FieldError("dateOfDeath", "must be before the child's 18th birthday: the review is of deaths of children under 18"));
            }
        }
        signsOfLife(errors, form);
    }

    /**
     * A baby who showed no sign of life at birth is stillborn, and stillbirths are not reviewed
     * (domain.md, Definitions): asked of a death on the day of birth, and "no" is refused whenever
     * it is given.
     */
    private static void signsOfLife(List<FieldError> errors, FormA form) {
        boolean diedOnTheDayOfBirth = form.dateOfBirth() != null && form.dateOfBirth().equals(form.dateOfDeath());
        if (blank(form.signsOfLife())) {
            if (diedOnTheDayOfBirth) {
                errors.add(new FieldError("signsOfLife", "is required for a baby who died on the day of birth"));
            }
        } else if ("no".equals(form.signsOfLife())) {
            errors.add(new FieldError("signsOfLife", "must be yes: a baby who showed no signs of life at birth is "
                    + "stillborn, and stillbirths are not reviewed by the child death review process, so do not notify it here"));
        } else if (!Codes.YES_NO.contains(form.signsOfLife())) {
            errors.add(new FieldError("signsOfLife", "must be one of " + String.join(", ", Codes.YES_NO)));
        }
    }

    private void agencies(List<FieldError> errors, List<FormA.Agency> agencies) {
        if (agencies.size() > MAX_AGENCIES) {
            errors.add(new FieldError("agencies", "must list at most " + MAX_AGENCIES + " agencies"));
            return;
        }
        for (int i = 0; i < agencies.size(); i++) {
            FormA.Agency agency = agencies.get(i);
            String prefix = "agencies[" + i + "].";
            if (agency == null) {
                errors.add(new FieldError("agencies[" + i + "]", "is required"));
                continue;
            }
            requiredLine(errors, prefix + "agency", agency.agency(), SHORT_TEXT);
            optionalLine(errors, prefix + "contactName", agency.contactName(), SHORT_TEXT);
            // The notifier may not know the contact's email; the SPOC completes it before Form B requests go out.
            email(errors, prefix + "contactEmail", agency.contactEmail(), false);
        }
    }

    /** Free text may span lines. */
    private static void requiredFreeText(List<FieldError> errors, String field, String value, int max) {
        if (blank(value)) {
            errors.add(new FieldError(field, "is required"));
        } else if (value.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        } else if (!PlainText.isMultiLine(value)) {
            errors.add(new FieldError(field, PlainText.MULTI_LINE_RULE));
        }
    }

    /** A single-line field: its value goes into the notification emails. */
    private static void optionalLine(List<FieldError> errors, String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        } else if (!PlainText.isSingleLine(value)) {
            errors.add(new FieldError(field, PlainText.SINGLE_LINE_RULE));
        }
    }

    private static void requiredLine(List<FieldError> errors, String field, String value, int max) {
        if (blank(value)) {
            errors.add(new FieldError(field, "is required"));
        } else {
            optionalLine(errors, field, value, max);
        }
    }

    private static void email(List<FieldError> errors, String field, String value, boolean required) {
        if (blank(value)) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
        } else if (value.length() > SHORT_TEXT || !EMAIL.matcher(value.trim()).matches()) {
            errors.add(new FieldError(field, "must be an email address"));
        } else if (!PlainText.isSingleLine(value)) {
            errors.add(new FieldError(field, PlainText.SINGLE_LINE_RULE));
        }
    }

    private static void code(List<FieldError> errors, String field, String value, List<String> codes) {
        if (blank(value)) {
            errors.add(new FieldError(field, "is required"));
        } else if (!codes.contains(value)) {
            errors.add(new FieldError(field, "must be one of " + String.join(", ", codes)));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
