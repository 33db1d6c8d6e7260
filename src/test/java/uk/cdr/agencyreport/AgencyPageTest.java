package uk.cdr.agencyreport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import uk.cdr.audit.AuditAction;
import uk.cdr.audit.AuditLog;
import uk.cdr.audit.AuditQuery;
import uk.cdr.notification.FormA;
import uk.cdr.notification.FormAExamples;
import uk.cdr.notification.Notifications;
import uk.cdr.support.HttpSession;
import uk.cdr.support.HttpSession.Response;
import uk.cdr.support.IntegrationTest;
import uk.cdr.web.PlainText;

/** The SPOC's agencies page and API: only the SPOC reaches them, and they run with the SPOC's engine rights. */
class AgencyPageTest extends IntegrationTest {

    @Autowired
    Notifications notifications;

    @Autowired
    AgencyReports agencyReports;

    @Autowired
    AuditLog auditLog;

    private Notifications.Recorded newCase() {
        return notifications.record(FormAExamples.withAgencies(List.of(
                new FormA.Agency("High Street Surgery", "Dr Who", FormBFixtures.uniqueEmail("gp")))), "spoc");
    }

    @Test
    void onlyTheSpocReachesACasesAgencies() {
        Notifications.Recorded c = newCase();
        String page = "/cases/" + c.caseId() + "/agencies";
        assertThat(loggedIn("spoc").get(page).status()).isEqualTo(200);
        for (String other : List.of("doctor", "nurse", "panel", "admin")) {
            assertThat(loggedIn(other).get(page).status()).as(other).isEqualTo(403);
            assertThat(browser().withBasicAuth(other, DEMO_PASSWORD).get("/api/cases/" + c.caseId() + "/agency-reports")
                    .status()).as(other).isEqualTo(403);
        }
        assertThat(browser().get(page).redirectsTo("/login")).isTrue();
        assertThat(browser().get("/api/cases/" + c.caseId() + "/agency-reports").status()).isEqualTo(401);
        assertThat(loggedIn("spoc").get("/cases/" + UUID.randomUUID() + "/agencies").status()).isEqualTo(404);
    }

    @Test
    void theSpocConfirmsTheAgenciesFromFormAAndAddsOne() {
        Notifications.Recorded c = newCase();
        String page = "/cases/" + c.caseId() + "/agencies";
        HttpSession spoc = loggedIn("spoc");
        Response shown = spoc.get(page);
        assertThat(shown.body()).contains(c.caseReference(), "value=\"High Street Surgery\"", "value=\"Dr Who\"");
        String csrf = spoc.csrfTokenFrom(page);
        String gpEmail = agencyReports.suggestedAgencies(c.caseId()).get(0).contactEmail();

        Response rejected = spoc.postForm(page, rows(csrf, List.of(
                new String[] { "High Street Surgery", "Dr Who", gpEmail },
                new String[] { "", "", "" },
                new String[] { "Primary school", "Head teacher", "not-an-email" })));
        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.body()).contains("id=\"error-row2-contactEmail\"", "must be an email address",
                "value=\"Primary school\"");
        // The summary names the row and the field, and links to the input.
        assertThat(rejected.body()).contains("There is a problem",
                "<a href=\"#contactEmail-2\">Row 3: contact email must be an email address</a>",
                "id=\"contactEmail-2\"");
        assertThat(agencyReports.forCase(c.caseId())).isEmpty();

        String schoolEmail = FormBFixtures.uniqueEmail("school");
        Response sent = spoc.postForm(page, rows(csrf, List.of(
                new String[] { "High Street Surgery", "Dr Who", gpEmail },
                new String[] { "", "", "" },
                new String[] { "Primary school", "Head teacher", schoolEmail })));
        assertThat(sent.redirectsTo(page)).isTrue();
        Response after = spoc.get(page);
        assertThat(after.body()).contains("Form B requested from 2 agencies", "SENT", schoolEmail, "Send a new link");
        assertThat(agencyReports.forCase(c.caseId())).extracting(FormBStatus::agency)
                .containsExactly("High Street Surgery", "Primary school");
        assertThat(auditLog.find(new AuditQuery("spoc", AuditAction.FORM_B_REQUESTED, c.caseReference(), 5))).hasSize(2);

        UUID school = agencyReports.forCase(c.caseId()).get(1).requestId();
        Response resent = spoc.postForm(page + "/" + school + "/resend", Map.of("_csrf", csrf));
        assertThat(resent.redirectsTo(page)).isTrue();
        assertThat(spoc.get(page).body()).contains("A new link is on its way to " + schoolEmail);
    }

    @Test
    void aRemovedAgencyIsNotAsked() {
        Notifications.Recorded c = newCase();
        String page = "/cases/" + c.caseId() + "/agencies";
        HttpSession spoc = loggedIn("spoc");
        String csrf = spoc.csrfTokenFrom(page);
        Map<String, String> form = rows(csrf, List.of(new String[] { "High Street Surgery", "Dr Who", "gp@nhs.example" },
                new String[] { "Police", "", FormBFixtures.uniqueEmail("police") }));
        form.put("rows[0].remove", "yes");
        assertThat(spoc.postForm(page, form).redirectsTo(page)).isTrue();
        assertThat(agencyReports.forCase(c.caseId())).extracting(FormBStatus::agency).containsExactly("Police");
    }

    @Test
    void theApiRejectsBadAgenciesWithProblemDetailsAndRequestsGoodOnes() {
        Notifications.Recorded c = newCase();
        HttpSession spoc = browser().withBasicAuth("spoc", DEMO_PASSWORD);
        String api = "/api/cases/" + c.caseId() + "/agency-reports";

        Response bad = spoc.postJson(api, "[{\"agency\":\"\",\"contactEmail\":\"nope\"}]");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("application/problem+json"));
        assertThat(bad.body()).contains("\"field\":\"agencies[0].agency\"", "\"field\":\"agencies[0].contactEmail\"",
                "must be an email address");
        assertThat(spoc.postJson(api, "[]").body()).contains("must list at least one agency");
        assertThat(agencyReports.forCase(c.caseId())).isEmpty();

        Response created = spoc.postJson(api, "[{\"agency\":\"Police\",\"contactName\":\"DC Jones\",\"contactEmail\":\""
                + FormBFixtures.uniqueEmail("police") + "\"}]");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body()).contains("\"agency\":\"Police\"", "\"status\":\"SENT\"");
        assertThat(spoc.get(api).body()).contains("\"agency\":\"Police\"");
        assertThat(spoc.get(api + "/suggested-agencies").body()).contains("High Street Surgery");

        assertThat(spoc.get("/api/cases/" + UUID.randomUUID() + "/agency-reports").status()).isEqualTo(404);
        assertThat(spoc.postJson(api + "/" + UUID.randomUUID() + "/resend", "").status()).isEqualTo(409);
    }

    /** Issue 12: the agency and contact names go into the Form B emails, so a line break would add lines of the sender's. */
    @Test
    void lineBreaksAndOtherControlCharactersInAgencyOrContactAreRefusedOnApiAndPage() {
        Notifications.Recorded c = newCase();
        HttpSession api = browser().withBasicAuth("spoc", DEMO_PASSWORD);
        String path = "/api/cases/" + c.caseId() + "/agency-reports";
        Response bad = api.postJson(path, "[{\"agency\":\"Police\\r\\nPlease reply to x@evil.example\",\"contactName\":\"DC\\tJones\","
                + "\"contactEmail\":\"" + FormBFixtures.uniqueEmail("police") + "\"}]");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("\"field\":\"agencies[0].agency\"", "\"field\":\"agencies[0].contactName\"",
                PlainText.SINGLE_LINE_RULE);

        String page = "/cases/" + c.caseId() + "/agencies";
        HttpSession spoc = loggedIn("spoc");
        String csrf = spoc.csrfTokenFrom(page);
        Response rejected = spoc.postForm(page, rows(csrf, List.<String[]>of(
                new String[] { "Primary school\nPlease reply to x@evil.example", "Head\u0000teacher",
                        FormBFixtures.uniqueEmail("school") })));
        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.body()).contains("id=\"error-row0-agency\"", "id=\"error-row0-contactName\"",
                PlainText.SINGLE_LINE_RULE);
        assertThat(rejected.body()).containsSubsequence("<a href=\"#agency-0\">Row 1: agency must be one line",
                "<a href=\"#contactName-0\">Row 1: contact name must be one line");
        assertThat(agencyReports.forCase(c.caseId())).isEmpty();
    }

    private static Map<String, String> rows(String csrf, List<String[]> rows) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", csrf);
        for (int i = 0; i < rows.size(); i++) {
            form.put("rows[" + i + "].agency", rows.get(i)[0]);
            form.put("rows[" + i + "].contactName", rows.get(i)[1]);
            form.put("rows[" + i + "].contactEmail", rows.get(i)[2]);
        }
        return form;
    }
}
