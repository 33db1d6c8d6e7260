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
    static final String SPOC_CONTACT = "spoc@cdr.example.org";

    @Autowired
    Notifications notifications;

    @Autowired
    AgencyReports agencyReports;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FormBRequests requests;

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
                "<h1 id=\"form-b-title\">Form B: agency report for case " + r.recorded().caseReference() + "</h1>",
                "<label for=\"reporterName\">Your name</label>",
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
        // The summary, GOV.UK style: the problems in form order, each naming its field by its label
        // and linking to it; the same message beside the field.
        String summary = rejected.body().substring(rejected.body().indexOf("id=\"error-summary\""),
                rejected.body().indexOf("</ul>", rejected.body().indexOf("id=\"error-summary\"")));
        assertThat(rejected.body()).contains("role=\"alert\" id=\"error-summary\"");
        assertThat(summary).contains("There is a problem").doesNotContain("null", "reporterName ");
        assertThat(summary).containsSubsequence(
                "<a href=\"#reporterName\">Your name is required</a>",
                "<a href=\"#reporterEmail\">Your email must be an email address, like name@example.org</a>",
                "<a href=\"#natureOfContact\">Nature of the contact must be at most 4000 characters</a>",
                "<a href=\"#parenting\">Parenting factors: choose Yes, No or Not known</a>");
        assertThat(rejected.body()).contains("id=\"error-reporterEmail\">Your email must be an email address",
                "id=\"error-parenting\">Parenting factors: choose Yes, No or Not known",
                "id=\"reporterName\"", "type=\"radio\" name=\"parenting\" value=\"yes\" id=\"parenting\"",
                "id=\"error-natureOfContact\"", "Nothing has been saved",
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
        assertThat(again.body()).contains("This Form B has already been submitted", SPOC_CONTACT)
                .doesNotContain(r.recorded().caseReference(), "Jamie");
        Response resubmit = agency.postForm("/form-b/" + token, form);
        assertThat(resubmit.status()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from agency_report where request_id = ?").param(r.requestId())
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aLinkThatDoesNotWorkSaysWhyAndWhomToAskButNothingOfTheCase() {
        Requested expired = requested();
        String expiredToken = expired.token();
        Requested resent = requested();
        String oldToken = resent.token();
        agencyReports.resendLink(resent.requestId(), "spoc");
        runJobsOf(resent.requestId());
        assertThat(browser().get("/form-b/" + resent.token()).status()).isEqualTo(200);
        Requested withdrawn = requested();
        String withdrawnToken = withdrawn.token();
        requests.withdrawn(withdrawn.requestId(), java.time.OffsetDateTime.now());

        clockAt(REQUESTED.plusDays(30));
        Map<String, String> said = new java.util.LinkedHashMap<>();
        said.put(expiredToken, "This link has expired");
        said.put(oldToken, "This link is not recognised");
        said.put(FormBTokens.newToken(), "This link is not recognised");
        said.put("not-a-token", "This link is not recognised");
        said.put(withdrawnToken, "This Form B request has been withdrawn");
        for (Map.Entry<String, String> link : said.entrySet()) {
            Response response = browser().get("/form-b/" + link.getKey());
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.body()).contains("<h1 id=\"link-not-valid\">" + link.getValue() + "</h1>",
                    "Contact the SPOC", "Child Death Review Single Point of Contact (SPOC)",
                    "href=\"mailto:" + SPOC_CONTACT + "\"", "020 7946 0100")
                    .doesNotContain(expired.recorded().caseReference(), resent.recorded().caseReference(),
                            withdrawn.recorded().caseReference(), "Jamie", "Police");
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
