package uk.cdr.agencyreport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.cdr.agencyreport.FormBFixtures.validAnswers;
import static uk.cdr.agencyreport.FormBFixtures.with;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import uk.cdr.web.PlainText;

/** One test per Form B rule, all read from the one form definition; the valid form passes untouched. */
class FormBValidatorTest {

    private static final Clock TODAY = Clock.fixed(Instant.parse("2015-03-20T12:00:00Z"), ZoneId.of("Europe/London"));
    private final FormBDefinition definition = new FormBDefinition();
    private final FormBValidator validator = new FormBValidator(definition, TODAY);

    @Test
    void aCompleteFormPassesAndIsStoredAsTyped() {
        FormBValidator.Result result = validator.validate(validAnswers());
        assertThat(result.errors()).isEmpty();
        assertThat(result.answers()).containsEntry("lastContactDate", LocalDate.of(2015, 2, 20))
                .containsEntry("developmentDetails", null).containsEntry("reporterName", "Dr Gee Pee");
    }

    @Test
    void theDefinitionIsTheCamundaFormWithEveryDomainOfFormB() {
        assertThat(definition.id()).isEqualTo("form-b-agency-report");
        assertThat(definition.fields()).extracting(FormBDefinition.Field::key).contains("reporterName", "reporterRole",
                "reporterAgency", "reporterEmail", "reporterPhone", "contactWith", "firstContactDate", "lastContactDate",
                "natureOfContact", "knownHealth", "development", "familyAndEnvironment", "parenting", "serviceFactors",
                "concerns", "additionalInformation");
    }

    @Test
    void missingMandatoryFieldsAreEachNamed() {
        assertThat(validator.validate(Map.of()).errors()).containsExactlyInAnyOrder(
                new FieldError("reporterName", "Your name is required"),
                new FieldError("reporterRole", "Your role is required"),
                new FieldError("reporterAgency", "Your agency is required"),
                new FieldError("reporterEmail", "Your email is required"),
                new FieldError("contactWith", "Your agency had contact with: choose The child, The family, "
                        + "The child and the family, Neither or Not known"),
                new FieldError("knownHealth", "Known health issues of the child: choose Yes, No or Not known"),
                new FieldError("development", "Developmental issues: choose Yes, No or Not known"),
                new FieldError("familyAndEnvironment", "Family and environment factors: choose Yes, No or Not known"),
                new FieldError("parenting", "Parenting factors: choose Yes, No or Not known"),
                new FieldError("serviceFactors",
                        "Service factors (how services were provided or used): choose Yes, No or Not known"),
                new FieldError("concerns", "Concerns (including safeguarding): choose Yes, No or Not known"));
        assertThat(validator.validate(with(validAnswers(), "reporterName", "   ")).errors())
                .containsExactly(new FieldError("reporterName", "Your name is required"));
    }

    @Test
    void notKnownIsAnAnswerLikeAnyOther() {
        Map<String, String> allNotKnown = new HashMap<>(validAnswers());
        for (String key : List.of("contactWith", "knownHealth", "development", "familyAndEnvironment", "parenting",
                "serviceFactors", "concerns")) {
            allNotKnown.put(key, "not-known");
        }
        assertThat(validator.validate(allNotKnown).errors()).isEmpty();
    }

    @Test
    void unknownCodesAreRejected() {
        assertThat(validator.validate(with(validAnswers(), "parenting", "maybe")).errors())
                .containsExactly(new FieldError("parenting", "Parenting factors: choose Yes, No or Not known"));
        assertThat(validator.validate(with(validAnswers(), "contactWith", "Not known")).errors())
                .extracting(FieldError::field).containsExactly("contactWith");
    }

    @Test
    void oversizedTextIsRejected() {
        assertThat(validator.validate(with(validAnswers(), "reporterName", "x".repeat(201))).errors())
                .containsExactly(new FieldError("reporterName", "Your name must be at most 200 characters"));
        assertThat(validator.validate(with(validAnswers(), "additionalInformation", "x".repeat(4001))).errors())
                .containsExactly(new FieldError("additionalInformation",
                        "Anything else the panel should know must be at most 4000 characters"));
        assertThat(validator.validate(with(validAnswers(), "additionalInformation", "x".repeat(4000))).errors()).isEmpty();
    }

    @Test
    void theReportersEmailMustBeAnEmailAddress() {
        assertThat(validator.validate(with(validAnswers(), "reporterEmail", "gee.pee at nhs")).errors())
                .containsExactly(new FieldError("reporterEmail", "Your email must be an email address, like name@example.org"));
    }

    @Test
    void contactDatesAreRealDatesInOrderAndNotInTheFuture() {
        assertThat(validator.validate(with(validAnswers(), "firstContactDate", "10/11/2014")).errors())
                .containsExactly(new FieldError("firstContactDate", "First contact must be a real date"));
        assertThat(validator.validate(with(validAnswers(), "lastContactDate", "2015-03-21")).errors())
                .containsExactly(new FieldError("lastContactDate", "Last contact must not be in the future"));
        assertThat(validator.validate(with(validAnswers(), "lastContactDate", "2014-11-09")).errors())
                .containsExactly(new FieldError("lastContactDate", "Last contact must not be before first contact"));
    }

    @Test
    void aYesNeedsItsDetails() {
        assertThat(validator.validate(with(validAnswers(), "knownHealthDetails", "")).errors())
                .containsExactly(new FieldError("knownHealthDetails",
                        "Details: known health issues of the child is required when you answer Yes to "
                                + "\"Known health issues of the child\""));
        assertThat(validator.validate(with(validAnswers(), "concerns", "yes")).errors())
                .containsExactly(new FieldError("concernsDetails",
                        "Details: concerns (including safeguarding) is required when you answer Yes to "
                                + "\"Concerns (including safeguarding)\""));
    }

    @Test
    void theAgencyListNeedsAnAgencyAndAContactEmailForEach() {
        assertThat(AgencyReports.validate(List.of(), true))
                .containsExactly(new FieldError("agencies", "must list at least one agency"));
        assertThat(AgencyReports.validate(List.of(new AgencyContact("GP", "Dr Who", "gp@nhs.example"),
                new AgencyContact(" ", "x".repeat(201), "not-an-email")), true)).containsExactly(
                new FieldError("agencies[1].agency", "is required"),
                new FieldError("agencies[1].contactName", "must be at most 200 characters"),
                new FieldError("agencies[1].contactEmail", "must be an email address"));
    }

    @Test
    void oneLineAnswersAndAgencyContactsRefuseLineBreaksAndFreeTextKeepsThem() {
        assertThat(validator.validate(with(validAnswers(), "reporterName", "Dr A\r\nBcc: x@evil.example")).errors())
                .containsExactly(new FieldError("reporterName", "Your name " + PlainText.SINGLE_LINE_RULE));
        assertThat(validator.validate(with(validAnswers(), "reporterAgency", "Surgery\tNorth")).errors())
                .containsExactly(new FieldError("reporterAgency", "Your agency " + PlainText.SINGLE_LINE_RULE));
        assertThat(validator.validate(with(validAnswers(), "additionalInformation", "One.\r\nTwo.\nThree.")).errors()).isEmpty();
        assertThat(validator.validate(with(validAnswers(), "additionalInformation", "One.\u0000Two.")).errors())
                .containsExactly(new FieldError("additionalInformation", "Anything else the panel should know " + PlainText.MULTI_LINE_RULE));

        assertThat(AgencyReports.validate(List.of(new AgencyContact("Police\nBcc: x", "DC\rJones", "dc@police.example")), true))
                .containsExactly(new FieldError("agencies[0].agency", PlainText.SINGLE_LINE_RULE),
                        new FieldError("agencies[0].contactName", PlainText.SINGLE_LINE_RULE));
    }

    @Test
    void tokensAre32RandomBytesAndOnlyTheirHashIsKept() {
        String token = FormBTokens.newToken();
        assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(FormBTokens.newToken()).isNotEqualTo(token);
        assertThat(FormBTokens.hash(token)).hasSize(64).isNotEqualTo(token).isEqualTo(FormBTokens.hash(token));
        assertThat(FormBTokens.isWellFormed(token)).isTrue();
        assertThat(FormBTokens.isWellFormed("../../etc")).isFalse();
    }

    @Test
    void timingsAreConfigurationAndTheReminderComesBeforeTheDueDate() {
        FormBTimers timers = new FormBTimers("P21D", "P14D", "P7D", "P30D", TODAY);
        OffsetDateTime sent = OffsetDateTime.parse("2015-03-20T10:00:00Z");
        // Across the clock change of 29 March, 10:00 stays 10:00 in London.
        assertThat(timers.dueFrom(sent)).isEqualTo(OffsetDateTime.parse("2015-04-10T10:00:00+01:00"));
        assertThatThrownBy(() -> new FormBTimers("P14D", "P21D", "P7D", "P30D", TODAY))
                .hasMessageContaining("reminder");
        assertThatThrownBy(() -> new FormBTimers("P21D", "P14D", "-P7D", "P30D", TODAY))
                .hasMessageContaining("chase-extension");
    }
}
