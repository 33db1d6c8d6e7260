package uk.cdr.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.cdr.notification.FormAExamples;
import uk.cdr.notification.Notifications;
import uk.cdr.rapidresponse.InvalidAnswers;
import uk.cdr.support.HttpSession;
import uk.cdr.support.ProcessTest;

/**
 * Issue 16: a special neonatal panel reviews a neonatal death with its specialists, and the case then
 * goes to a routine CDOP meeting, which completes the review ("all these cases were also reviewed at
 * full CDOP"). Deaths in 2004-05, a reporting year no other test uses, so its statistics are this
 * case's alone.
 */
class NeonatalPanelProcessTest extends ProcessTest {

    private static final String SPECIALISTS = "Consultant neonatologist, St Elsewhere NICU\nConsultant obstetrician, St Elsewhere";

    @Autowired
    Notifications notifications;

    @Autowired
    PanelMeetings meetings;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    @Test
    void aNeonatalDeathIsReviewedByTheNeonatalPanelThenCompletedByARoutineMeetingAndCountedOnce() throws Exception {
        clockAt(LocalDateTime.of(2004, 6, 11, 10, 0));
        Notifications.Recorded c = PanelFixtures.readyCase(engine, notifications,
                FormAExamples.bornAndDied(LocalDate.of(2004, 6, 1), LocalDate.of(2004, 6, 10)), this::runDueJobs);
        UUID neonatalPanel = meetings.create(LocalDate.of(2004, 7, 14), "NEONATAL", "St Elsewhere Hospital", "spoc", true).id();
        meetings.assign(neonatalPanel, c.caseId(), "spoc");
        ProcessInstance atNeonatalPanel = review(c);
        assertThat(atNeonatalPanel).isWaitingAt("Task_ReviewCase");

        HttpSession panel = browser().withBasicAuth("panel", DEMO_PASSWORD);
        assertThat(panel.putJson(PanelFixtures.formC(c), PanelFixtures.formCJson(0, "8", "no")).body()).contains("\"version\":1");
        // The meeting page offers the neonatal panel its own outcome, not the completed review.
        String page = loggedIn("panel").get("/cdop/meetings/" + neonatalPanel).body();
        assertThat(page).contains("value=\"neonatal-reviewed\"", "name=\"specialistsAttending\"")
                .doesNotContain("value=\"reviewed\"");
        clockAt(LocalDateTime.of(2004, 7, 14, 15, 0));
        // The neonatal panel does not complete the review, and names its specialists.
        HttpSession.Response completing = panel.postJson(PanelFixtures.outcome(c), "{\"outcome\":\"reviewed\"}");
        assertThat(completing.status()).as(completing.body()).isEqualTo(400);
        assertThat(completing.body()).contains("\"field\":\"outcome\"", "a routine CDOP meeting does");
        HttpSession.Response unnamed = panel.postJson(PanelFixtures.outcome(c), "{\"outcome\":\"neonatal-reviewed\"}");
        assertThat(unnamed.status()).isEqualTo(400);
        assertThat(unnamed.body()).contains("\"field\":\"specialistsAttending\"");
        assertThat(atNeonatalPanel).isWaitingAt("Task_ReviewCase");
        assertThat(panel.postJson(PanelFixtures.outcome(c), json.writeValueAsString(java.util.Map.of("outcome", "neonatal-reviewed",
                "specialistsAttending", SPECIALISTS))).status()).isEqualTo(204);

        assertThat(atNeonatalPanel).isEnded().hasPassed("End_ReviewedByNeonatalPanel");
        assertThat(theCase(c)).isWaitingAt("Receive_AssignedToFullCdop");
        JsonNode queued = PanelFixtures.queued(browser().withBasicAuth("panel", DEMO_PASSWORD), c);
        assertThat(queued.get("state").asText()).isEqualTo("REVIEWED_BY_NEONATAL_PANEL");
        assertThat(queued.get("waitingFor").asText()).isEqualTo("Reviewed by the neonatal panel, awaiting full CDOP");
        assertThat(jdbc.sql("select status, review_completed_on from case_file where id = ?").param(c.caseId())
                .query((rs, row) -> new Object[] {rs.getString(1), rs.getObject(2)}).single())
                .containsExactly("CLASSIFIED", null);
        // The case list finds it there too, for the panel anonymised.
        assertThat(panel.get("/api/cases?stage=NEONATAL_REVIEWED&reportingYear=2004-05").body()).contains(c.caseReference(),
                "Reviewed by the neonatal panel, awaiting full CDOP");
        // The specialists' words stay in the app's tables, not the engine's.
        assertNotInEngineHistory(atNeonatalPanel.getId(), "specialistsAttending");

        // Not to a neonatal panel again: a routine meeting completes it.
        assertThatThrownBy(() -> meetings.assign(neonatalPanel, c.caseId(), "spoc")).isInstanceOf(InvalidAnswers.class)
                .hasMessageContaining("assign it to a routine CDOP meeting");
        UUID routine = PanelFixtures.meetingWith(meetings, LocalDate.of(2004, 9, 15), c.caseId());
        ProcessInstance atFullCdop = review(c);
        assertThat(atFullCdop.getId()).isNotEqualTo(atNeonatalPanel.getId());

        // The routine meeting starts from the neonatal panel's Form C, and sees who attended it.
        JsonNode panelCase = json.readTree(panel.get("/api/cdop/cases/" + c.caseId()).body());
        assertThat(panelCase.at("/formC/version").asInt()).isEqualTo(1);
        assertThat(panelCase.at("/formC/formC/category").asInt()).isEqualTo(8);
        assertThat(loggedIn("panel").get("/cdop/meetings/" + routine).body())
                .contains("Reviewed by the special neonatal panel of 14 July 2004", "Consultant neonatologist");
        clockAt(LocalDateTime.of(2004, 9, 15, 15, 0));
        assertThat(panel.postJson(PanelFixtures.outcome(c), "{\"outcome\":\"neonatal-reviewed\",\"specialistsAttending\":\"x\"}").status())
                .as("only a neonatal panel records findings for another meeting").isEqualTo(400);
        assertThat(panel.postJson(PanelFixtures.outcome(c), "{\"outcome\":\"reviewed\"}").status()).isEqualTo(204);
        assertThat(browser().withBasicAuth("chair", DEMO_PASSWORD).postJson(PanelFixtures.ratification(c), "{}").status()).isEqualTo(204);
        runDueJobs();
        assertThat(atFullCdop).isEnded();
        assertThat(jdbc.sql("select review_completed_on from case_file where id = ?").param(c.caseId())
                .query(LocalDate.class).single()).isEqualTo(LocalDate.of(2004, 9, 15));

        // 2004-05: both meetings held, one review, completed by the routine meeting.
        clockAt(LocalDateTime.of(2005, 5, 3, 9, 0));
        JsonNode report = json.readTree(panel.get("/api/statistics/2004-05").body());
        assertThat(rows(report, "cdop-meetings")).contains(List.of("Routine meetings", "1"),
                List.of("Special neonatal meetings", "1"), List.of("CDOP meetings held", "2"));
        assertThat(rows(report, "reviews-by-year-of-death")).containsExactly(List.of("Deaths in 2004-05", "1"),
                List.of("Reviews completed", "1"));
    }

    private ProcessInstance review(Notifications.Recorded c) {
        return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("cdopReview")
                .processInstanceBusinessKey(c.caseReference()).activityIdIn("Task_ReviewCase").singleResult();
    }

    private ProcessInstance theCase(Notifications.Recorded c) {
        return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("childDeathReview")
                .processInstanceBusinessKey(c.caseReference()).active().singleResult();
    }

    private static List<List<String>> rows(JsonNode report, String table) {
        for (JsonNode t : report.get("tables")) {
            if (t.get("name").asText().equals(table)) {
                List<List<String>> rows = new ArrayList<>();
                t.get("rows").forEach(row -> rows.add(List.of(row.get("label").asText(), row.get("thisYear").asText())));
                return rows;
            }
        }
        throw new AssertionError("no table " + table);
    }
}
