package uk.cdr.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import jakarta.mail.internet.MimeMessage;
import uk.cdr.agencyreport.AgencyContact;
import uk.cdr.agencyreport.AgencyReports;
import uk.cdr.agencyreport.FormBReturns;
import uk.cdr.notification.FormA;
import uk.cdr.notification.Notifications;
import uk.cdr.notification.TestForms;
import uk.cdr.support.HttpSession;
import uk.cdr.support.ProcessTest;

/** The meeting pages over HTTP: what the panel sees of each case, Form C and the outcome through the forms, who may do what. */
class PanelMeetingPageTest extends ProcessTest {

    /** No other test meets on this day, so its agenda emails and meeting lists are this test's own. */
    private static final LocalDate MEETING_DAY = LocalDate.of(2015, 5, 13);

    @Autowired
    Notifications notifications;

    @Autowired
    AgencyReports agencyReports;

    @Autowired
    FormBReturns formBReturns;

    @Autowired
    PanelMeetings meetings;

    @Autowired
    CdopReviews reviews;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theMeetingPageShowsEachCaseAnonymisedWithItsFormBReturnsEvenWhenAnAgencyNamedTheChild() throws Exception {
        clockAt(LocalDateTime.of(2015, 3, 10, 10, 0));
        FormA form = TestForms.aNotification();
        Notifications.Recorded c = readyWithAFormBNamingTheChild(form);
        UUID meetingId = PanelFixtures.meetingWith(meetings, MEETING_DAY, c.caseId());

        for (String member : List.of("panel", "chair", "spoc")) {
            HttpSession.Response page = loggedIn(member).get("/cdop/meetings/" + meetingId);
            assertThat(page.status()).as(member).isEqualTo(200);
            assertThat(page.body()).as(member).contains("id=\"" + anchor(c) + "\"", c.caseReference(), "2014-15",
                    "28 days to 364 days", "March 2015",
                    "Hillside Primary School", "Head teacher",
                    "[redacted] [redacted] (NHS [redacted]) attended Year 1", "On the agenda");
            // Form B answers labelled for the panel, dates in words.
            assertThat(page.body()).as(member).contains("<dt>Author&#39;s role</dt>", "<dt>Agency</dt>",
                    "<dt>First contact</dt>", "1 December 2014").doesNotContain("Your role", "Your agency", "2014-12-01");
            assertThat(page.body()).as(member + " never sees who the child is")
                    .doesNotContainIgnoringCase(form.childFirstName()).doesNotContain(form.childLastName())
                    .doesNotContain(form.nhsNumber()).doesNotContain(spaced(form.nhsNumber()))
                    .doesNotContain(form.postcode()).doesNotContain(form.postcode().replace(" ", ""))
                    .as(member + " never gets the exact age beside the date of death")
                    .doesNotContain(java.time.temporal.ChronoUnit.DAYS.between(form.dateOfBirth(), form.dateOfDeath())
                            + " days").doesNotContain("9 March 2015");
        }
        String list = loggedIn("panel").get("/cdop/meetings").body();
        assertThat(list).contains("/cdop/meetings/" + meetingId, "Routine panel meeting", "Town Hall, room 4");
        assertThat(loggedIn("panel").get("/cdop/queue?meetingId=" + meetingId).body())
                .contains("/cdop/meetings/" + meetingId + "#" + anchor(c), "13 May 2015");
    }

    @Test
    void formCSavedThroughThePageIsKeptAndTheRecommendationsCanBeMarkedDone() {
        clockAt(LocalDateTime.of(2015, 3, 10, 10, 0));
        Notifications.Recorded c = ready();
        UUID meetingId = PanelFixtures.meetingWith(meetings, MEETING_DAY, c.caseId());
        HttpSession panel = loggedIn("panel");
        String page = "/cdop/meetings/" + meetingId;

        Map<String, String> answers = formC(panel.csrfTokenFrom(page));
        HttpSession.Response saved = panel.postForm(page + "/cases/" + c.caseId() + "/form-c", answers);
        assertThat(saved.status()).isEqualTo(302);
        assertThat(saved.location()).endsWith(page + "#" + anchor(c));
        assertThat(jdbc.sql("select category, modifiable, domain_family, scr_considered from form_c where case_id = ?")
                .param(c.caseId()).query((rs, row) -> List.of(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
                .single()).containsExactly(8, "no", "1*", false);
        assertThat(reviews.recommendations(c.caseId())).extracting(CdopReviews.RecommendationRow::ownerAgency)
                .containsExactly("Health visiting", "Maternity");

        String shown = panel.get(page).body();
        assertThat(shown).contains("Form C saved (version 1).", "<option value=\"8\" selected=\"selected\">",
                "Health visiting: Repeat safe sleep advice at every visit", "name=\"version\" value=\"1\"");

        HttpSession spoc = loggedIn("spoc");
        UUID first = reviews.recommendations(c.caseId()).get(0).id();
        HttpSession.Response done = spoc.postForm(page + "/recommendations/" + first + "/done",
                Map.of("_csrf", spoc.csrfTokenFrom(page)));
        assertThat(done.location()).endsWith(page + "#" + anchor(c));
        assertThat(reviews.recommendations(c.caseId())).extracting(CdopReviews.RecommendationRow::status)
                .containsExactly("DONE", "OPEN");
        // Who did it by name and role, not by login.
        assertThat(spoc.get(page).body()).contains("Recommendation marked done.", " by Sam Patel (Single Point of Contact)");
        assertThat(panel.get(page).body()).contains("Version 1, saved by Pat Hughes (CDOP panel member).");
    }

    @Test
    void aFormCWithoutACategoryComesBackWithTheErrorsBesideTheCaseAndWhatWasTyped() {
        clockAt(LocalDateTime.of(2015, 3, 10, 10, 0));
        Notifications.Recorded c = ready();
        UUID meetingId = PanelFixtures.meetingWith(meetings, MEETING_DAY, c.caseId());
        HttpSession panel = loggedIn("panel");
        String page = "/cdop/meetings/" + meetingId;
        Map<String, String> answers = formC(panel.csrfTokenFrom(page));
        answers.remove("category");
        answers.put("modifiable", "insufficient-information");
        answers.put("recommendations", "Health visiting: Repeat safe sleep advice at every visit\nno agency given here");

        HttpSession.Response refused = panel.postForm(page + "/cases/" + c.caseId() + "/form-c", answers);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"" + anchor(c) + "-error-category\"", "Category is required",
                "id=\"" + anchor(c) + "-error-recommendations\"", "line 2 is not written as",
                "Safe sleep advice was not repeated at discharge.", "no agency given here",
                "<option value=\"insufficient-information\" selected=\"selected\">",
                "<option value=\"1*\" selected=\"selected\">")
                .doesNotContain("id=\"" + anchor(c) + "-error-modifiable\"");
        // A GOV.UK summary above the form: each problem named by its label, in the form's order, linked to its field.
        assertThat(refused.body()).contains("There is a problem").containsSubsequence(
                "<a href=\"#" + anchor(c) + "-category\">Category is required",
                "<a href=\"#" + anchor(c) + "-recommendations\">Recommendations: ");
        assertThat(jdbc.sql("select count(*) from form_c where case_id = ?").param(c.caseId()).query(Integer.class).single())
                .isZero();
    }

    @Test
    void aSaveFromAStaleVersionIsShownAsAConflictOnThatCaseAndKeepsTheOtherMembersForm() {
        clockAt(LocalDateTime.of(2015, 3, 10, 10, 0));
        Notifications.Recorded c = ready();
        UUID meetingId = PanelFixtures.meetingWith(meetings, MEETING_DAY, c.caseId());
        HttpSession panel = loggedIn("panel");
        String page = "/cdop/meetings/" + meetingId;
        String csrf = panel.csrfTokenFrom(page);
        reviews.saveFormC(c.caseId(), 0, new FormC("1", "1", "1", "1", 9, "yes", null, true, List.of()), "chair");

        HttpSession.Response stale = panel.postForm(page + "/cases/" + c.caseId() + "/form-c", formC(csrf));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body()).contains("id=\"" + anchor(c) + "-alert\"", "saved by chair after you opened it");
        assertThat(jdbc.sql("select category from form_c where case_id = ?").param(c.caseId()).query(Integer.class).single())
                .isEqualTo(9);
    }

    @Test
    void theOutcomeIsRecordedFromTheMeetingsDayAndADeferredCaseShowsAsDeferred() {
        clockAt(LocalDateTime.of(2015, 3, 10, 10, 0));
        Notifications.Recorded c = ready();
        UUID meetingId = PanelFixtures.meetingWith(meetings, MEETING_DAY, c.caseId());
        HttpSession panel = loggedIn("panel");
        String page = "/cdop/meetings/" + meetingId;
        String outcome = page + "/cases/" + c.caseId() + "/outcome";

        HttpSession.Response early = panel.postForm(outcome, Map.of("_csrf", panel.csrfTokenFrom(page), "outcome", "reviewed"));
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.body()).contains("can be recorded from 13 May 2015, the day of the meeting", "id=\"" + anchor(c) + "-error-formC\"");

        clockAt(LocalDateTime.of(2015, 5, 13, 15, 0));
        HttpSession.Response noDate = panel.postForm(outcome, Map.of("_csrf", panel.csrfTokenFrom(page),
                "outcome", "deferred", "deferralReason", "awaiting-inquest", "deferralDetail", "Inquest listed for August"));
        assertThat(noDate.status()).isEqualTo(400);
        assertThat(noDate.body()).contains("id=\"" + anchor(c) + "-error-reviewBy\"",
                "<option value=\"awaiting-inquest\" selected=\"selected\">", "Inquest listed for August");

        HttpSession.Response notReal = panel.postForm(outcome, Map.of("_csrf", panel.csrfTokenFrom(page),
                "outcome", "deferred", "deferralReason", "awaiting-inquest", "reviewBy-day", "31", "reviewBy-month", "9",
                "reviewBy-year", "2015"));
        assertThat(notReal.status()).isEqualTo(400);
        assertThat(notReal.body()).contains("Review by must be a real date", "name=\"reviewBy-day\" value=\"31\"");

        HttpSession.Response deferred = panel.postForm(outcome, Map.of("_csrf", panel.csrfTokenFrom(page),
                "outcome", "deferred", "deferralReason", "awaiting-inquest", "reviewBy-day", "30", "reviewBy-month", "09",
                "reviewBy-year", "2015"));
        assertThat(deferred.location()).endsWith(page + "#" + anchor(c));
        String shown = panel.get(page).body();
        assertThat(shown).contains("data-standing=\"DEFERRED\"",
                "Deferred at this meeting (Awaiting inquest), to be reviewed by 30 September 2015")
                .doesNotContain("id=\"" + anchor(c) + "-outcome\"");
        assertThat(panel.get(uk.cdr.support.QueuePages.lastPageOnThePage(browser().withBasicAuth("panel", DEMO_PASSWORD),
                "state=DEFERRED&sort=reference")).body()).contains("Deferred: Awaiting inquest; review by 30 September 2015");
        HttpSession.Response again = panel.postForm(outcome, Map.of("_csrf", panel.csrfTokenFrom(page), "outcome", "reviewed"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("id=\"" + anchor(c) + "-alert\"", "no longer awaiting its review at this meeting");
    }

    @Test
    void theSpocAndTheChairSetMeetingsAndAssignCasesAndOnlyThePanelAndTheSpocOpenThem() {
        clockAt(LocalDateTime.of(2015, 3, 10, 10, 0));
        Notifications.Recorded c = ready();
        HttpSession spoc = loggedIn("spoc");
        String csrf = spoc.csrfTokenFrom("/cdop/meetings");

        HttpSession.Response refused = spoc.postForm("/cdop/meetings",
                Map.of("_csrf", csrf, "heldOn-day", "1", "heldOn-month", "3", "heldOn-year", "2015", "kind", "ROUTINE",
                        "place", " "));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"error-heldOn\"", "Date must not be in the past", "id=\"error-place\"",
                "name=\"heldOn-day\" value=\"1\"", "name=\"heldOn-month\" value=\"3\"", "There is a problem");
        // The summary names each field by its label, in the form's order, and links to it.
        assertThat(refused.body()).containsSubsequence("<a href=\"#heldOn\">Date must not be in the past",
                "<a href=\"#place\">Place ");
        HttpSession.Response halfADate = spoc.postForm("/cdop/meetings",
                Map.of("_csrf", csrf, "heldOn-day", "13", "heldOn-year", "2015", "kind", "ROUTINE", "place", "Civic Centre"));
        assertThat(halfADate.status()).isEqualTo(400);
        assertThat(halfADate.body()).contains("Date must include a month");
        // Day first: 13 5 2015 is 13 May, whatever the browser's locale.
        HttpSession.Response created = spoc.postForm("/cdop/meetings",
                Map.of("_csrf", csrf, "heldOn-day", "13", "heldOn-month", "05", "heldOn-year", "2015", "kind", "ROUTINE",
                        "place", "Civic Centre", "sameDayConfirmed", "yes"));
        assertThat(created.status()).isEqualTo(302);
        String page = created.location().replaceFirst("^https?://[^/]+", "");
        assertThat(page).matches("/cdop/meetings/[0-9a-f-]{36}");
        assertThat(spoc.get(page).body()).contains("Routine panel meeting set for 13 May 2015 at Civic Centre.");

        HttpSession.Response none = spoc.postForm(page + "/cases", Map.of("_csrf", csrf, "caseId", ""));
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.body()).contains("id=\"error-assign-caseId\"");
        HttpSession.Response assigned = spoc.postForm(page + "/cases", Map.of("_csrf", csrf, "caseId", c.caseId().toString()));
        assertThat(assigned.location()).endsWith(page + "#" + anchor(c));
        assertThat(spoc.get(page).body()).contains("id=\"" + anchor(c) + "\"", "is on this meeting&#39;s agenda");

        HttpSession panel = loggedIn("panel");
        String panelCsrf = panel.csrfTokenFrom("/cdop/meetings");
        assertThat(panel.get("/cdop/meetings").body()).doesNotContain("id=\"meeting-form\"");
        assertThat(panel.postForm("/cdop/meetings", Map.of("_csrf", panelCsrf, "heldOn-day", "13", "heldOn-month", "5", "heldOn-year", "2015",
                "kind", "ROUTINE", "place", "x")).status()).isEqualTo(403);
        assertThat(panel.postForm(page + "/cases", Map.of("_csrf", panelCsrf, "caseId", c.caseId().toString())).status())
                .isEqualTo(403);
        assertThat(panel.postForm(page + "/cases/" + c.caseId() + "/ratification", Map.of("_csrf", panelCsrf)).status())
                .isEqualTo(403);
        for (String outsider : List.of("nurse", "doctor")) {
            assertThat(loggedIn(outsider).get(page).status()).as(outsider).isEqualTo(403);
            assertThat(loggedIn(outsider).get("/cdop/meetings").status()).as(outsider).isEqualTo(403);
        }
        assertThat(panel.get("/cdop/meetings/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    private Notifications.Recorded ready() {
        return PanelFixtures.readyCase(engine, notifications, TestForms.aNotification(), this::runDueJobs);
    }

    /** An expected death whose one agency, a school, wrote the child's name, NHS number and address into its Form B. */
    private Notifications.Recorded readyWithAFormBNamingTheChild(FormA form) throws Exception {
        Notifications.Recorded c = notifications.record(form, "spoc");
        runDueJobs();
        ProcessInstance notification = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey("childDeathNotification").processInstanceBusinessKey(c.caseReference()).singleResult();
        PanelFixtures.as(engine, "doctor", "designated-doctor", () -> engine.getTaskService().complete(
                org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task("Task_ConfirmExpectedOrUnexpected", notification).getId(),
                Map.of("deathClassification", "expected")));
        String school = "school-" + UUID.randomUUID().toString().substring(0, 8) + "@school.example";
        PanelFixtures.as(engine, "spoc", "spoc", () -> agencyReports.request(c.caseId(),
                List.of(new AgencyContact("Hillside Primary School", "Ms Head", school)), "spoc"));
        runDueJobs();
        Map<String, String> answers = PanelFixtures.formB("Ms Head", "Head teacher", "Hillside Primary School", school,
                form.childFirstName() + " " + form.childLastName() + " (NHS " + spaced(form.nhsNumber())
                        + ") attended Year 1; home visit to " + form.addressLine() + ", " + form.postcode() + ".",
                "yes", form.childFirstName().toLowerCase() + " had asthma.");
        answers.put("firstContactDate", "2014-12-01");
        formBReturns.submit(formBToken(school), answers);
        runDueJobs();
        return c;
    }

    private static Map<String, String> formC(String csrf) {
        Map<String, String> answers = new HashMap<>();
        answers.put("_csrf", csrf);
        answers.put("version", "0");
        answers.put("domainChild", "2");
        answers.put("domainFamily", "1*");
        answers.put("domainParenting", "1");
        answers.put("domainServices", "0");
        answers.put("category", "8");
        answers.put("modifiable", "no");
        answers.put("learningPoints", "Safe sleep advice was not repeated at discharge.");
        answers.put("scrConsidered", "no");
        answers.put("recommendations", "Health visiting: Repeat safe sleep advice at every visit\n\n"
                + "Maternity: Give written safe sleep advice at discharge\n");
        return answers;
    }

    private static String anchor(Notifications.Recorded c) {
        return "case-" + c.caseReference().replace('/', '-');
    }

    private static String spaced(String nhs) {
        return nhs.substring(0, 3) + " " + nhs.substring(3, 6) + " " + nhs.substring(6);
    }

    private static String formBToken(String address) throws Exception {
        return formBTokenSentTo(address);
    }
}
