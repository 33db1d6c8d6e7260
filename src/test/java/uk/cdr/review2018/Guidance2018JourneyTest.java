package uk.cdr.review2018;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.cdr.guidance.Edition;
import uk.cdr.guidance.Guidance;
import uk.cdr.notification.FormA;
import uk.cdr.notification.FormAExamples;
import uk.cdr.notification.TestForms;
import uk.cdr.support.HttpSession;
import uk.cdr.support.ProcessTest;

/**
 * Cases under the 2018 guidance on the whole app and PostgreSQL, through the ways in people's tools
 * use (/api, and /engine-rest as Tasklist's forms call it): the deployment switched to 2018 as a
 * restart with cdr.guidance=2018 would, cases opened then running childDeathReview2018 and its stages,
 * the 2013 case opened before the switch going on as it was. Deaths in 2030, so no statistics test
 * counts them open.
 */
class Guidance2018JourneyTest extends ProcessTest {

    /** 2013 names a 2018 case must never show (domain-2018.md, "The stages and their new names"). */
    private static final List<String> NAMES_OF_2013 = List.of("Form A", "Form B", "Form C", "rapid response",
            "final case discussion", "LSCB", "Serious Case Review");

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Guidance guidance;

    @Autowired
    HistoryService historyService;

    @Autowired
    uk.cdr.panel.CdopQueue queue;

    private final Map<String, HttpSession> users = new LinkedHashMap<>();

    @AfterEach
    void backToTheDefault() {
        guidance.switchTo(Edition.WORKING_TOGETHER_2013);
    }

    @Test
    void aSuddenUnexpectedInfantDeathOfALookedAfterChildWithSuspectedNeglect() throws Exception {
        clockAt(LocalDateTime.of(2030, 3, 12, 10, 0));
        String opened2013 = notify(withDeath(TestForms.aNotification(), "2030-03-11", "2029-12-01", "home", "unexpected", "yes"))
                .get("caseReference").asText();
        guidance.switchTo(Edition.STATUTORY_GUIDANCE_2018);

        FormA sudi = withDeath(TestForms.aNotification(), "2030-03-11", "2029-12-01", "home", "unexpected", "yes");
        JsonNode recorded = notify(sudi);
        String reference = recorded.get("caseReference").asText();
        UUID caseId = UUID.fromString(recorded.get("caseId").asText());
        runDueJobs();
        assertThat(caseProcessKey(reference)).isEqualTo("childDeathReview2018");
        UUID case2013 = UUID.fromString(jdbc.sql("select cast(id as varchar(36)) from case_file where case_reference = ?")
                .param(opened2013).query(String.class).single());
        HttpSession.Response no2013Record = as("spoc").get("/api/cases/" + case2013 + "/ncmd-record");
        assertThat(no2013Record.status()).isEqualTo(404);
        assertThat(no2013Record.body()).contains("Working Together 2013");
        assertThat(as("panel").get("/api/cases/" + caseId + "/ncmd-record").status()).isEqualTo(403);
        assertThat(as("doctor").get("/api/cases/" + caseId + "/ncmd-record.csv").status()).isEqualTo(403);
        assertThat(caseProcessKey(opened2013)).as("a case opened before the switch keeps its edition")
                .isEqualTo("childDeathReview");
        assertThat(jdbc.sql("select edition from case_file where case_reference = ?").param(opened2013)
                .query(String.class).single()).isEqualTo("2013");
        assertThat(openTaskKeys(opened2013)).contains("Task_ConfirmExpectedOrUnexpected")
                .doesNotContain("Task_DecideJointAgencyResponse", "Task_NotifyNcmd");

        // Notify NCMD is due 48 hours after the notification.
        JsonNode ncmdTask = onlyTask("spoc", reference, "Task_NotifyNcmd");
        assertThat(OffsetDateTime.parse(ncmdTask.get("due").asText(),
                java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")).toInstant())
                .isEqualTo(at(LocalDateTime.of(2030, 3, 14, 10, 0)).toInstant());

        // The doctor's decision must follow the five criteria: a criterion met means a Joint Agency Response.
        Map<String, String> decision = new LinkedHashMap<>(Map.of("externalCauses", "no", "suddenNoApparentCause", "yes",
                "inCustodyOrDetained", "no", "suspicionNotNatural", "yes", "stillbirthUnattended", "no",
                "jointAgencyResponse", "no", "deathClassification", "unexpected", "abuseOrNeglectSuspected", "yes",
                "lookedAfter", "yes"));
        HttpSession.Response refused = tryComplete("doctor", reference, "Task_DecideJointAgencyResponse", decision);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("jointAgencyResponse").contains("five criteria");
        decision.put("jointAgencyResponse", "yes");
        complete("doctor", reference, "Task_DecideJointAgencyResponse", decision);
        runDueJobs();

        assertThat(openTaskKeys(reference)).contains("Task_AcknowledgeNotification", "Task_NameKeyWorker", "Task_NotifyNcmd",
                "Task_RequestFormBReports", "Task_InitialInformationSharing", "Task_NotifyNationalPanel",
                "Task_NotifySecretaryOfState");
        assertThat(stages(caseId)).contains("JOINT_AGENCY_RESPONSE", "SERIOUS_INCIDENT", "FORM_B", "NCMD_NOTIFICATION",
                "LOOKED_AFTER_NOTIFICATION");

        // Suggested from the doctor's decision (sudden, no apparent cause); the SPOC adds the care pathway form.
        assertThat(json.readTree(as("spoc").get("/api/cases/" + caseId + "/supplementary-forms").body())
                .get("forms").findValuesAsText("code")).containsExactly("sudden-unexpected-death");
        HttpSession.Response unknownForm = as("spoc").putJson("/api/cases/" + caseId + "/supplementary-forms",
                "{\"forms\":[\"sudden-unexpected-death\",\"asthma\"]}");
        assertThat(unknownForm.status()).isEqualTo(400);
        assertThat(unknownForm.body()).contains("\"field\":\"forms\"", "asthma-and-anaphylaxis", "'asthma'");
        assertThat(as("panel").get("/api/cases/" + caseId + "/supplementary-forms").status()).isEqualTo(403);
        HttpSession.Response chosen = as("spoc").putJson("/api/cases/" + caseId + "/supplementary-forms",
                "{\"forms\":[\"care-pathway\",\"sudden-unexpected-death\"]}");
        assertThat(chosen.status()).as(chosen.body()).isEqualTo(200);
        assertThat(json.readTree(chosen.body()).get("forms").findValuesAsText("words"))
                .containsExactly("Care pathway", "Sudden unexpected deaths");

        complete("spoc", reference, "Task_AcknowledgeNotification", Map.of("acknowledged", "true"));
        complete("spoc", reference, "Task_NameKeyWorker", Map.of("keyWorkerName", "Sam Patel",
                "keyWorkerRole", "Specialist nurse, St Elsewhere Hospital", "keyWorkerContact", "020 7946 0101",
                "familiesGuideOffered", "yes"));
        HttpSession.Response early = tryComplete("spoc", reference, "Task_NotifyNcmd",
                Map.of("ncmdNotifiedOn", "2030-03-12", "ncmdNotifiedTime", "09:00"));
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.body()).contains("ncmdNotifiedOn");
        clockAt(LocalDateTime.of(2030, 3, 13, 11, 0));
        complete("spoc", reference, "Task_NotifyNcmd", Map.of("ncmdNotifiedOn", "2030-03-13", "ncmdNotifiedTime", "09:30"));

        // The Joint Agency Response: planning, a joint home visit, its meeting.
        complete("doctor", reference, "Task_InitialInformationSharing", Map.of("participants", "Health: Dr Okafor\nPolice: DS Lee",
                "agreed", "Joint home visit today; post-mortem requested", "homeVisit", "yes", "referredToSocialCare", "yes",
                "conveneMeeting", "yes"));
        complete("doctor", reference, "Task_ScheduleMeeting", Map.of("meetingDate", "2030-03-15", "meetingTime", "10:00",
                "meetingPlace", "Civic Centre", "invitees", "jar-police@police.example"));
        runDueJobs();
        clockAt(LocalDateTime.of(2030, 3, 15, 12, 0));
        runDueJobs();
        complete("doctor", reference, "Task_RecordMeetingOutcome", Map.of("attendees", "Health: Dr Okafor\nPolice: DS Lee",
                "actions", "Share records; Police; 2030-03-22", "scrCriteriaMayBeMet", "yes"));
        runDueJobs();
        assertThat(openTaskKeys(reference)).as("one serious incident, raised by the decision, not again by the meeting")
                .containsOnlyOnce("Task_NotifyNationalPanel");
        assertThat(emailsAbout(reference, "lscb-chair@cdr.example.org", "")).as("no LSCB under the 2018 guidance").isEmpty();

        // Serious incident steps and the looked-after child's notification.
        complete("spoc", reference, "Task_NotifyNationalPanel", Map.of("nationalPanelNotifiedOn", "2030-03-15"));
        complete("spoc", reference, "Task_NotifySecretaryOfState", Map.of("secretaryOfStateNotifiedOn", "2030-03-15"));
        clockAt(LocalDateTime.of(2030, 3, 29, 12, 0));
        complete("spoc", reference, "Task_RapidReview", Map.of("rapidReviewCompletedOn", "2030-03-29",
                "localReviewDecided", "yes"));

        // The Child Death Review Meeting waits for the post-mortem report, and needs a month's notice.
        assertThat(openTaskKeys(reference)).contains("Task_AwaitPostMortemResults");
        clockAt(LocalDateTime.of(2030, 4, 23, 10, 0));
        assertThat(as("spoc").postJson("/api/cases/" + caseId + "/post-mortem",
                "{\"event\":\"final-results\",\"on\":\"2030-04-22\"}").status()).isEqualTo(200);
        Map<String, String> plan = new LinkedHashMap<>(Map.of("convene", "yes", "meetingDate", "2030-05-10",
                "meetingTime", "14:00", "meetingPlace", "Board room", "invitees", "cdrm-gp@nhs.example"));
        HttpSession.Response tooSoon = tryComplete("doctor", reference, "Task_PlanFinalCaseDiscussion", plan);
        assertThat(tooSoon.status()).isEqualTo(400);
        assertThat(tooSoon.body()).contains("meetingDate").contains("23 May 2030").contains("1 month");
        plan.put("meetingDate", "2030-05-28");
        complete("doctor", reference, "Task_PlanFinalCaseDiscussion", plan);
        runDueJobs();
        clockAt(LocalDateTime.of(2030, 5, 28, 16, 0));
        complete("doctor", reference, "Task_RecordFinalCaseDiscussion", Map.of("attendees", "Health: Dr Okafor",
                "domainChild", "1", "domainFamily", "2", "domainParenting", "2", "domainServices", "1",
                "proposedCategory", "1", "proposedModifiable", "yes"));
        complete("spoc", reference, "Task_RequestFormBReports", Map.of("noAgencyInvolved", "true"));
        runDueJobs();

        assertThat(stages(caseId)).containsExactly("READY");
        assertThat(jdbc.sql("""
                select jar_decided, sudden_no_apparent_cause, suspicion_not_natural, external_causes, abuse_or_neglect_suspected,
                       looked_after, key_worker_name, families_guide_offered, ncmd_notified_at, national_panel_notified_on,
                       rapid_review_completed_on, local_review_decided, secretary_of_state_notified_on
                from case_review_2018 where case_id = ?""").param(caseId)
                .query((rs, row) -> List.of(rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3), rs.getBoolean(4),
                        rs.getBoolean(5), rs.getBoolean(6), rs.getString(7), rs.getBoolean(8),
                        rs.getObject(9, OffsetDateTime.class).toInstant(), rs.getObject(10, LocalDate.class),
                        rs.getObject(11, LocalDate.class), rs.getBoolean(12), rs.getObject(13, LocalDate.class))).single())
                .isEqualTo(List.of(true, true, true, false, true, true, "Sam Patel", true,
                        at(LocalDateTime.of(2030, 3, 13, 9, 30)).toInstant(), LocalDate.of(2030, 3, 15),
                        LocalDate.of(2030, 3, 29), true, LocalDate.of(2030, 3, 15)));
        assertThat(jdbc.sql("select death_classification, edition from case_file where id = ?").param(caseId)
                .query((rs, row) -> rs.getString(1) + " " + rs.getString(2)).single()).isEqualTo("unexpected 2018");

        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("cdopCaseReference", reference);
        expected.put("localAuthorityOfResidence", "North Borough");
        expected.put("nhsNumber", sudi.nhsNumber());
        expected.put("nhsNumberAbsentReason", "");
        expected.put("childForenames", sudi.childFirstName());
        expected.put("childSurname", sudi.childLastName());
        expected.put("dateOfBirth", "1 December 2029");
        expected.put("sex", "Male");
        expected.put("ethnicity", "White: British");
        expected.put("postcode", "SW1A 1AA");
        expected.put("dateOfDeath", "11 March 2030");
        expected.put("timeOfDeath", "23:40");
        expected.put("placeOfDeath", "Home");
        expected.put("notifiedToCdop", "12 March 2030 at 10:00");
        expected.put("notifierName", "Dr Ann Smith");
        expected.put("notifierRole", "Paediatric registrar");
        expected.put("notifierOrganisation", "St Elsewhere Hospital");
        expected.put("notifierEmail", "ann.smith@nhs.example");
        expected.put("notifierPhone", "020 7946 0000");
        expected.put("circumstances", "Found unresponsive at home; CPR unsuccessful.");
        expected.put("expectedOrUnexpected", "Unexpected");
        expected.put("jointAgencyResponse", "Yes");
        expected.put("abuseOrNeglectSuspected", "Yes");
        expected.put("lookedAfter", "Yes");
        expected.put("postMortem", "Yes");
        expected.put("coronerInformed", "Yes");
        expected.put("ncmdNotified", "13 March 2030 at 09:30");
        expected.put("reportingFormsRequested", "0");
        expected.put("reportingFormsReturned", "0");
        expected.put("supplementaryForms", "Care pathway; Sudden unexpected deaths");
        expected.put("childDeathReviewMeeting", "28 May 2030");
        expected.put("childDeathReviewMeetingNotHeld", "");
        expected.put("categoryOfDeath", "");
        expected.put("modifiableFactors", "");
        expected.put("cdopReviewCompleted", "");
        assertThat(ncmdRecord(caseId)).containsExactlyEntriesOf(expected);

        // The CDOP reviews it on the analysis form, which completes the record.
        HttpSession.Response meeting = as("spoc").postJson("/api/cdop/meetings",
                "{\"sameDayConfirmed\":true,\"heldOn\":\"2030-06-19\",\"kind\":\"ROUTINE\",\"place\":\"Civic Centre\"}");
        assertThat(meeting.status()).as(meeting.body()).isEqualTo(201);
        String meetingId = json.readTree(meeting.body()).get("id").asText();
        assertThat(as("spoc").postJson("/api/cdop/meetings/" + meetingId + "/cases", "{\"caseId\":\"" + caseId + "\"}")
                .status()).isEqualTo(204);
        HttpSession.Response analysis = as("panel").putJson("/api/cdop/cases/" + caseId + "/form-c", """
                {"version":0,"domainChild":"1","domainFamily":"2","domainParenting":"2","domainServices":"1","category":1,
                 "modifiable":"yes","learningPoints":"Safe sleep advice was not repeated at the health visit.",
                 "scrConsidered":true,"recommendations":[]}""");
        assertThat(analysis.status()).as(analysis.body()).isEqualTo(200);
        clockAt(LocalDateTime.of(2030, 6, 19, 15, 0));
        complete("panel", reference, "Task_ReviewCase", Map.of("outcome", "reviewed"));
        complete("chair", reference, "Task_RatifyReview", Map.of("ratified", "true"));
        runDueJobs();
        expected.put("categoryOfDeath", "1 Deliberately inflicted injury, abuse or neglect");
        expected.put("modifiableFactors", "Yes");
        expected.put("cdopReviewCompleted", "19 June 2030");
        assertThat(ncmdRecord(caseId)).containsExactlyEntriesOf(expected);
        HttpSession.Response csv = as("spoc").get("/api/cases/" + caseId + "/ncmd-record.csv");
        assertThat(csv.status()).isEqualTo(200);
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).startsWith("CDOP case reference,Local authority area of usual residence,NHS number,");
        assertThat(lines[1]).startsWith(reference + ",North Borough," + sudi.nhsNumber() + ",");
        assertThat(jdbc.sql("select status from case_file where id = ?").param(caseId).query(String.class).single())
                .isEqualTo("CLOSED");
        assertNoNameOf2013(reference);
    }

    /** The case's NCMD record as its fields' keys and values, after checking every label is the national form's. */
    private Map<String, String> ncmdRecord(UUID caseId) throws Exception {
        HttpSession.Response response = as("spoc").get("/api/cases/" + caseId + "/ncmd-record");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        Map<String, String> values = new LinkedHashMap<>();
        for (JsonNode field : json.readTree(response.body()).get("fields")) {
            assertThat(field.get("label").asText()).as(field.get("field").asText()).isNotBlank();
            values.put(field.get("field").asText(), field.get("value").asText());
        }
        return values;
    }

    @Test
    void anExpectedHospitalDeathWithoutAnNhsNumberHasAChildDeathReviewMeetingOnly() throws Exception {
        clockAt(LocalDateTime.of(2030, 6, 4, 10, 0));
        guidance.switchTo(Edition.STATUTORY_GUIDANCE_2018);
        FormA form = withDeath(FormAExamples.inArea("Robin", "Testchild2018", "south"), "2030-06-03", "2022-01-15",
                "hospital-ward", "expected", "no");
        form = with(with(form, "nhsNumber", null), "nhsNumberAbsentReason", "visiting from abroad");
        HttpSession.Response refused = as("spoc").postJson("/api/notifications", json.writeValueAsString(form));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("nhsNumberAbsentReason").contains("not-resident-in-england");

        JsonNode recorded = notify(with(form, "nhsNumberAbsentReason", "not-resident-in-england"));
        String reference = recorded.get("caseReference").asText();
        UUID caseId = UUID.fromString(recorded.get("caseId").asText());
        runDueJobs();
        // My work says what each task asks in the case's edition's words.
        Map<String, String> asks = new LinkedHashMap<>();
        for (JsonNode item : json.readTree(as("spoc").get("/api/tasks").body())) {
            if (reference.equals(item.path("caseReference").asText())) {
                asks.put(item.get("taskKey").asText(), item.get("asks").asText());
            }
        }
        assertThat(asks.get("Task_AcknowledgeNotification")).contains("child death notification form")
                .doesNotContain("Form A");
        assertThat(asks.get("Task_NotifyNcmd")).contains("National Child Mortality Database", "48 hours");
        complete("doctor", reference, "Task_DecideJointAgencyResponse", Map.of("externalCauses", "no",
                "suddenNoApparentCause", "no", "inCustodyOrDetained", "no", "suspicionNotNatural", "no",
                "stillbirthUnattended", "no", "jointAgencyResponse", "no", "deathClassification", "expected",
                "abuseOrNeglectSuspected", "no", "lookedAfter", "no"));
        runDueJobs();

        assertThat(openTaskKeys(reference)).contains("Task_PlanFinalCaseDiscussion")
                .doesNotContain("Task_InitialInformationSharing", "Task_NotifyNationalPanel", "Task_NotifySecretaryOfState",
                        "Task_AwaitPostMortemResults");
        assertThat(stages(caseId)).contains("CHILD_DEATH_REVIEW_MEETING").doesNotContain("JOINT_AGENCY_RESPONSE");
        complete("doctor", reference, "Task_PlanFinalCaseDiscussion", Map.of("convene", "yes", "meetingDate", "2030-07-09",
                "meetingTime", "14:00", "meetingPlace", "Ward 4 seminar room", "invitees", "cdrm-ward@nhs.example"));
        runDueJobs();
        clockAt(LocalDateTime.of(2030, 7, 9, 16, 0));
        complete("doctor", reference, "Task_RecordFinalCaseDiscussion", Map.of("attendees", "Health: Dr Okafor",
                "domainChild", "1", "domainFamily", "0", "domainParenting", "0", "domainServices", "0",
                "proposedCategory", "7", "proposedModifiable", "no"));
        runDueJobs();
        assertThat(queue.queued(caseId).orElseThrow().waitingFor()).isEqualTo("Reporting form requests not yet sent");
        complete("spoc", reference, "Task_RequestFormBReports", Map.of("noAgencyInvolved", "true"));
        assertThat(queue.queued(caseId).orElseThrow().waitingFor())
                .isEqualTo("National Child Mortality Database to be notified");
        complete("spoc", reference, "Task_AcknowledgeNotification", Map.of("acknowledged", "true"));
        complete("spoc", reference, "Task_NameKeyWorker", Map.of("keyWorkerName", "Alex Green",
                "keyWorkerRole", "Ward sister", "keyWorkerContact", "alex.green@nhs.example", "familiesGuideOffered", "no"));
        complete("spoc", reference, "Task_NotifyNcmd", Map.of("ncmdNotifiedOn", "2030-06-05", "ncmdNotifiedTime", "15:10"));
        runDueJobs();
        assertThat(queue.queued(caseId).orElseThrow().state()).isEqualTo(uk.cdr.panel.QueueState.READY_FOR_REVIEW);

        assertThat(stages(caseId)).containsExactly("READY");
        assertThat(jdbc.sql("select jar_decided, abuse_or_neglect_suspected, looked_after from case_review_2018 where case_id = ?")
                .param(caseId).query((rs, row) -> List.of(rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3))).single())
                .isEqualTo(List.of(false, false, false));
        Map<String, String> record = ncmdRecord(caseId);
        assertThat(record).containsEntry("nhsNumber", "").containsEntry("nhsNumberAbsentReason", "Child not resident in England")
                .containsEntry("localAuthorityOfResidence", "South Borough").containsEntry("childForenames", "Robin")
                .containsEntry("childSurname", "Testchild2018").containsEntry("dateOfBirth", "15 January 2022")
                .containsEntry("dateOfDeath", "3 June 2030").containsEntry("placeOfDeath", "Hospital ward")
                .containsEntry("expectedOrUnexpected", "Expected").containsEntry("jointAgencyResponse", "No")
                .containsEntry("abuseOrNeglectSuspected", "No").containsEntry("lookedAfter", "No")
                .containsEntry("postMortem", "No").containsEntry("ncmdNotified", "5 June 2030 at 15:10")
                .containsEntry("childDeathReviewMeeting", "9 July 2030").containsEntry("categoryOfDeath", "");
        assertNoNameOf2013(reference);
    }

    @Test
    void aLookedAfterChildsDeathIsNotifiedToTheSecretaryOfStateAndACancelledProcessStartsAgainWhereItsRecordsSay()
            throws Exception {
        clockAt(LocalDateTime.of(2030, 9, 3, 10, 0));
        guidance.switchTo(Edition.STATUTORY_GUIDANCE_2018);
        FormA form = withDeath(FormAExamples.inArea("Casey", "Testchild2018b", "north"), "2030-09-02", "2015-04-20",
                "hospice", "expected", "no");
        JsonNode recorded = notify(form);
        String reference = recorded.get("caseReference").asText();
        UUID caseId = UUID.fromString(recorded.get("caseId").asText());
        runDueJobs();
        complete("doctor", reference, "Task_DecideJointAgencyResponse", Map.of("externalCauses", "no",
                "suddenNoApparentCause", "no", "inCustodyOrDetained", "no", "suspicionNotNatural", "no",
                "stillbirthUnattended", "no", "jointAgencyResponse", "no", "deathClassification", "expected",
                "abuseOrNeglectSuspected", "no", "lookedAfter", "yes"));
        runDueJobs();
        JsonNode secretaryOfState = onlyTask("spoc", reference, "Task_NotifySecretaryOfState");
        assertThat(secretaryOfState.get("due").asText()).startsWith("2030-09-10");
        assertThat(openTaskKeys(reference)).doesNotContain("Task_NotifyNationalPanel", "Task_InitialInformationSharing");
        complete("spoc", reference, "Task_NotifyNcmd", Map.of("ncmdNotifiedOn", "2030-09-03", "ncmdNotifiedTime", "10:00"));

        // Cancelled in Cockpit: the SPOC starts it again, and it asks only what its records do not yet hold.
        String process = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .processDefinitionKey("childDeathReview2018").singleResult().getId();
        engine.getRuntimeService().deleteProcessInstance(process, "cancelled in Cockpit");
        assertThat(openTaskKeys(reference)).isEmpty();
        assertThat(as("spoc").postJson("/api/cases/" + caseId + "/process", "{}").status()).isEqualTo(204);
        assertThat(caseProcessKey(reference)).isEqualTo("childDeathReview2018");
        assertThat(openTaskKeys(reference)).containsExactlyInAnyOrder("Task_NotifySecretaryOfState",
                "Task_PlanFinalCaseDiscussion", "Task_RequestFormBReports");

        clockAt(LocalDateTime.of(2030, 9, 5, 9, 0));
        assertThat(queue.queued(caseId).orElseThrow().waitingFor()).isEqualTo("Reporting form requests not yet sent");
        complete("spoc", reference, "Task_RequestFormBReports", Map.of("noAgencyInvolved", "true"));
        assertThat(queue.queued(caseId).orElseThrow().waitingFor()).isEqualTo("Child Death Review Meeting pending");
        complete("spoc", reference, "Task_NotifySecretaryOfState", Map.of("secretaryOfStateNotifiedOn", "2030-09-04"));
        complete("doctor", reference, "Task_PlanFinalCaseDiscussion", Map.of("convene", "no",
                "notConvenedReason", "other", "notConvenedDetail", "The hospice review meeting took its place"));
        runDueJobs();
        assertThat(stages(caseId)).containsExactly("READY");
        assertThat(ncmdRecord(caseId)).containsEntry("lookedAfter", "Yes").containsEntry("jointAgencyResponse", "No")
                .containsEntry("childDeathReviewMeeting", "").containsEntry("childDeathReviewMeetingNotHeld", "Other")
                .containsEntry("ncmdNotified", "3 September 2030 at 10:00");
        assertThat(jdbc.sql("select secretary_of_state_notified_on from case_review_2018 where case_id = ?").param(caseId)
                .query(LocalDate.class).single()).isEqualTo(LocalDate.of(2030, 9, 4));
        assertNoNameOf2013(reference);
    }

    @Test
    void theImportTakesAnEditionColumnDefaultingToTheGuidanceInForceOnTheDateOfDeath() throws Exception {
        clockAt(LocalDateTime.of(2031, 3, 3, 10, 0));
        String family = "Editionton" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).replaceAll("\\d", "x");
        String header = "child_first_name,child_last_name,date_of_birth,sex,ethnicity,nhs_number,date_of_death,"
                + "place_of_death,area,edition,death_classification,rapid_response,status\n";
        HttpSession.Response refused = as("spoc").post("/api/import/cases", "text/csv", (header + "Ima," + family
                + ",2030-01-01,female,white-british," + TestForms.uniqueNhsNumber() + ",2031-01-05,home,north,2015,"
                + "unexpected,yes,open\n").getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("\"column\":\"edition\"", "2013 (Working Together 2013) or 2018");

        HttpSession.Response imported = as("spoc").post("/api/import/cases", "text/csv", (header
                + "Ima," + family + ",2030-01-01,female,white-british," + TestForms.uniqueNhsNumber()
                + ",2031-01-05,home,north,,unexpected,yes,open\n"
                + "Ura," + family + ",2020-01-01,male,white-british," + TestForms.uniqueNhsNumber()
                + ",2031-02-01,hospice,south,2013,expected,no,open\n").getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        Map<String, String> editions = new LinkedHashMap<>();
        jdbc.sql("select child_first_name, edition, case_reference from case_file where child_last_name = ? order by 1")
                .param(family).query(rs -> {
                    editions.put(rs.getString(1), rs.getString(2) + " " + rs.getString(3));
                });
        assertThat(editions.get("Ima")).startsWith("2018 ");
        assertThat(editions.get("Ura")).startsWith("2013 ");
        String ima = editions.get("Ima").substring(5);
        String ura = editions.get("Ura").substring(5);
        assertThat(caseProcessKey(ima)).isEqualTo("childDeathReview2018");
        assertThat(caseProcessKey(ura)).isEqualTo("childDeathReview");
        assertThat(openTaskKeys(ima)).as("the doctor decided on the JAR: not asked again; the NCMD still to notify")
                .contains("Task_NotifyNcmd", "Task_RequestFormBReports").doesNotContain("Task_DecideJointAgencyResponse");
        assertThat(openTaskKeys(ura)).contains("Task_RequestFormBReports").doesNotContain("Task_NotifyNcmd");
    }

    private void assertNoNameOf2013(String reference) {
        List<String> names = historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKey(reference).list()
                .stream().map(HistoricTaskInstance::getName).toList();
        assertThat(names).isNotEmpty();
        for (String old : NAMES_OF_2013) {
            assertThat(names).as("task names of a 2018 case").noneMatch(n -> n.toLowerCase().contains(old.toLowerCase()));
        }
    }

    private static FormA withDeath(FormA form, String died, String born, String place, String expected, String postMortem) {
        FormA f = FormAExamples.withDates(form, LocalDate.parse(born), LocalDate.parse(died));
        f = with(f, "placeOfDeath", place);
        f = with(f, "notifiedExpected", expected);
        return with(f, "postMortemRequired", postMortem);
    }

    private static FormA with(FormA f, String field, String value) {
        return uk.cdr.notification.FormAExamples.with(f, field, value);
    }

    private JsonNode notify(FormA form) throws Exception {
        HttpSession.Response saved = as("spoc").postJson("/api/notifications", json.writeValueAsString(form));
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        return json.readTree(saved.body());
    }

    private String caseProcessKey(String reference) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .processDefinitionKeyIn(Edition.processKeys()).singleResult().getProcessDefinitionId().split(":")[0];
    }

    private List<String> openTaskKeys(String reference) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(reference).list().stream()
                .map(t -> t.getTaskDefinitionKey()).toList();
    }

    private List<String> stages(UUID caseId) {
        return jdbc.sql("select stage from case_stage where case_id = ? order by stage").param(caseId).query(String.class).list();
    }

    private JsonNode onlyTask(String user, String reference, String taskKey) throws Exception {
        JsonNode tasks = json.readTree(as(user).get("/engine-rest/task?processInstanceBusinessKey="
                + URLEncoder.encode(reference, StandardCharsets.UTF_8) + "&taskDefinitionKey=" + taskKey).body());
        assertThat(tasks).as(taskKey + " offered to " + user).hasSize(1);
        return tasks.get(0);
    }

    private HttpSession.Response tryComplete(String user, String reference, String taskKey, Map<String, String> answers)
            throws Exception {
        JsonNode task = onlyTask(user, reference, taskKey);
        Map<String, Object> variables = new LinkedHashMap<>();
        answers.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        return as(user).postJson("/engine-rest/task/" + task.get("id").asText() + "/complete",
                json.writeValueAsString(Map.of("variables", variables)));
    }

    private void complete(String user, String reference, String taskKey, Map<String, String> answers) throws Exception {
        HttpSession.Response completed = tryComplete(user, reference, taskKey, answers);
        assertThat(completed.status()).as(taskKey + ": " + completed.body()).isEqualTo(204);
    }

    private HttpSession as(String user) {
        return users.computeIfAbsent(user, u -> browser().withBasicAuth(u, DEMO_PASSWORD));
    }
}
