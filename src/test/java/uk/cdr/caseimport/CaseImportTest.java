package uk.cdr.caseimport;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.cdr.caseimport.ImportFiles.*;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.cdr.notification.FormA;
import uk.cdr.notification.Notifications;
import uk.cdr.notification.TestForms;
import uk.cdr.support.HttpSession;
import uk.cdr.support.IntegrationTest;

class CaseImportTest extends IntegrationTest {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    org.camunda.bpm.engine.TaskService taskService;

    @Autowired
    Notifications notifications;

    private HttpSession api(String user) {
        return browser().withBasicAuth(user, DEMO_PASSWORD);
    }

    private List<String> sample() {
        return SampleImport.once(api("spoc"), json);
    }

    @Test
    void theSampleFileImportsItsClosedCasesWithTheirReview() {
        assertThat(sample()).isEqualTo(SampleImport.REFERENCES);

        Map<String, Object> sudi = caseFile("2012-13/004");
        assertThat(sudi).containsEntry("status", "CLOSED").containsEntry("review_completed_on", LocalDate.of(2013, 6, 12))
                .containsEntry("death_classification", "unexpected").containsEntry("age_at_death_days", 141)
                .containsEntry("neonatal", false).containsEntry("reporting_year", "2012-13")
                .containsEntry("sequence_in_year", 4).containsEntry("sex", "male").containsEntry("ethnicity", "black-african")
                .containsEntry("place_of_death", "home").containsEntry("nhs_number", "9991590838")
                .containsEntry("imported_by", "spoc");
        assertThat(sudi.get("closed_at")).isEqualTo(noon(2013, 6, 12));
        assertThat(sudi.get("notified_at")).isEqualTo(noon(2012, 10, 22));
        assertThat(row("select category, modifiable, scr_considered, domain_child, domain_parenting, version from form_c "
                + "where case_id = ?", sudi.get("id"))).containsEntry("category", 10)
                .containsEntry("modifiable", "insufficient-information").containsEntry("scr_considered", false)
                .containsEntry("domain_child", "2").containsEntry("domain_parenting", "1*").containsEntry("version", 1);
        assertThat(row("""
                select r.outcome, r.ratified_at, m.kind, m.held_on, m.place from cdop_review r
                join panel_meeting m on m.id = r.meeting_id where r.case_id = ?""", sudi.get("id")))
                .containsEntry("outcome", "REVIEWED").containsEntry("kind", "ROUTINE")
                .containsEntry("held_on", LocalDate.of(2013, 6, 12)).containsEntry("place", "Imported")
                .containsEntry("ratified_at", noon(2013, 6, 12));
        assertThat(row("select meeting_convened from rapid_response where case_id = ?", sudi.get("id")))
                .containsEntry("meeting_convened", true);
        assertThat(count("select count(*) from case_meeting where case_id = ? and kind = 'RAPID_RESPONSE' and held",
                sudi.get("id"))).isEqualTo(1);
        assertThat(row("select outcome from final_case_discussion where case_id = ?", sudi.get("id")))
                .containsEntry("outcome", "HELD");
        assertThat(count("select count(*) from agency_report_request where case_id = ? and status = 'RETURNED' "
                + "and requested_at = ? and returned_at = ?", sudi.get("id"), noon(2012, 10, 23), noon(2012, 11, 20)))
                .isEqualTo(4);

        // Two cases reviewed at the routine meeting of 12 June 2013: one meeting row, both assigned to it.
        assertThat(count("select count(*) from panel_meeting where held_on = ? and kind = 'ROUTINE'", LocalDate.of(2013, 6, 12)))
                .isEqualTo(1);
        assertThat(count("""
                select count(*) from panel_assignment a join panel_meeting m on m.id = a.meeting_id
                where m.held_on = ? and m.kind = 'ROUTINE'""", LocalDate.of(2013, 6, 12))).isEqualTo(2);
        assertThat(row("""
                select m.kind from cdop_review r join panel_meeting m on m.id = r.meeting_id
                join case_file c on c.id = r.case_id where c.case_reference = '2012-13/007'""", new Object[0]))
                .containsEntry("kind", "NEONATAL");

        // Hazel: a final case discussion not convened, one Form B never returned, the SPOC's reason kept.
        Map<String, Object> rtc = caseFile("2012-13/016");
        assertThat(rtc).containsEntry("child_first_name", "Hazel").containsEntry("status", "CLOSED")
                .containsEntry("form_b_proceed_reason", "Police report outstanding, SPOC proceeded with the chair's agreement");
        assertThat(row("select outcome, not_convened_reason from final_case_discussion where case_id = ?", rtc.get("id")))
                .containsEntry("outcome", "NOT_CONVENED").containsEntry("not_convened_reason", "logistical");
        assertThat(count("select count(*) from agency_report_request where case_id = ? and status = 'SENT'", rtc.get("id")))
                .isEqualTo(1);
        assertThat(count("select count(*) from agency_report_request where case_id = ? and status = 'RETURNED'", rtc.get("id")))
                .isEqualTo(4);

        for (String reference : SampleImport.REFERENCES) {
            assertThat(count("select count(*) from notification n join case_file c on c.id = n.case_id "
                    + "where c.case_reference = ? and n.received_by = 'spoc'", reference)).as(reference).isEqualTo(1);
            assertThat(count("select count(*) from audit_log where case_reference = ? and action = 'CASE_CREATED' "
                    + "and detail = 'imported' and actor = 'spoc'", reference)).as(reference).isEqualTo(1);
        }
        assertThat(count("select count(*) from case_file where case_reference in ('2012-13/003', '2012-13/004', "
                + "'2012-13/007', '2012-13/016', '2012-13/017', '2013-14/002', '2013-14/031', '2013-14/032', '2012-13/018') "
                + "and status = 'CLOSED' and review_completed_on is not null")).isEqualTo(9);
    }

    @Test
    void openCasesJoinTheQueueInTheStateTheirDataImpliesAndAreWatched() throws Exception {
        sample();
        List<JsonNode> queue = uk.cdr.support.QueuePages.all(api("panel"), "sort=reference");
        Map<String, JsonNode> byReference = new HashMap<>();
        queue.forEach(c -> byReference.put(c.get("caseReference").asText(), c));
        Map<String, String> expected = Map.of(
                "2013-14/030", "READY_FOR_REVIEW",
                "2013-14/033", "WAITING_FOR_FINAL_CASE_DISCUSSION",
                "2013-14/034", "WAITING_FOR_FORM_B",
                "2013-14/035", "WAITING_FOR_CLASSIFICATION",
                "2013-14/036", "READY_FOR_REVIEW",
                "2012-13/015", "READY_FOR_REVIEW");
        expected.forEach((reference, state) -> {
            assertThat(byReference).as(reference).containsKey(reference);
            assertThat(byReference.get(reference).get("state").asText()).as(reference).isEqualTo(state);
        });
        assertThat(byReference.get("2013-14/034").get("waitingFor").asText()).isEqualTo("Form Bs outstanding: 1 of 3 returned");
        assertThat(byReference.get("2013-14/034").get("overTwelveMonths").asBoolean()).isTrue();
        assertThat(byReference).doesNotContainKeys("2012-13/003", "2012-13/004", "2013-14/032");

        String body = uk.cdr.support.QueuePages.all(api("panel"), "").toString();
        for (String name : List.of("Tansy", "Example", "Rowan", "Sorrel", "Pretend", "Basil", "Invented", "Fern",
                "Fakename", "Linden", "Specimen", "Marigold", "Dummy", "Thistle", "Mockup", "9995181908")) {
            assertThat(body).as("the queue is anonymised").doesNotContain(name);
        }

        // Every open case's process is where its data says, with its next step there to be done.
        for (String open : expected.keySet()) {
            assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("childDeathReview")
                    .processInstanceBusinessKey(open).count()).as(open).isEqualTo(1);
        }
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("childDeathReview")
                .processInstanceBusinessKey("2012-13/004").count()).as("a closed case has no process").isZero();
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey("2013-14/035")
                .taskDefinitionKey("Task_ConfirmExpectedOrUnexpected").count()).as("awaits the doctor").isEqualTo(1);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("finalCaseDiscussion")
                .processInstanceBusinessKey("2013-14/033").count()).as("its final case discussion runs").isEqualTo(1);
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey("2013-14/034")
                .taskDefinitionKey("Task_RequestFormBReports").count()).as("the SPOC asks again or goes on").isEqualTo(1);
    }

    @Test
    void aLaterLiveNotificationGetsTheNextFreeReference() {
        sample();
        assertThat(count("select last_sequence from case_reference_sequence where reporting_year = '2012-13'")).isEqualTo(18);
        assertThat(count("select last_sequence from case_reference_sequence where reporting_year = '2013-14'")).isGreaterThanOrEqualTo(36);
        FormA form = new FormA("Dr Ann Smith", "Paediatric registrar", "St Elsewhere Hospital", "ann.smith@nhs.example",
                null, "Later", "Livecase" + System.nanoTime(), null, LocalDate.of(2012, 1, 5), "male",
                TestForms.uniqueNhsNumber(), null, "white-british", null, null, "north", LocalDate.of(2014, 1, 15), LocalTime.of(9, 0), null,
                "home", "expected", "Died at home.", "no", "no", List.of());
        String reference = notifications.record(form, "spoc").caseReference();
        assertThat(reference).startsWith("2013-14/").isNotIn(SampleImport.REFERENCES);
        assertThat(Integer.parseInt(reference.substring(8))).isGreaterThan(36);
    }

    @Test
    void onlyTheSpocAndTheAdministratorMayImport() {
        byte[] file = utf8(csv(with(openCase(), "sex", "boy")));
        assertThat(postCsv(api("panel"), file).status()).isEqualTo(403);
        assertThat(postCsv(api("nurse"), file).status()).isEqualTo(403);
        assertThat(postMultipart(api("nurse"), "/api/import/cases", Map.of(), "f.csv", file, Map.of()).status())
                .isEqualTo(403);
        assertThat(loggedIn("panel").get("/import").status()).isEqualTo(403);
        HttpSession.Response admin = postCsv(api("admin"), file);
        assertThat(admin.status()).as("the administrator reaches the import: the file is what is wrong").isEqualTo(400);
        assertThat(admin.body()).contains("\"column\":\"sex\"");
    }

    @Test
    void anOversizedFileIsRefusedWith413() {
        byte[] big = new byte[5 * 1024 * 1024 + 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        HttpSession.Response body = postCsv(api("spoc"), big);
        assertThat(body.status()).isEqualTo(413);
        assertThat(body.body()).contains("larger than 5 MB");
        assertThat(postMultipart(api("spoc"), "/api/import/cases", Map.of(), "big.csv", big, Map.of()).status())
                .isEqualTo(413);
        HttpSession spoc = loggedIn("spoc");
        // The page's form carries its CSRF token in the address: the container reads no field of an oversized upload.
        HttpSession.Response page = postMultipart(spoc, "/import?_csrf=" + spoc.csrfTokenFrom("/import"), Map.of(),
                "big.csv", big, Map.of("Accept", "text/html"));
        assertThat(page.status()).isEqualTo(413);
        assertThat(page.body()).contains("id=\"import-too-large\"", "larger than 5 MB", "id=\"import-form\"");
    }

    @Test
    void theSpocUploadsOnThePageAndSeesEveryProblem() {
        HttpSession spoc = loggedIn("spoc");
        HttpSession.Response page = spoc.get("/import");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"import-form\"", "enctype=\"multipart/form-data\"", "date_of_death",
                "action=\"/import?_csrf=");
        assertThat(spoc.get("/").body()).contains("id=\"link-import\"");
        byte[] file = utf8(csv(openCase(), with(openCase(), "date_of_death", "2009-12-31", "ethnicity", "martian")));

        assertThat(postMultipart(spoc, "/import", Map.of(), "bad.csv", file, Map.of()).status())
                .as("no CSRF token").isEqualTo(403);
        HttpSession.Response refused = postMultipart(spoc, "/import", Map.of("_csrf", spoc.csrfTokenFrom("/import")),
                "bad.csv", file, Map.of("Accept", "text/html"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("Nothing was imported", "bad.csv", "id=\"import-error-table\"",
                "<td>3</td>", "<td>ethnicity</td>", "<td>date_of_death</td>", "must not be before date_of_birth");
    }

    private Map<String, Object> caseFile(String reference) {
        return row("select * from case_file where case_reference = ?", reference);
    }

    private Map<String, Object> row(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query((rs, n) -> {
            Map<String, Object> values = new HashMap<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                Object value = rs.getObject(i);
                if (value instanceof java.sql.Date date) {
                    value = date.toLocalDate();
                } else if (value instanceof java.sql.Timestamp) {
                    value = rs.getObject(i, OffsetDateTime.class).atZoneSameInstant(UK).toOffsetDateTime();
                }
                values.put(rs.getMetaData().getColumnLabel(i), value);
            }
            return values;
        }).single();
    }

    private int count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Integer.class).single();
    }

    private static OffsetDateTime noon(int year, int month, int day) {
        return LocalDate.of(year, month, day).atTime(12, 0).atZone(UK).toOffsetDateTime();
    }
}
