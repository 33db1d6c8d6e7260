package uk.cdr.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.mail.internet.MimeMessage;
import uk.cdr.agencyreport.AgencyReports;
import uk.cdr.agencyreport.FormBReturns;
import uk.cdr.notification.FormA;
import uk.cdr.notification.Notifications;
import uk.cdr.notification.TestForms;
import uk.cdr.support.HttpSession;
import uk.cdr.support.ProcessTest;

/**
 * Panel members work from anonymised cases: the child's name, address and NHS number must reach
 * them nowhere: not on a page, in an API answer, an email or a Tasklist variable, even when an
 * agency or a panel member wrote them into free text.
 */
class PanelAnonymityTest extends ProcessTest {


    @Autowired
    Notifications notifications;

    @Autowired
    AgencyReports agencyReports;

    @Autowired
    FormBReturns formBReturns;

    @Autowired
    PanelMeetings meetings;

    @Autowired
    ObjectMapper json;

    @Test
    void nothingThePanelCanReachNamesTheChild() throws Exception {
        clockAt(LocalDateTime.of(2015, 3, 10, 10, 0));
        String nhs = TestForms.uniqueNhsNumber();
        String lastName = "Quillfeather" + UUID.randomUUID().toString().substring(0, 6).replaceAll("\\d", "x");
        String agencyEmail = "school-" + UUID.randomUUID().toString().substring(0, 8) + "@school.example";
        FormA form = new FormA("Dr Ann Smith", "Paediatric registrar", "St Elsewhere Hospital", "ann.smith@nhs.example",
                "020 7946 0000", "Zephyrine", lastName, "Rose-Marigold", LocalDate.of(2009, 6, 2), "female", nhs, null,
                "white-british", "17 Larkspur Crescent", "SE15 4QT", "south", LocalDate.of(2015, 3, 8), LocalTime.of(4, 10), null,
                "home", "expected", "Died at home in her sleep.", "no", "no",
                List.of(new FormA.Agency("Hillside Primary School", "Ms Head", agencyEmail)));
        Notifications.Recorded c = classifiedAndAskedForFormBs(form);
        // The school writes the child's name, address and NHS number into its report, as people do.
        Map<String, String> answers = PanelFixtures.formB("Ms Head", "Head teacher", "Hillside Primary School", agencyEmail,
                "Zephyrine " + lastName + " (NHS " + nhs.substring(0, 3) + " " + nhs.substring(3, 6)
                        + " " + nhs.substring(6) + ") was in Year 1; home visit to 17 Larkspur Crescent, SE154QT.",
                "yes", "zephyrine had asthma; Rose-Marigold is her middle name.");
        formBReturns.submit(formBToken(agencyEmail), answers);
        runDueJobs();

        UUID meetingId = PanelFixtures.meetingWith(meetings, LocalDate.of(2015, 5, 27), c.caseId());
        HttpSession panel = browser().withBasicAuth("panel", DEMO_PASSWORD);
        HttpSession chair = browser().withBasicAuth("chair", DEMO_PASSWORD);
        assertThat(panel.putJson("/api/cdop/cases/" + c.caseId() + "/form-c", PanelFixtures.formCJson(0, "6", "no")
                .replace("Safe sleep advice was not repeated at discharge.", "Zephyrine's asthma plan was out of date.")).status())
                .isEqualTo(200);
        clockAt(LocalDateTime.of(2015, 5, 20, 9, 0));
        runDueJobs(); // the agenda email, 7 days before

        List<String> seen = new ArrayList<>();
        for (HttpSession member : List.of(panel, chair)) {
            for (String path : List.of("/cdop/queue", "/api/cdop/queue", "/api/cdop/meetings",
                    "/api/cdop/meetings/" + meetingId + "/agenda", "/api/cdop/cases/" + c.caseId())) {
                HttpSession.Response response = member.get(path);
                assertThat(response.status()).as(path).isEqualTo(200);
                seen.add(path + ": " + response.body());
            }
            seen.addAll(tasklist(member));
        }
        seen.addAll(panelEmails());

        String panelCase = panel.get("/api/cdop/cases/" + c.caseId()).body();
        assertThat(panelCase).as("the Form B return and Form C reach the panel, redacted")
                .contains("Hillside Primary School", "[redacted] [redacted] (NHS [redacted]) was in Year 1",
                        "[redacted]'s asthma plan");
        assertThat(seen).as("emails, pages, API and Tasklist seen by the panel").isNotEmpty()
                .allSatisfy(text -> assertThat(text).doesNotContainIgnoringCase("Zephyrine")
                        .doesNotContainIgnoringCase(lastName).doesNotContain("Rose-Marigold").doesNotContain(nhs)
                        .doesNotContain(nhs.substring(0, 3) + " " + nhs.substring(3, 6))
                        .doesNotContain("Larkspur Crescent").doesNotContain("SE15 4QT").doesNotContain("SE154QT"));
        assertThat(seen).anyMatch(text -> text.contains(c.caseReference()));
    }

    /**
     * What a tester found reaching the panel verbatim: an NHS number grouped 5-5 and with dots, a
     * hyphenated lower-case postcode and the date of birth, written into a real Form B; and the
     * exact date of death beside the age in days, which together are the date of birth.
     */
    @Test
    void theTestersIdentifiersAndTheDateOfBirthNeverReachThePanel() throws Exception {
        clockAt(LocalDateTime.of(2015, 3, 10, 10, 0));
        String lastName = "Marchbank" + UUID.randomUUID().toString().substring(0, 6).replaceAll("\\d", "y");
        String agencyEmail = "gp-" + UUID.randomUUID().toString().substring(0, 8) + "@gp.example";
        LocalDate born = LocalDate.of(2014, 11, 2);
        LocalDate died = LocalDate.of(2015, 3, 8);
        FormA form = new FormA("Dr Ann Smith", "Paediatric registrar", "St Elsewhere Hospital", "ann.smith@nhs.example",
                "020 7946 0000", "Tobias", lastName, null, born, "male", "1512845345", null, "white-british",
                "4 Quayside Mews", "SW1A 1AA", "south", died, LocalTime.of(4, 10), null, "home", "expected", "Died at home.", "no", "no",
                List.of(new FormA.Agency("Riverside Surgery", "Dr Green", agencyEmail)));
        String written = "Registered as NHS 15128 45345 (151.284.5345 on the old card), living at sw1a-1aa, "
                + "born 02/11/2014; seen 21 days before the death, in 2014-15.";
        Notifications.Recorded c = caseWithAFormB(form, agencyEmail, "Riverside Surgery", "GP", written, "no");
        UUID meetingId = PanelFixtures.meetingWith(meetings, LocalDate.of(2015, 5, 27), c.caseId());
        clockAt(LocalDateTime.of(2015, 5, 20, 9, 0));
        runDueJobs(); // the agenda email

        HttpSession panel = browser().withBasicAuth("panel", DEMO_PASSWORD);
        String panelCase = panel.get("/api/cdop/cases/" + c.caseId()).body();
        JsonNode summary = json.readTree(panelCase).get("summary");
        assertThat(summary.get("ageBand").asText()).isEqualTo("28 days to 364 days");
        assertThat(summary.get("monthOfDeath").asText()).isEqualTo("March 2015");
        assertThat(panelCase).as("the Form B reaches the panel with what identifies the child blanked out")
                .contains("Registered as NHS [redacted] ([redacted] on the old card), living at [redacted], "
                        + "born [redacted]; seen 21 days before the death, in 2014-15.");
        String meetingPage = panel.get("/cdop/meetings/" + meetingId).body();
        assertThat(meetingPage).contains("Registered as NHS [redacted] ([redacted] on the old card)", "March 2015",
                "28 days to 364 days");

        long ageInDays = ChronoUnit.DAYS.between(born, died);
        List<String> seen = new ArrayList<>(List.of(panelCase, meetingPage));
        for (HttpSession member : List.of(panel, browser().withBasicAuth("chair", DEMO_PASSWORD))) {
            for (String path : List.of("/cdop/queue", "/api/cdop/queue", "/api/cdop/meetings/" + meetingId + "/agenda",
                    "/cdop/meetings/" + meetingId, "/api/cdop/cases/" + c.caseId())) {
                seen.add(path + ": " + member.get(path).body());
            }
        }
        seen.addAll(panelEmails());
        assertThat(seen).allSatisfy(text -> assertThat(text).doesNotContain("15128 45345", "151.284.5345", "1512845345",
                        "02/11/2014", "2014-11-02", "2 November 2014", "8 March 2015", "2015-03-08", ageInDays + " days",
                        "\"ageAtDeathDays\"", "\"dateOfDeath\"", "\"daysSinceDeath\"")
                .doesNotContainIgnoringCase("sw1a-1aa").doesNotContainIgnoringCase("SW1A 1AA")
                .doesNotContainIgnoringCase(lastName).doesNotContain("Quayside"));
    }

    /** The death logged, confirmed expected by the doctor, and the Form A agencies asked for a Form B. */
    private Notifications.Recorded classifiedAndAskedForFormBs(FormA form) {
        Notifications.Recorded c = notifications.record(form, "spoc");
        runDueJobs();
        ProcessInstance notification = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey("childDeathNotification").processInstanceBusinessKey(c.caseReference()).singleResult();
        PanelFixtures.as(engine, "doctor", "designated-doctor", () -> engine.getTaskService().complete(
                org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task("Task_ConfirmExpectedOrUnexpected", notification).getId(),
                Map.of("deathClassification", "expected")));
        PanelFixtures.as(engine, "spoc", "spoc",
                () -> agencyReports.request(c.caseId(), agencyReports.suggestedAgencies(c.caseId()), "spoc"));
        runDueJobs();
        return c;
    }

    private Notifications.Recorded caseWithAFormB(FormA form, String agencyEmail, String agency, String role,
            String natureOfContact, String knownHealth) throws Exception {
        Notifications.Recorded c = classifiedAndAskedForFormBs(form);
        Map<String, String> answers = PanelFixtures.formB("Dr Green", role, agency, agencyEmail, natureOfContact, knownHealth,
                null);
        formBReturns.submit(formBToken(agencyEmail), answers);
        runDueJobs();
        return c;
    }

    /** What Tasklist shows a panel member: their tasks, each task's variables and form variables. */
    private List<String> tasklist(HttpSession member) throws Exception {
        List<String> seen = new ArrayList<>();
        String tasks = member.get("/engine-rest/task?candidateGroup=cdop-panel").body();
        seen.add(tasks);
        seen.add(member.get("/engine-rest/task?candidateGroup=cdop-chair").body());
        for (JsonNode task : json.readTree(tasks)) {
            String id = task.get("id").asText();
            seen.add(member.get("/engine-rest/task/" + id + "/variables").body());
            seen.add(member.get("/engine-rest/task/" + id + "/form-variables").body());
        }
        seen.add(member.get("/engine-rest/variable-instance").body());
        seen.add(member.get("/engine-rest/history/variable-instance").body());
        seen.add(member.get("/engine-rest/process-instance").body());
        assertThat(tasks).contains("Task_ReviewCase");
        return seen;
    }

    private static List<String> panelEmails() throws Exception {
        List<String> bodies = new ArrayList<>();
        for (MimeMessage m : mail().getReceivedMessages()) {
            boolean toPanel = Arrays.stream(m.getAllRecipients()).map(Object::toString)
                    .anyMatch(r -> r.equals("panel@cdr.example.org") || r.equals("chair@cdr.example.org")
                            || r.equals("cdop-chair@cdr.example.org"));
            if (toPanel) {
                bodies.add(m.getSubject() + "\n" + m.getContent());
            }
        }
        assertThat(bodies).anyMatch(b -> b.contains("27 May 2015: agenda"));
        return bodies;
    }

    private static String formBToken(String address) throws Exception {
        return formBTokenSentTo(address);
    }
}
