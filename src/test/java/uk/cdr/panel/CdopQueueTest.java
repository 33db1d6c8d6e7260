package uk.cdr.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import uk.cdr.agencyreport.AgencyContact;
import uk.cdr.agencyreport.AgencyReports;
import uk.cdr.notification.FormA;
import uk.cdr.notification.Notifications;
import uk.cdr.notification.TestForms;
import uk.cdr.support.HttpSession;
import uk.cdr.support.ProcessTest;

class CdopQueueTest extends ProcessTest {

    @Autowired
    com.fasterxml.jackson.databind.ObjectMapper json;

    @Autowired
    Notifications notifications;

    @Autowired
    AgencyReports agencyReports;

    @Autowired
    CdopQueue queue;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Test
    void aCaseWaitsForTheDoctorThenItsFormBsThenIsReady() {
        clockAt(LocalDateTime.of(2015, 3, 10, 10, 0));
        Notifications.Recorded c = notifications.record(TestForms.aNotification(), "spoc");
        runDueJobs();
        assertThat(row(c).state()).isEqualTo(QueueState.WAITING_FOR_CLASSIFICATION);

        completeAs("doctor", "designated-doctor", c, "Task_ConfirmExpectedOrUnexpected", Map.of("deathClassification", "expected"));
        runDueJobs();
        assertThat(row(c).waitingFor()).isEqualTo("Form B requests not yet sent");

        asSpoc(() -> agencyReports.request(c.caseId(), List.of(
                new AgencyContact("GP", null, "q-gp-" + c.caseId() + "@nhs.example"),
                new AgencyContact("School", null, "q-school-" + c.caseId() + "@school.example")), "spoc"));
        assertThat(row(c).waitingFor()).isEqualTo("Form Bs outstanding: 0 of 2 returned");

        HttpSession.Response withoutReason = spocApi().postJson(proceed(c), "{\"reason\":\" \"}");
        assertThat(withoutReason.status()).isEqualTo(400);
        assertThat(withoutReason.body()).contains("\"field\":\"reason\"", "is required");
        assertThat(spocApi().postJson(proceed(c), "{\"reason\":\"School closed for the summer; panel agreed\"}").status())
                .isEqualTo(204);
        runDueJobs();
        assertThat(row(c).state()).isEqualTo(QueueState.READY_FOR_REVIEW);
    }

    @Test
    void noAgencyInvolvedMeansNoFormBToWaitFor() {
        clockAt(LocalDateTime.of(2015, 3, 10, 10, 0));
        Notifications.Recorded c = notifications.record(TestForms.aNotification(), "spoc");
        runDueJobs();
        completeAs("doctor", "designated-doctor", c, "Task_ConfirmExpectedOrUnexpected", Map.of("deathClassification", "expected"));
        completeAs("spoc", "spoc", c, "Task_RequestFormBReports", Map.of("noAgencyInvolved", true));
        runDueJobs();
        assertThat(row(c).state()).isEqualTo(QueueState.READY_FOR_REVIEW);
    }

    @Test
    void anUnexpectedDeathAlsoWaitsForItsFinalCaseDiscussion() {
        clockAt(LocalDateTime.of(2015, 3, 10, 10, 0));
        Notifications.Recorded c = notifications.record(TestForms.aNotification(), "spoc");
        runDueJobs();
        completeAs("doctor", "designated-doctor", c, "Task_ConfirmExpectedOrUnexpected", Map.of("deathClassification", "unexpected"));
        completeAs("spoc", "spoc", c, "Task_RequestFormBReports", Map.of("noAgencyInvolved", true));
        runDueJobs();
        assertThat(row(c).state()).isEqualTo(QueueState.WAITING_FOR_FINAL_CASE_DISCUSSION);
        assertThat(row(c).rapidResponse()).isTrue();
    }

    @Test
    void casesOverSixAndTwelveMonthsSinceDeathAreFlagged() {
        clockAt(LocalDateTime.of(2015, 3, 10, 10, 0));
        Notifications.Recorded c = notifications.record(TestForms.aNotification(), "spoc"); // died 9 March 2015
        clockAt(LocalDateTime.of(2015, 9, 8, 10, 0));
        assertThat(row(c).overSixMonths()).isFalse();
        clockAt(LocalDateTime.of(2015, 9, 9, 10, 0));
        assertThat(row(c).overSixMonths()).isTrue();
        assertThat(row(c).overTwelveMonths()).isFalse();
        assertThat(row(c).monthsSinceDeath()).isEqualTo(6);
        clockAt(LocalDateTime.of(2016, 3, 9, 10, 0));
        assertThat(row(c).overTwelveMonths()).isTrue();
    }

    @Test
    void thePanelSeesTheQueueAnonymisedOnThePageAndThroughTheApi() throws Exception {
        clockAt(LocalDateTime.of(2015, 3, 10, 10, 0));
        FormA form = TestForms.aNotification();
        Notifications.Recorded c = notifications.record(form, "spoc");

        // The newest case of its year is on the last page in reference order, 50 a page.
        HttpSession panelApi = browser().withBasicAuth("panel", DEMO_PASSWORD);
        long inTheYear = json.readTree(panelApi.get("/api/cdop/queue?reportingYear=2014-15").body()).get("total").asLong();
        long lastPage = (inTheYear + 49) / 50;
        String page = loggedIn("panel").get("/cdop/queue?reportingYear=2014-15&sort=reference&page=" + lastPage).body();
        assertThat(page).contains("id=\"queue-" + c.caseReference() + "\"", "Awaiting the Designated Doctor",
                (inTheYear == 1 ? "1 open case" : inTheYear + " open cases") + ", showing " + ((lastPage - 1) * 50 + 1)
                        + " to " + inTheYear);
        String api = uk.cdr.support.QueuePages.all(panelApi, "state=WAITING_FOR_CLASSIFICATION").toString();
        assertThat(api).contains(c.caseReference(), "\"ageBand\":\"28 days to 364 days\"",
                "\"monthOfDeath\":\"March 2015\"", "\"monthsSinceDeath\":0");
        // An exact age beside an exact date of death gives the date of birth: neither is in the queue.
        assertThat(api).doesNotContain("dateOfDeath", "ageAtDeathDays", "daysSinceDeath", "2015-03-09",
                "127 days");
        assertThat(page).contains("March 2015", "28 days to 364 days").doesNotContain("127 days", "9 March 2015");
        for (String personal : List.of(form.childLastName(), form.nhsNumber().replace(" ", ""), form.nhsNumber(),
                form.postcode(), form.addressLine())) {
            assertThat(page).doesNotContain(personal);
            assertThat(api).doesNotContain(personal);
        }
        assertThat(uk.cdr.support.QueuePages.references(panelApi, "state=READY_FOR_REVIEW")).doesNotContain(c.caseReference());
    }

    @Test
    void onlyThePanelAndTheSpocReachTheQueueAndOnlyTheSpocSendsCasesOn() {
        assertThat(loggedIn("nurse").get("/cdop/queue").status()).isEqualTo(403);
        assertThat(browser().withBasicAuth("doctor", DEMO_PASSWORD).get("/api/cdop/queue").status()).isEqualTo(403);
        assertThat(browser().withBasicAuth("panel", DEMO_PASSWORD)
                .postJson("/api/cdop/queue/" + java.util.UUID.randomUUID() + "/proceed-without-form-bs", "{\"reason\":\"x\"}")
                .status()).isEqualTo(403);
        assertThat(spocApi().postJson("/api/cdop/queue/" + java.util.UUID.randomUUID() + "/proceed-without-form-bs",
                "{\"reason\":\"x\"}").status()).isEqualTo(404);
        assertThat(spocApi().get("/api/cdop/queue?sort=name").status()).isEqualTo(400);
        assertThat(spocApi().get("/api/cdop/queue?state=SOMETHING").status()).isEqualTo(400);
        for (String badPage : List.of("page=0", "size=0", "size=501", "page=x")) {
            HttpSession.Response refused = spocApi().get("/api/cdop/queue?" + badPage);
            assertThat(refused.status()).as(badPage).isEqualTo(400);
            assertThat(refused.body()).as(badPage).contains("\"field\":\"" + badPage.substring(0, badPage.indexOf('=')) + "\"");
        }
    }

    private QueuedCase row(Notifications.Recorded c) {
        return queue.cases(new CdopQueue.Filter(null, null, "age")).stream()
                .filter(q -> q.caseId().equals(c.caseId())).findFirst().orElseThrow();
    }

    private void completeAs(String user, String group, Notifications.Recorded c, String taskKey, Map<String, Object> answers) {
        engine.getIdentityService().setAuthentication(user, List.of(group));
        try {
            taskService.complete(taskService.createTaskQuery().processInstanceBusinessKey(c.caseReference())
                    .taskDefinitionKey(taskKey).singleResult().getId(), answers);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private void asSpoc(Runnable action) {
        onOurPagesAs("spoc", action);
    }

    private HttpSession spocApi() {
        return browser().withBasicAuth("spoc", DEMO_PASSWORD);
    }

    private static String proceed(Notifications.Recorded c) {
        return "/api/cdop/queue/" + c.caseId() + "/proceed-without-form-bs";
    }
}
