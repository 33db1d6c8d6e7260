package uk.cdr;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.cdr.notification.TestForms;
import uk.cdr.support.HttpSession;
import uk.cdr.support.ProcessTest;

/**
 * Issue 12, finding 4: one case driven through every form the way people fill them in (Form A in
 * Tasklist, each task form through the engine's REST API as Tasklist sends it, Form B on the agency's
 * page; a deferral and a review, a merged duplicate notification, a Form B withdrawn when overdue), with known personal values planted in every name, number, address, date of birth and free
 * text field. Then every text column of every engine runtime and history table, and every stored
 * byte array, is searched for them, deleted variables and history detail included: none is there.
 */
class EngineKeepsNoPersonalDataTest extends ProcessTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    private final Map<String, HttpSession> users = new HashMap<>();
    private final String tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    private final Map<String, String> planted = new LinkedHashMap<>();

    private String plant(String field, String value) {
        planted.put(field, value);
        return value;
    }

    private String text(String field) {
        return plant(field, "Planted " + field + " " + tag);
    }

    @Test
    void noPlantedValueReachesAnyEngineTable() throws Exception {
        clockAt(LocalDateTime.of(2015, 3, 10, 10, 0));
        String nhs = plant("nhsNumber", TestForms.uniqueNhsNumber());
        Map<String, Object> formA = new LinkedHashMap<>();
        formA.put("notifierName", text("notifierName"));
        formA.put("notifierRole", "Paediatric registrar");
        formA.put("notifierOrganisation", "St Elsewhere Hospital");
        formA.put("notifierEmail", plant("notifierEmail", "planted." + tag.toLowerCase() + "@nhs.example"));
        formA.put("notifierPhone", plant("notifierPhone", "020 7946 " + tag.substring(0, 4).replaceAll("\\D", "7")));
        formA.put("childFirstName", plant("childFirstName", "Zephyrine" + tag));
        formA.put("childLastName", plant("childLastName", "Quillfeather" + tag));
        formA.put("childOtherNames", plant("childOtherNames", "Marisol" + tag));
        formA.put("dateOfBirth", plant("dateOfBirth", "2013-07-19"));
        formA.put("sex", "female");
        formA.put("nhsNumber", nhs);
        formA.put("ethnicity", "white-british");
        formA.put("addressLine", plant("addressLine", "17 Larkspur Mews " + tag));
        formA.put("postcode", plant("postcode", "EC1V 9XL"));
        formA.put("dateOfDeath", "2015-03-09");
        formA.put("timeOfDeath", "23:40");
        formA.put("placeOfDeath", "home");
        formA.put("area", "north");
        formA.put("notifiedExpected", "unexpected");
        formA.put("circumstances", text("circumstances"));
        formA.put("postMortemRequired", "yes");
        formA.put("coronerInformed", "yes");
        formA.put("agenciesKnown", text("agenciesKnown"));
        Map<String, Object> variables = new LinkedHashMap<>();
        formA.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        HttpSession.Response started = as("spoc").postJson(
                "/engine-rest/process-definition/key/logDeathFromTasklist/submit-form",
                json.writeValueAsString(Map.of("variables", variables)));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        String formAProcess = json.readTree(started.body()).get("id").asText();
        String reference = jdbc.sql("select case_reference from case_file c join notification n on n.case_id = c.id "
                + "where n.nhs_number = ?").param(nhs).query(String.class).single();
        UUID caseId = jdbc.sql("select id from case_file where case_reference = ?").param(reference).query(UUID.class).single();
        runDueJobs();

        complete("spoc", reference, "Task_AcknowledgeNotification",
                Map.of("acknowledged", "true", "acknowledgementNote", text("acknowledgementNote")));
        complete("nurse", reference, "Task_BereavementSupport",
                Map.of("bereavementSupport", "accepted", "bereavementSupportOfferedOn", "2015-03-10", "familiesLeaflet", "yes"));
        complete("doctor", reference, "Task_ConfirmExpectedOrUnexpected", Map.of("deathClassification", "unexpected"));
        runDueJobs();

        complete("doctor", reference, "Task_InitialInformationSharing", Map.of("participants", text("participants"),
                "agreed", text("agreed"), "homeVisit", "yes", "siblingsSafeguarding", text("siblingsSafeguarding"),
                "referredToSocialCare", "yes", "conveneMeeting", "yes"));
        complete("doctor", reference, "Task_ScheduleMeeting", Map.of("meetingDate", "2015-03-13", "meetingTime", "10:00",
                "meetingPlace", text("rapidResponseMeetingPlace"), "invitees", "privacy-police@police.example"));
        runDueJobs();
        clockAt(LocalDateTime.of(2015, 3, 13, 12, 0));
        runDueJobs();
        complete("doctor", reference, "Task_RecordMeetingOutcome", Map.of("attendees", text("rapidResponseAttendees"),
                "actions", plant("actions", "Visit planted " + tag + "; Police; 2015-03-20"), "scrCriteriaMayBeMet", "no"));
        runDueJobs();

        complete("doctor", reference, "Task_AwaitPostMortemResults", Map.of("proceedReason", text("proceedReason")));
        clockAt(LocalDateTime.of(2015, 4, 20, 10, 0));
        complete("doctor", reference, "Task_PlanFinalCaseDiscussion", Map.of("convene", "yes", "meetingDate", "2015-05-05",
                "meetingTime", "14:00", "meetingPlace", text("finalMeetingPlace"), "invitees", "privacy-gp@nhs.example"));
        runDueJobs();
        clockAt(LocalDateTime.of(2015, 5, 5, 16, 0));
        runDueJobs();
        complete("doctor", reference, "Task_RecordFinalCaseDiscussion", Map.of("attendees", text("finalAttendees"),
                "domainChild", "1", "domainFamily", "2", "domainParenting", "1", "domainServices", "0",
                "proposedCategory", "10", "proposedModifiable", "no", "learningPoints", text("learningPoints")));
        runDueJobs();

        // One agency asked for a Form B, which it returns on its page with planted answers.
        String agencyEmail = "privacy-" + tag.toLowerCase() + "@agency.example";
        String silentEmail = "privacy-silent-" + tag.toLowerCase() + "@school.example";
        HttpSession.Response requested = as("spoc").postJson("/api/cases/" + caseId + "/agency-reports",
                "[{\"agency\":\"Health visiting\",\"contactName\":\"" + text("contactName")
                        + "\",\"contactEmail\":\"" + agencyEmail + "\"},{\"agency\":\"School\",\"contactName\":\""
                        + text("silentContactName") + "\",\"contactEmail\":\"" + silentEmail + "\"}]");
        assertThat(requested.status()).as(requested.body()).isBetween(200, 204);
        runDueJobs();
        String token = formBTokenSentTo(agencyEmail);
        HttpSession agency = browser();
        Map<String, String> formB = new HashMap<>();
        formB.put("_csrf", agency.csrfTokenFrom("/form-b/" + token));
        formB.put("reporterName", text("reporterName"));
        formB.put("reporterRole", "Health visitor");
        formB.put("reporterAgency", "Health visiting");
        formB.put("reporterEmail", agencyEmail);
        formB.put("contactWith", "child-and-family");
        formB.put("natureOfContact", text("natureOfContact"));
        for (String area : List.of("knownHealth", "development", "familyAndEnvironment", "parenting", "serviceFactors",
                "concerns")) {
            formB.put(area, "yes");
            formB.put(area + "Details", text(area + "Details"));
        }
        formB.put("additionalInformation", text("additionalInformation"));
        assertThat(agency.postForm("/form-b/" + token, formB).redirectsTo("/form-b/thank-you")).isTrue();
        runDueJobs();

        // A second notifier tells of the same death: a possible duplicate, which the SPOC merges.
        Map<String, Object> again = new LinkedHashMap<>();
        formA.forEach((name, value) -> again.put(name, Map.of("value", value)));
        again.put("notifierName", Map.of("value", text("secondNotifierName")));
        again.put("circumstances", Map.of("value", text("secondCircumstances")));
        HttpSession.Response duplicate = as("spoc").postJson(
                "/engine-rest/process-definition/key/logDeathFromTasklist/submit-form",
                json.writeValueAsString(Map.of("variables", again)));
        assertThat(duplicate.status()).as(duplicate.body()).isEqualTo(200);
        runDueJobs();
        String notificationId = jdbc.sql("select id from notification where notifier_name = ?")
                .param(planted.get("secondNotifierName")).query(String.class).single();
        complete("spoc", notificationId, "Task_ResolvePossibleDuplicate", Map.of("duplicateDecision", "merge"));
        runDueJobs();

        // The school never answers: 21 days on (asked on 5 May, after the final case discussion), the SPOC withdraws its request.
        clockAt(LocalDateTime.of(2015, 5, 27, 10, 0));
        runDueJobs();
        String silentRequest = jdbc.sql("select id from agency_report_request where contact_email = ?")
                .param(silentEmail).query(String.class).single();
        complete("spoc", silentRequest, "Task_FormBOverdue", Map.of("overdueOutcome", "withdraw"));
        runDueJobs();

        // The CDOP defers the case once with a note, then reviews it; the chair ratifies.
        onTheAgendaOf("2015-06-03", caseId);
        complete("panel", reference, "Task_ReviewCase", Map.of("outcome", "deferred", "deferralReason", "more-information",
                "reviewBy", "2015-09-01", "deferralDetail", text("deferralDetail")));
        runDueJobs();
        onTheAgendaOf("2015-07-01", caseId);
        HttpSession.Response formC = as("panel").putJson("/api/cdop/cases/" + caseId + "/form-c", """
                {"version":0,"domainChild":"1","domainFamily":"2","domainParenting":"1","domainServices":"2","category":10,
                 "modifiable":"yes","learningPoints":"%s","scrConsidered":false,"recommendations":[]}"""
                .formatted(text("formCLearningPoints")));
        assertThat(formC.status()).as(formC.body()).isEqualTo(200);
        complete("panel", reference, "Task_ReviewCase", Map.of("outcome", "reviewed"));
        complete("chair", reference, "Task_RatifyReview", Map.of("ratified", "true"));
        runDueJobs();
        assertThat(jdbc.sql("select status from case_file where id = ?").param(caseId).query(String.class).single())
                .isEqualTo("CLOSED");
        // The app kept what people wrote, both notifications of the one case, in its own tables.
        assertThat(jdbc.sql("select count(distinct case_id) || '/' || count(*) from notification where child_first_name = ?")
                .param(planted.get("childFirstName")).query(String.class).single()).isEqualTo("1/2");

        Map<String, List<String>> found = scanEngineTables();
        System.out.printf("EngineKeepsNoPersonalDataTest: %d values planted in %d fields, %d engine columns scanned "
                + "(%d tables) and act_ge_bytearray, found: %d%n", planted.size(), planted.size(),
                columnsScanned, tablesScanned, found.size());
        assertThat(found).as("planted values found in engine tables").isEmpty();
        // Nor the age in days, which beside the date of death (kept for the timers) gives the date of birth.
        long ageInDays = java.time.temporal.ChronoUnit.DAYS.between(java.time.LocalDate.parse(planted.get("dateOfBirth")),
                java.time.LocalDate.parse((String) formA.get("dateOfDeath")));
        for (String table : List.of("act_ru_variable", "act_hi_varinst", "act_hi_detail")) {
            assertThat(jdbc.sql("select count(*) from " + table + " where long_ = ? and proc_inst_id_ in "
                    + "(select id_ from act_hi_procinst where business_key_ = ?)").params(ageInDays, reference)
                    .query(Integer.class).single()).as("the age in days in " + table).isZero();
        }

        historyOfTheOneDayFormAProcessIsRemovedAfterItsTimeToLive(formAProcess);
    }

    /** The Tasklist start of Form A keeps its history one day: the cleanup removes it after that. */
    private void historyOfTheOneDayFormAProcessIsRemovedAfterItsTimeToLive(String processInstanceId) {
        HistoricProcessInstance history = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId).singleResult();
        assertThat(history.getEndTime()).isNotNull();
        assertThat(history.getRemovalTime()).isEqualTo(new Date(history.getEndTime().getTime() + 24L * 3600 * 1000));
        ClockUtil.setCurrentTime(new Date(history.getRemovalTime().getTime() + 3600 * 1000));
        String cleanup = engine.getHistoryService().cleanUpHistoryAsync(true).getId();
        managementService.executeJob(cleanup);
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(processInstanceId)
                .count()).isZero();
    }

    private int columnsScanned;
    private int tablesScanned;

    private Map<String, List<String>> scanEngineTables() {
        // PostgreSQL's regular expressions have no \Q...\E: escape each value as a literal instead.
        String regex = planted.values().stream().distinct()
                .map(v -> v.replaceAll("([\\\\.^$|?*+()\\[\\]{}])", "\\\\$1")).collect(Collectors.joining("|"));
        assertThat(regex).isNotEmpty();
        List<Map<String, Object>> columns = jdbc.sql("""
                select table_name, column_name from information_schema.columns
                where table_schema = current_schema() and (table_name like 'act\\_hi\\_%' or table_name like 'act\\_ru\\_%')
                  and data_type in ('character varying', 'text', 'character')""").query().listOfRows();
        Map<String, List<String>> found = new LinkedHashMap<>();
        java.util.Set<String> tables = new java.util.HashSet<>();
        for (Map<String, Object> column : columns) {
            String table = (String) column.get("table_name");
            String name = (String) column.get("column_name");
            tables.add(table);
            columnsScanned++;
            List<String> hits = jdbc.sql("select " + name + " from " + table + " where " + name + " ~* ?")
                    .param(regex).query(String.class).list();
            if (!hits.isEmpty()) {
                found.put(table + "." + name, hits);
            }
        }
        tablesScanned = tables.size();
        for (String value : planted.values()) {
            List<String> owners = jdbc.sql("select coalesce(name_, id_) from act_ge_bytearray "
                    + "where position(convert_to(?, 'UTF8') in bytes_) > 0").param(value).query(String.class).list();
            if (!owners.isEmpty()) {
                found.put("act_ge_bytearray: " + value, owners);
            }
        }
        assertThat(columnsScanned).as("engine text columns").isGreaterThan(100);
        // The search itself works: the case's reference, which the engine does keep, is found by it.
        String reference = jdbc.sql("select distinct case_reference from case_file c join notification n "
                + "on n.case_id = c.id where n.nhs_number = ?").param(planted.get("nhsNumber")).query(String.class).single();
        assertThat(jdbc.sql("select count(*) from act_hi_procinst where business_key_ ~* ?")
                .param(reference.replaceAll("([\\\\.^$|?*+()\\[\\]{}])", "\\\\$1")).query(Integer.class).single())
                .isPositive();
        return found;
    }

    /** The SPOC sets a routine meeting on that day and assigns the case; then it is that afternoon. */
    private void onTheAgendaOf(String day, UUID caseId) throws Exception {
        HttpSession.Response meeting = as("spoc").postJson("/api/cdop/meetings",
                "{\"sameDayConfirmed\":true,\"heldOn\":\"" + day + "\",\"kind\":\"ROUTINE\",\"place\":\"Civic Centre\"}");
        String meetingId = json.readTree(meeting.body()).get("id").asText();
        assertThat(as("spoc").postJson("/api/cdop/meetings/" + meetingId + "/cases", "{\"caseId\":\"" + caseId + "\"}")
                .status()).isEqualTo(204);
        clockAt(java.time.LocalDate.parse(day).atTime(15, 0));
        runDueJobs();
    }

    /** As Tasklist does it: the task of that process (by its business key) completed through the engine. */
    private void complete(String user, String businessKey, String taskKey, Map<String, String> answers) throws Exception {
        HttpSession engineRest = as(user);
        JsonNode tasks = json.readTree(engineRest.get("/engine-rest/task?processInstanceBusinessKey="
                + URLEncoder.encode(businessKey, StandardCharsets.UTF_8) + "&taskDefinitionKey=" + taskKey).body());
        assertThat(tasks).as(taskKey + " offered to " + user).hasSize(1);
        Map<String, Object> variables = new LinkedHashMap<>();
        answers.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        HttpSession.Response completed = engineRest.postJson("/engine-rest/task/" + tasks.get(0).get("id").asText()
                + "/submit-form", json.writeValueAsString(Map.of("variables", variables)));
        assertThat(completed.status()).as(taskKey + ": " + completed.body()).isIn(200, 204);
    }

    private HttpSession as(String user) {
        return users.computeIfAbsent(user, u -> browser().withBasicAuth(u, DEMO_PASSWORD));
    }
}
