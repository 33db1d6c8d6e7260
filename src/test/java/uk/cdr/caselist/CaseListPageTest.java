package uk.cdr.caselist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import uk.cdr.notification.FormA;
import uk.cdr.notification.Notifications;
import uk.cdr.support.HttpSession;
import uk.cdr.support.ProcessTest;

/** The case list page, the navigation bar, the home page and the queue's links, as each role sees them. */
class CaseListPageTest extends ProcessTest {

    @Autowired
    Notifications notifications;

    @Test
    void theSpocSearchesByNameAndOpensTheCasePage() {
        clockAt(LocalDateTime.of(2015, 3, 10, 10, 0));
        String lastName = CaseListFixtures.newFamilyName();
        FormA form = CaseListFixtures.child("Robin", lastName, LocalDate.of(2012, 11, 30), LocalDate.of(2015, 3, 1));
        Notifications.Recorded robin = notifications.record(form, "spoc");
        runDueJobs();

        HttpSession spoc = loggedIn("spoc");
        HttpSession.Response page = spoc.get("/cases?name=robin+" + lastName);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("1 case found", "href=\"/cases/" + robin.caseId() + "\"",
                "Robin " + lastName, "30 November 2012", "1 March 2015",
                "Awaiting the Designated Doctor&#39;s expected or unexpected decision")
                .doesNotContain("2012-11-30");
        assertThat(page.body()).contains("value=\"robin " + lastName + "\"");
        // The case page the link leads to opens for the SPOC.
        assertThat(spoc.get("/cases/" + robin.caseId()).status()).isEqualTo(200);
        // The navigation bar marks where the user is.
        assertThat(page.body()).containsPattern("<nav[^>]*aria-label=\"Main\"")
                .containsPattern("id=\"nav-cases\"[^>]*aria-current=\"page\"")
                .doesNotContainPattern("id=\"nav-home\"[^>]*aria-current");

        HttpSession.Response byDate = spoc.get("/cases?name=" + lastName + "&dateOfBirth=30%2F11%2F2012&stage=CLASSIFICATION");
        assertThat(byDate.body()).contains("1 case found", robin.caseReference());
        assertThat(spoc.get("/cases?name=" + lastName + "&dateOfBirth=11%2F30%2F2012").status()).isEqualTo(400);
    }

    @Test
    void aBadSearchIsSummarisedWithLinksToItsFields() {
        HttpSession.Response page = loggedIn("doctor").get("/cases?dateOfBirth=31%2F02%2F2014&reportingYear=2014");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("There is a problem with the search", "href=\"#dateOfBirth\"",
                "Date of birth must be a real date", "href=\"#reportingYear\"",
                "Reporting year must be a reporting year", "aria-invalid=\"true\"", "value=\"31/02/2014\"",
                "id=\"dateOfBirth-error\"")
                .doesNotContain("id=\"cases\"");
    }

    @Test
    void resultsArePagedWithNextAndPreviousLinks() {
        String lastName = CaseListFixtures.newFamilyName();
        CaseListFixtures.importClosedCases(browser().withBasicAuth("spoc", DEMO_PASSWORD), lastName, 53);
        HttpSession doctor = loggedIn("doctor");

        String first = doctor.get("/cases?name=" + lastName).body();
        assertThat(first).contains("53 cases found, showing 1 to 50 (page 1 of 2)", "id=\"next-page\"",
                "href=\"/cases?name=" + lastName + "&amp;page=2\"").doesNotContain("id=\"previous-page\"");
        assertThat(first.split("class=\"case-link\"", -1)).hasSize(51);
        String second = doctor.get("/cases?name=" + lastName + "&page=2").body();
        assertThat(second).contains("53 cases found, showing 51 to 53 (page 2 of 2)", "id=\"previous-page\"", "Closed")
                .doesNotContain("id=\"next-page\"");
    }

    @Test
    void thePanelSeesAnonymisedCasesWithoutIdentifyingFieldsAndOpensThePanelView() {
        clockAt(LocalDateTime.of(2015, 3, 10, 10, 0));
        String lastName = CaseListFixtures.newFamilyName();
        FormA form = CaseListFixtures.child("Kit", lastName, LocalDate.of(2012, 11, 30), LocalDate.of(2015, 3, 1));
        Notifications.Recorded kit = notifications.record(form, "spoc");
        runDueJobs();

        HttpSession panel = loggedIn("panel");
        HttpSession.Response page = panel.get("/cases?reference=" + kit.caseReference());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("href=\"/cdop/cases/" + kit.caseId() + "\"", "March 2015", "1 to 4 years")
                .doesNotContain("id=\"name\"", "id=\"nhsNumber\"", "id=\"dateOfBirth\"", "href=\"/cases/" + kit.caseId());
        HttpSession.Response refused = panel.get("/cases?name=" + lastName);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("Child&#39;s name is not a search the CDOP panel may make")
                .doesNotContain("href=\"#name\"");

        HttpSession.Response view = panel.get("/cdop/cases/" + kit.caseId());
        assertThat(view.status()).isEqualTo(200);
        assertThat(view.body()).contains(kit.caseReference(), "March 2015", "Awaiting the Designated Doctor");
        // The queue links each reference: the panel to its view, the SPOC to the case page.
        String kitsQueuePage = uk.cdr.support.QueuePages.lastPageOnThePage(browser().withBasicAuth("panel", DEMO_PASSWORD),
                "reportingYear=" + kit.caseReference().substring(0, 7) + "&sort=reference");
        assertThat(panel.get(kitsQueuePage).body()).contains("href=\"/cdop/cases/" + kit.caseId() + "\"");
        assertThat(loggedIn("spoc").get(kitsQueuePage).body()).contains("href=\"/cases/" + kit.caseId() + "\"");
        for (HttpSession.Response r : List.of(page, refused, view)) {
            assertThat(r.body()).doesNotContain(lastName, "Kit ", form.nhsNumber(), form.nhsNumber().replace(" ", ""),
                    "30 November 2012", "1 March 2015", form.postcode(), form.addressLine());
        }
        assertThat(loggedIn("doctor").get("/cdop/cases/" + kit.caseId()).status()).isEqualTo(403);
    }

    @Test
    void eachRoleHasTheLinksItMayFollowAndAHomePageToStartFrom() {
        String doctorHome = loggedIn("doctor").get("/").body();
        assertThat(doctorHome).contains("id=\"nav-cases\"", "id=\"nav-my-work\"", "id=\"nav-tasklist\"", "id=\"find-a-case\"",
                "id=\"home-name\"", "id=\"figure-stage-CLASSIFICATION\"", "waiting for your expected or unexpected decision",
                "id=\"link-my-work\"")
                .containsPattern("id=\"nav-home\"[^>]*aria-current=\"page\"")
                .doesNotContain("id=\"nav-log-a-death\"", "id=\"nav-cdop-queue\"", "id=\"nav-import\"", "id=\"nav-cockpit\"");

        String spocHome = loggedIn("spoc").get("/").body();
        assertThat(spocHome).contains("id=\"nav-log-a-death\"", "id=\"nav-cdop-queue\"", "id=\"nav-cdop-meetings\"",
                "id=\"nav-statistics\"", "id=\"nav-import\"", "id=\"figure-open-cases\"", "id=\"figure-stage-FORM_B\"");

        String panelHome = loggedIn("panel").get("/").body();
        assertThat(panelHome).contains("id=\"nav-cases\"", "id=\"home-reference\"", "id=\"figure-stage-READY\"")
                .doesNotContain("id=\"home-name\"", "id=\"nav-log-a-death\"");

        HttpSession nurse = loggedIn("nurse");
        assertThat(nurse.get("/").body()).contains("id=\"nav-my-work\"", "id=\"nav-tasklist\"", "id=\"nav-cases\"",
                "id=\"home-name\"").doesNotContain("id=\"nav-statistics\"", "id=\"nav-log-a-death\"");
        assertThat(nurse.get("/cases").status()).isEqualTo(200);

        String adminHome = loggedIn("admin").get("/").body();
        assertThat(adminHome).contains("id=\"nav-cockpit\"", "id=\"nav-admin\"", "id=\"nav-audit\"", "id=\"nav-import\"",
                "id=\"nav-statistics\"").doesNotContain("id=\"nav-my-work\"", "id=\"nav-cases\"", "id=\"nav-tasklist\"");

        // An agency opening its Form B link is not logged in: no links of the app.
        assertThat(browser().get("/login").body()).doesNotContain("id=\"main-nav\"");
    }
}
