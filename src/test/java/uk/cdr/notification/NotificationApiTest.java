package uk.cdr.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.ObjectMapper;

import uk.cdr.support.HttpSession;
import uk.cdr.support.IntegrationTest;
import uk.cdr.web.PlainText;

/** POST /api/notifications on PostgreSQL: the SPOC's Form A over the API. */
class NotificationApiTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    @Test
    void theSpocLogsADeathAndGetsItsReference() throws Exception {
        HttpSession.Response response = spoc().postJson("/api/notifications", json.writeValueAsString(TestForms.aNotification()));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.body()).containsPattern("\"caseReference\":\"2014-15/\\d{3}\"");
        // Born 2 November 2014, died 9 March 2015: days for a program, words for a person.
        assertThat(response.body()).contains("\"ageAtDeathDays\":127", "\"ageAtDeath\":\"4 months\"");
        String reference = json.readTree(response.body()).get("caseReference").asText();
        assertThat(jdbc.sql("select count(*) from notification n join case_file c on c.id = n.case_id where c.case_reference = ?")
                .param(reference).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'CASE_CREATED' and case_reference = ?")
                .param(reference).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void anInvalidFormIsRejectedFieldByFieldAndNothingIsSaved() throws Exception {
        long cases = caseCount();
        FormA bad = FormAValidatorTest.with(TestForms.aNotification(), "nhsNumber", "1234567890");
        bad = FormAValidatorTest.with(bad, "sex", "robot");
        HttpSession.Response response = spoc().postJson("/api/notifications", json.writeValueAsString(bad));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(response.body()).contains("\"field\":\"nhsNumber\"", "\"field\":\"sex\"",
                "\"rule\":\"NHS number must be 10 digits with a valid check digit\"",
                "\"rule\":\"Sex must be one of male, female");
        // The detail names each field as the page does, not by its key twice.
        assertThat(json.readTree(response.body()).get("detail").asText())
                .contains("NHS number must be 10 digits with a valid check digit", "Sex must be one of")
                .doesNotContain("nhsNumber");
        assertThat(caseCount()).isEqualTo(cases);
    }

    /** Issue 16: a stillbirth is not reviewed, and the answer says so by field; nothing is written. */
    @Test
    void aStillbirthIsRefusedWithItsReasonAndNothingIsSaved() throws Exception {
        long cases = caseCount();
        FormA f = TestForms.aNotification();
        FormA stillborn = FormAValidatorTest.with(FormAValidatorTest.withDates(f, f.dateOfDeath(), f.dateOfDeath()),
                "signsOfLife", "no");
        HttpSession.Response response = spoc().postJson("/api/notifications", json.writeValueAsString(stillborn));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"signsOfLife\"", "stillbirths are not reviewed");
        assertThat(caseCount()).isEqualTo(cases);

        FormA liveBorn = FormAValidatorTest.with(stillborn, "signsOfLife", "yes");
        HttpSession.Response logged = spoc().postJson("/api/notifications", json.writeValueAsString(liveBorn));
        assertThat(logged.status()).as(logged.body()).isEqualTo(201);
        assertThat(jdbc.sql("select signs_of_life from notification where nhs_number = ?").param(liveBorn.nhsNumber())
                .query(String.class).single()).isEqualTo("yes");
    }

    /** Issue 12: Form A's one-line answers go into the notification emails. */
    @Test
    void aLineBreakInAOneLineAnswerIsRefusedByNameAndFreeTextKeepsItsLines() throws Exception {
        long cases = caseCount();
        FormA bad = FormAValidatorTest.with(TestForms.aNotification(), "notifierOrganisation", "St Elsewhere\r\nBcc: x@evil.example");
        HttpSession.Response response = spoc().postJson("/api/notifications", json.writeValueAsString(bad));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"notifierOrganisation\"",
                "Notifier's organisation " + PlainText.SINGLE_LINE_RULE);
        assertThat(caseCount()).isEqualTo(cases);

        FormA lines = FormAValidatorTest.with(TestForms.aNotification(), "circumstances", "Found unresponsive.\r\nCPR unsuccessful.");
        assertThat(spoc().postJson("/api/notifications", json.writeValueAsString(lines)).status()).isEqualTo(201);
    }

    @Test
    void aMalformedDateIsNamed() {
        HttpSession.Response response = spoc().postJson("/api/notifications",
                "{\"dateOfDeath\":\"2015-02-30\",\"childFirstName\":\"A\"}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"dateOfDeath\"", "a date (yyyy-mm-dd)");
        HttpSession.Response notJson = spoc().postJson("/api/notifications", "{not json");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.body()).doesNotContain("Exception");
    }

    @Test
    void onlyTheSpocLogsDeaths() throws Exception {
        HttpSession doctor = browser().withBasicAuth("doctor", DEMO_PASSWORD);
        assertThat(doctor.postJson("/api/notifications", json.writeValueAsString(TestForms.aNotification())).status())
                .isEqualTo(403);
    }

    private HttpSession spoc() {
        return browser().withBasicAuth("spoc", DEMO_PASSWORD);
    }

    private long caseCount() {
        return jdbc.sql("select count(*) from case_file").query(Long.class).single();
    }
}
