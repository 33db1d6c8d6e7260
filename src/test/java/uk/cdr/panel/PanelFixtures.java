package uk.cdr.panel;


import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;

import uk.cdr.notification.FormA;
import uk.cdr.notification.Notifications;

/** Cases on their way to the CDOP, for the panel's tests: what the earlier stages would have done. */
public final class PanelFixtures {

    private PanelFixtures() {
    }

    /** An expected death with no agency involved: ready for review once the doctor has decided. Run due jobs after. */
    public static Notifications.Recorded readyCase(ProcessEngine engine, Notifications notifications, FormA form, Runnable runDueJobs) {
        Notifications.Recorded recorded = notifications.record(form, "spoc");
        runDueJobs.run();
        as(engine, "doctor", "designated-doctor", () -> engine.getTaskService().complete(
                task(engine, recorded, "Task_ConfirmExpectedOrUnexpected"), Map.of("deathClassification", "expected")));
        as(engine, "spoc", "spoc", () -> engine.getTaskService().complete(
                task(engine, recorded, "Task_RequestFormBReports"), Map.of("noAgencyInvolved", true)));
        runDueJobs.run();
        return recorded;
    }

    /** The case's open task of that step, in whichever of the case's processes it is. */
    static String task(ProcessEngine engine, Notifications.Recorded recorded, String taskKey) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(recorded.caseReference())
                .taskDefinitionKey(taskKey).singleResult().getId();
    }

    /**
     * A school's or a practice's Form B: who wrote it, what contact it had and what it knew of the
     * child's health (details may be null); nothing known of the rest.
     */
    static Map<String, String> formB(String reporter, String role, String agency, String email, String natureOfContact,
            String knownHealth, String knownHealthDetails) {
        Map<String, String> answers = new java.util.HashMap<>();
        answers.put("reporterName", reporter);
        answers.put("reporterRole", role);
        answers.put("reporterAgency", agency);
        answers.put("reporterEmail", email);
        answers.put("contactWith", "child-and-family");
        answers.put("natureOfContact", natureOfContact);
        answers.put("knownHealth", knownHealth);
        if (knownHealthDetails != null) {
            answers.put("knownHealthDetails", knownHealthDetails);
        }
        answers.put("development", "no");
        answers.put("familyAndEnvironment", "not-known");
        answers.put("parenting", "no");
        answers.put("serviceFactors", "not-known");
        answers.put("concerns", "no");
        return answers;
    }

    /** As the person on our pages: the app has checked the role and acts for itself in the engine. */
    static void as(ProcessEngine engine, String user, String group, Runnable work) {
        engine.getIdentityService().setAuthentication(user, List.of(group));
        try {
            uk.cdr.support.ProcessTest.servedByTheApp(work);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    /** A routine meeting with the case assigned to it, as the SPOC would set it. */
    public static UUID meetingWith(PanelMeetings meetings, LocalDate heldOn, UUID... caseIds) {
        UUID meetingId = meetings.create(heldOn, "ROUTINE", "Town Hall, room 4", "spoc", true).id();
        for (UUID caseId : caseIds) {
            meetings.assign(meetingId, caseId, "spoc");
        }
        return meetingId;
    }

    /** A complete Form C body for PUT /api/cdop/cases/{id}/form-c. */
    static String formCJson(int version, String category, String modifiable) {
        return """
                {"version":%d,"domainChild":"2","domainFamily":"1*","domainParenting":"1","domainServices":"0",
                 "category":%s,"modifiable":%s,"learningPoints":"Safe sleep advice was not repeated at discharge.",
                 "scrConsidered":false,
                 "recommendations":[{"ownerAgency":"Health visiting","text":"Repeat safe sleep advice at every visit"}]}"""
                .formatted(version, category, modifiable == null ? "null" : "\"" + modifiable + "\"");
    }

    static String formC(Notifications.Recorded c) {
        return "/api/cdop/cases/" + c.caseId() + "/form-c";
    }

    static String outcome(Notifications.Recorded c) {
        return "/api/cdop/cases/" + c.caseId() + "/outcome";
    }

    static String ratification(Notifications.Recorded c) {
        return "/api/cdop/cases/" + c.caseId() + "/ratification";
    }

    /** The case as the queue API shows it to the panel; null when it is not in the queue. */
    static com.fasterxml.jackson.databind.JsonNode queued(uk.cdr.support.HttpSession panel, Notifications.Recorded c)
            throws Exception {
        for (com.fasterxml.jackson.databind.JsonNode q : uk.cdr.support.QueuePages.all(panel, "")) {
            if (q.get("caseId").asText().equals(c.caseId().toString())) {
                return q;
            }
        }
        return null;
    }
}
