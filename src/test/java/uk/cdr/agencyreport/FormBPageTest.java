package uk.cdr.agencyreport;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.cdr.agencyreport.FormBFixtures.*;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import uk.cdr.notification.FormA;
import uk.cdr.notification.FormAExamples;
import uk.cdr.notification.Notifications;
import uk.cdr.support.HttpSession;
import uk.cdr.support.HttpSession.Response;
import uk.cdr.support.ProcessTest;

/** The agency's page, through HTTP as a browser would use it: no login, only the link. */
class FormBPageTest extends ProcessTest {

    static final LocalDateTime REQUESTED = LocalDateTime.of(2015, 3, 10, 10, 0);
    static final String NEUTRAL = "This link has expired or was already used";

    @Autowired
    Notifications notifications;

    @Autowired
    AgencyReports agencyReports;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    JdbcClient jdbc;

    record Requested(Notifications.Recorded recorded, UUID requestId, String email) {
        String token() {
            return latestToken(email);
        }
    }

    private Requested requested() {
        clockAt(REQUESTED);
        String email = uniqueEmail("police");
        Notifications.Recorded recorded = notifications.record(
                FormAExamples.withAgencies(List.of(new FormA.Agency("Metropolitan Police", "DC Jones", email))), "spoc");
        UUID id = agencyReports.request(recorded.caseId(), agencyReports.suggestedAgencies(recorded.caseId()), "spoc").get(0);
        runJobsOf(id);
        return new Requested(recorded, id, email);
    }

    @Test
    void theLinkOpensThatCasesFormBRenderedFromTheFormDefinition() {
        Requested r = requested();
        Response page = browser().get("/form-b/" + r.token());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(r.recorded().caseReference(), "Metropolitan Police", "Jamie Testchild",
                "Form B: agency report for case " + r.recorded().caseReference(), "Your name",
                "Known health issues of the child", "value=\"not-known\"", "name=\"firstContactDate-day\"", "For example, 27 3 2007", "name=\"_csrf\"",
                "31 March 2015");
        assertThat(page.header("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("no-store"));
    }

    @Test
    void badAnswersAreRejectedFieldByFieldOnThePageAndNothingIsSaved() {
        Requested r = requested();
        HttpSession agency = browser();
        String csrf = agency.csrfTokenFrom("/form-b/" + r.token());
        Map<String, String> form = asPosted(with(with(with(validAnswers(), "reporterEmail", "nope"), "parenting", "perhaps"),
                "reporterName", ""));
        form.put("natureOfContact", "x".repeat(4001));
        form.put("_csrf", csrf);

        Response rejected = agency.postForm("/form-b/" + r.token(), form);
        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.body()).contains("id=\"error-reporterEmail\"", "must be an email address",
                "id=\"error-parenting\"", "must be one of yes, no, not-known", "id=\"error-reporterName\"",
                "id=\"error-natureOfContact\"", "must be at most 4000 characters", "Nothing has been saved",
                "value=\"GP partner\""); // what the agency typed is kept
        assertThat(jdbc.sql("select count(*) from agency_report where request_id = ?").param(r.requestId())
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select status from agency_report_request where id = ?").param(r.requestId())
                .query(String.class).single()).isEqualTo("SENT");
    }

    @Test
    void contactDatesAreTypedDayFirstAndHalfADateIsNamedAsSuch() {
        Requested r = requested();
        HttpSession agency = browser();
        Map<String, String> form = asPosted(validAnswers());
        form.put("_csrf", agency.csrfTokenFrom("/form-b/" + r.token()));
        form.put("firstContactDate-day", "03");
        form.put("firstContactDate-month", "11");
        form.put("firstContactDate-year", "2014");
        form.put("lastContactDate-month", "");

        Response rejected = agency.postForm("/form-b/" + r.token(), form);
        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.body()).contains("id=\"error-lastContactDate\"", "Last contact (if known) must include a month",
                "name=\"firstContactDate-day\" value=\"03\"", "name=\"lastContactDate-day\" value=\"20\"");

        form.put("lastContactDate-month", "02");
        assertThat(agency.postForm("/form-b/" + r.token(), form).redirectsTo("/form-b/thank-you")).isTrue();
        assertThat(jdbc.sql("select first_contact_date, last_contact_date from agency_report where request_id = ?")
                .param(r.requestId()).query((rs, row) -> List.of(rs.getObject(1, java.time.LocalDate.class),
                        rs.getObject(2, java.time.LocalDate.class))).single())
                .containsExactly(java.time.LocalDate.of(2014, 11, 3), java.time.LocalDate.of(2015, 2, 20));
    }

    @Test
    void aSubmittedLinkCannotBeUsedAgain() {
        Requested r = requested();
        HttpSession agency = browser();
        Map<String, String> form = asPosted(validAnswers());
        form.put("_csrf", agency.csrfTokenFrom("/form-b/" + r.token()));
        String token = r.token();
        assertThat(agency.postForm("/form-b/" + token, form).redirectsTo("/form-b/thank-you")).isTrue();
        assertThat(agency.get("/form-b/thank-you").body()).contains("Thank you").doesNotContain(r.recorded().caseReference());

        Response again = agency.get("/form-b/" + token);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.body()).contains(NEUTRAL).doesNotContain(r.recorded().caseReference(), "Jamie");
        Response resubmit = agency.postForm("/form-b/" + token, form);
        assertThat(resubmit.status()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from agency_report where request_id = ?").param(r.requestId())
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void expiredResentWrongAndMalformedLinksAllGetTheSameNeutralPage() {
        Requested expired = requested();
        String expiredToken = expired.token();
        Requested resent = requested();
        String oldToken = resent.token();
        agencyReports.resendLink(resent.requestId(), "spoc");
        runJobsOf(resent.requestId());
        assertThat(browser().get("/form-b/" + resent.token()).status()).isEqualTo(200);

        clockAt(REQUESTED.plusDays(30));
        List<Response> refused = List.of(browser().get("/form-b/" + expiredToken), browser().get("/form-b/" + oldToken),
                browser().get("/form-b/" + FormBTokens.newToken()), browser().get("/form-b/not-a-token"));
        for (Response response : refused) {
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.body()).contains(NEUTRAL, "contact the Single Point of Contact")
                    .doesNotContain(expired.recorded().caseReference(), resent.recorded().caseReference(), "Jamie",
                            "Police");
            assertThat(response.body()).isEqualTo(refused.get(0).body().replaceAll("_csrf\" value=\"[^\"]+", ""));
        }
    }

    @Test
    void aLinkOpensOnlyItsOwnCase() {
        Requested first = requested();
        Requested second = requested();
        assertThat(browser().get("/form-b/" + first.token()).body()).contains(first.recorded().caseReference())
                .doesNotContain(second.recorded().caseReference());
        assertThat(browser().get("/form-b/" + second.token()).body()).contains(second.recorded().caseReference())
                .doesNotContain(first.recorded().caseReference());
    }

    @Test
    void aPostWithoutItsCsrfTokenIsRefused() {
        Requested r = requested();
        Response forged = browser().postForm("/form-b/" + r.token(), validAnswers());
        assertThat(forged.status()).isEqualTo(403);
        assertThat(jdbc.sql("select status from agency_report_request where id = ?").param(r.requestId())
                .query(String.class).single()).isEqualTo("SENT");
    }

}
