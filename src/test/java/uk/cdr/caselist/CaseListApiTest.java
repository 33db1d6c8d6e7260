package uk.cdr.caselist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.cdr.notification.FormA;
import uk.cdr.notification.Notifications;
import uk.cdr.support.HttpSession;
import uk.cdr.support.ProcessTest;

/** GET /api/cases and GET /api/cases/{id}, as an API client of each role calls them. */
class CaseListApiTest extends ProcessTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    Notifications notifications;

    @Autowired
    TaskService taskService;

    @Autowired
    JdbcClient jdbc;

    /** Two children of one new family: Alex died 1 March 2015, Sam 9 March 2015. */
    private record Family(String lastName, FormA alexForm, Notifications.Recorded alex, FormA samForm,
            Notifications.Recorded sam) {
    }

    private Family family() {
        clockAt(LocalDateTime.of(2015, 3, 10, 10, 0));
        String lastName = CaseListFixtures.newFamilyName();
        FormA alexForm = CaseListFixtures.child("Alex", lastName, LocalDate.of(2012, 6, 3), LocalDate.of(2015, 3, 1));
        FormA samForm = CaseListFixtures.child("Sam", lastName, LocalDate.of(2010, 1, 20), LocalDate.of(2015, 3, 9));
        Family family = new Family(lastName, alexForm, notifications.record(alexForm, "spoc"), samForm,
                notifications.record(samForm, "spoc"));
        runDueJobs();
        return family;
    }

    @Test
    void theSpocFindsCasesByEachCriterion() throws Exception {
        Family f = family();
        String name = "name=" + f.lastName();

        assertThat(references(search("spoc", name))).containsExactly(f.sam().caseReference(), f.alex().caseReference());
        assertThat(references(search("spoc", "name=alex%20" + f.lastName().toLowerCase()))).containsExactly(f.alex().caseReference());
        String nhsWithSpaces = f.alexForm().nhsNumber().substring(0, 3) + "%20" + f.alexForm().nhsNumber().substring(3, 6)
                + "%20" + f.alexForm().nhsNumber().substring(6);
        assertThat(references(search("spoc", "nhsNumber=" + nhsWithSpaces))).containsExactly(f.alex().caseReference());
        assertThat(references(search("spoc", name + "&dateOfBirth=20/01/2010"))).containsExactly(f.sam().caseReference());
        assertThat(references(search("spoc", name + "&dateOfBirth=2012-06-03"))).containsExactly(f.alex().caseReference());
        assertThat(references(search("spoc", name + "&diedFrom=2/3/2015"))).containsExactly(f.sam().caseReference());
        assertThat(references(search("spoc", name + "&diedTo=2015-03-08"))).containsExactly(f.alex().caseReference());
        assertThat(references(search("spoc", name + "&diedFrom=01/03/2015&diedTo=09/03/2015"))).hasSize(2);
        assertThat(references(search("spoc", "reference=" + f.sam().caseReference()))).containsExactly(f.sam().caseReference());
        assertThat(references(search("spoc", name + "&reportingYear=2014-15"))).hasSize(2);
        assertThat(references(search("spoc", name + "&reportingYear=2015-16"))).isEmpty();

        // The doctor confirms Alex's death expected: Alex leaves the classification stage, Sam is still in it.
        completeAs("doctor", "designated-doctor", f.alex().caseReference(), "Task_ConfirmExpectedOrUnexpected",
                Map.of("deathClassification", "expected"));
        JsonNode awaitingTheDoctor = search("doctor", name + "&stage=CLASSIFICATION");
        assertThat(references(awaitingTheDoctor)).containsExactly(f.sam().caseReference());
        assertThat(awaitingTheDoctor.at("/items/0/stages").toString())
                .contains("\"code\":\"CLASSIFICATION\"", "Awaiting the Designated Doctor's expected or unexpected decision");
        assertThat(references(search("doctor", name + "&stage=form_b"))).hasSize(2);
        assertThat(references(search("doctor", name + "&stage=CLOSED"))).isEmpty();

        JsonNode sam = search("spoc", "reference=" + f.sam().caseReference()).at("/items/0");
        assertThat(sam.get("childName").asText()).isEqualTo("Sam " + f.lastName());
        assertThat(sam.get("nhsNumber").asText()).isEqualTo(f.samForm().nhsNumber().replace(" ", ""));
        assertThat(sam.get("dateOfBirth").asText()).isEqualTo("2010-01-20");
        assertThat(sam.get("dateOfDeath").asText()).isEqualTo("2015-03-09");
        assertThat(sam.get("reportingYear").asText()).isEqualTo("2014-15");
        assertThat(sam.get("closed").asBoolean()).isFalse();
        assertThat(sam.get("url").asText()).isEqualTo("/cases/" + f.sam().caseId());
    }

    @Test
    void resultsComeFiftyAPageWithTheTotal() throws Exception {
        String lastName = CaseListFixtures.newFamilyName();
        CaseListFixtures.importClosedCases(api("spoc"), lastName, 53);

        JsonNode first = search("spoc", "name=" + lastName);
        assertThat(first.get("total").asLong()).isEqualTo(53);
        assertThat(first.get("page").asInt()).isEqualTo(1);
        assertThat(first.get("size").asInt()).isEqualTo(50);
        assertThat(first.get("items")).hasSize(50);
        JsonNode second = search("spoc", "name=" + lastName + "&page=2");
        assertThat(second.get("total").asLong()).isEqualTo(53);
        assertThat(second.get("items")).hasSize(3);
        List<String> all = new ArrayList<>(references(first));
        all.addAll(references(second));
        assertThat(all).doesNotHaveDuplicates().hasSize(53);
        assertThat(search("spoc", "name=" + lastName + "&page=3").get("items")).isEmpty();
        assertThat(references(search("spoc", "name=" + lastName + "&size=10&page=6"))).hasSize(3);
        assertThat(second.at("/items/0/stages/0/words").asText()).isEqualTo("Closed");
        assertThat(second.at("/items/0/closed").asBoolean()).isTrue();
        assertThat(references(search("spoc", "name=" + lastName + "&stage=CLOSED&reportingYear=2005-06&size=100")))
                .hasSize(53);
    }

    @Test
    void thePanelGetsAnonymisedCasesAndMayNotSearchByWhatIdentifiesAChild() throws Exception {
        Family f = family();

        HttpSession.Response refused = api("panel").get("/api/cases?name=" + f.lastName()
                + "&nhsNumber=" + f.alexForm().nhsNumber().replace(" ", "") + "&dateOfBirth=2012-06-03");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(fields(refused)).containsExactly("name", "nhsNumber", "dateOfBirth");
        assertThat(api("chair").get("/api/cases?dateOfBirth=2012-06-03").status()).isEqualTo(400);

        HttpSession.Response listed = api("panel").get("/api/cases?reference=" + f.alex().caseReference());
        assertThat(listed.status()).isEqualTo(200);
        JsonNode alex = JSON.readTree(listed.body()).at("/items/0");
        assertThat(alex.get("reference").asText()).isEqualTo(f.alex().caseReference());
        assertThat(alex.get("monthOfDeath").asText()).isEqualTo("March 2015");
        assertThat(alex.get("ageBand").asText()).isEqualTo("1 to 4 years");
        assertThat(alex.get("url").asText()).isEqualTo("/cdop/cases/" + f.alex().caseId());
        assertThat(alex.has("childName")).isFalse();
        // Dates of death by whole months only: a search narrowed day by day would give the panel the day.
        assertThat(references(search("panel", "reference=" + f.alex().caseReference()
                + "&diedFrom=01/03/2015&diedTo=31/03/2015"))).containsExactly(f.alex().caseReference());
        assertThat(fields(api("panel").get("/api/cases?reference=" + f.alex().caseReference()
                + "&diedFrom=2015-03-01&diedTo=2015-03-02"))).containsExactly("diedTo");
        assertThat(fields(api("chair").get("/api/cases?diedFrom=2015-03-02"))).containsExactly("diedFrom");
        HttpSession.Response one = api("panel").get("/api/cases/" + f.alex().caseId());
        assertThat(one.status()).isEqualTo(200);
        assertThat(JSON.readTree(one.body()).has("child")).isFalse();
        for (HttpSession.Response r : List.of(listed, one)) {
            assertThat(r.body()).doesNotContain(f.lastName(), "Alex", f.alexForm().nhsNumber().replace(" ", ""),
                    "2012-06-03", "2015-03-01", f.alexForm().postcode(), f.alexForm().addressLine(), "nhsNumber",
                    "dateOfBirth", "dateOfDeath", "notifiedAt");
        }
    }

    @Test
    void badParametersAreEachNamedInA400() throws Exception {
        HttpSession.Response bad = api("spoc").get("/api/cases?dateOfBirth=31/02/2014&diedFrom=2015-13-01&nhsNumber=12345"
                + "&stage=SOMEWHERE&reportingYear=2014-16&page=0&size=101&reference=" + "x".repeat(21));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(fields(bad)).containsExactlyInAnyOrder("dateOfBirth", "diedFrom", "nhsNumber", "stage", "reportingYear",
                "page", "size", "reference");
        assertThat(bad.body()).contains("must be a whole number from 1 to 100", "written 2014-15", "10 digits",
                "must be a real date");
        assertThat(fields(api("doctor").get("/api/cases?diedFrom=10/03/2015&diedTo=09/03/2015"))).containsExactly("diedTo");
        assertThat(fields(api("spoc").get("/api/cases?diedFrom=03-2015"))).containsExactly("diedFrom");
        assertThat(api("spoc").get("/api/cases?page=abc").status()).isEqualTo(400);
    }

    @Test
    void oneCaseSaysWhereItIsWhatItWaitsForAndItsOpenTasks() throws Exception {
        Family f = family();
        String path = "/api/cases/" + f.sam().caseId();

        HttpSession.Response response = api("doctor").get(path);
        assertThat(response.status()).isEqualTo(200);
        JsonNode sam = JSON.readTree(response.body());
        assertThat(sam.get("reference").asText()).isEqualTo(f.sam().caseReference());
        assertThat(sam.at("/child/lastName").asText()).isEqualTo(f.lastName());
        assertThat(sam.at("/child/ageAtDeath").asText()).isEqualTo("5 years 1 month");
        assertThat(sam.at("/keyDates/dateOfDeath").asText()).isEqualTo("2015-03-09");
        assertThat(sam.at("/keyDates/notifiedAt").asText()).startsWith("2015-03-10T10:00");
        assertThat(sam.get("closed").asBoolean()).isFalse();
        assertThat(sam.get("stages").toString()).contains("CLASSIFICATION");
        assertThat(sam.get("waitingFor").asText()).isEqualTo("Awaiting the Designated Doctor's expected/unexpected decision");
        JsonNode confirm = task(sam, "Task_ConfirmExpectedOrUnexpected");
        assertThat(confirm.get("offeredTo").toString()).contains("Designated Doctor");
        assertThat(confirm.get("name").asText()).isNotBlank();
        assertThat(confirm.get("overdue").asBoolean()).isFalse();

        // The id the API gives is the task to complete.
        completeById("doctor", "designated-doctor", confirm.get("id").asText(), Map.of("deathClassification", "expected"));
        JsonNode after = JSON.readTree(api("spoc").get(path).body());
        assertThat(after.get("openTasks").findValuesAsText("id")).doesNotContain(confirm.get("id").asText());
        assertThat(after.get("stages").toString()).doesNotContain("CLASSIFICATION");
        assertThat(after.get("deathClassification").asText()).isEqualTo("expected");
        assertThat(after.at("/keyDates/classifiedAt").isMissingNode()).isFalse();
        assertThat(task(after, "Task_RequestFormBReports").get("offeredTo").toString()).contains("Single Point of Contact");

        assertThat(jdbc.sql("select count(*) from audit_log where actor = 'spoc' and action = 'CASE_VIEWED' and case_reference = ?")
                .param(f.sam().caseReference()).query(Long.class).single()).isPositive();
        assertThat(api("spoc").get("/api/cases/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(api("panel").get("/api/cases/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(fields(api("spoc").get("/api/cases/not-a-case"))).containsExactly("caseId");
    }

    @Test
    void searchesAreAuditedWithoutTheIdentifiersSearchedFor() throws Exception {
        Family f = family();
        search("doctor", "name=" + f.lastName() + "&dateOfBirth=20/01/2010");
        String detail = jdbc.sql("select detail from audit_log where actor = 'doctor' and action = 'CASES_SEARCHED' "
                + "order by id desc limit 1").query(String.class).single();
        assertThat(detail).contains("name", "date of birth", "1 found", f.sam().caseReference())
                .doesNotContain(f.lastName(), "2010");
    }

    @Test
    void theAdministratorHasNoCaseListButTheNurseSeesWhoTheChildWas() throws Exception {
        Family f = family();
        JsonNode found = search("nurse", "name=" + f.lastName());
        assertThat(found.toString()).contains(f.sam().caseReference(), f.lastName());
        assertThat(api("admin").get("/api/cases/" + UUID.randomUUID()).status()).isEqualTo(403);
        assertThat(browser().get("/api/cases").status()).isEqualTo(401);
    }

    private HttpSession api(String user) {
        return browser().withBasicAuth(user, DEMO_PASSWORD);
    }

    private JsonNode search(String user, String query) throws Exception {
        HttpSession.Response response = api(user).get("/api/cases?" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static List<String> references(JsonNode found) {
        return found.get("items").findValuesAsText("reference");
    }

    private static List<String> fields(HttpSession.Response response) throws Exception {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        return JSON.readTree(response.body()).get("errors").findValuesAsText("field");
    }

    private static JsonNode task(JsonNode c, String taskKey) {
        for (JsonNode task : c.get("openTasks")) {
            if (task.get("taskKey").asText().equals(taskKey)) {
                return task;
            }
        }
        throw new AssertionError("no open task " + taskKey + " in " + c.get("openTasks"));
    }

    private void completeAs(String user, String group, String reference, String taskKey, Map<String, Object> answers) {
        completeById(user, group, taskService.createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey(taskKey).singleResult().getId(), answers);
    }

    private void completeById(String user, String group, String taskId, Map<String, Object> answers) {
        engine.getIdentityService().setAuthentication(user, List.of(group));
        try {
            taskService.complete(taskId, answers);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        runDueJobs();
    }
}
