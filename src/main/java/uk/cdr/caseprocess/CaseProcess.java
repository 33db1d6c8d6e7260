package uk.cdr.caseprocess;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstantiationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.cdr.audit.AuditAction;
import uk.cdr.audit.AuditLog;
import uk.cdr.guidance.Edition;

/**
 * A case's own process, bpmn/child-death-review.bpmn (business key: the case reference), which
 * starts every stage of the case itself. The app starts it when a case is opened, at its CDOP
 * stage when a closed case is reopened, and where its data says it is when a case is imported; it
 * tells it what people decided through its messages, and only when it is waiting for them.
 */
@Service
public class CaseProcess {

    /** The 2013 edition's case process; a 2018 case runs childDeathReview2018 ({@link Edition#processKey()}). */
    public static final String PROCESS_KEY = "childDeathReview";
    public static final String FORM_B_REQUESTED = "FormBRequested";
    public static final String LATE_FORM_B_REQUESTED = "LateFormBRequested";
    public static final String PROCEED_WITHOUT_FORM_BS = "ProceedWithoutFormBs";
    public static final String ASSIGNED_TO_MEETING = "CaseAssignedToMeeting";
    public static final String POSSIBLE_DUPLICATE_NOTIFIED = "PossibleDuplicateNotified";
    /** The one variable a message for another agency carries: the new request, which keys its process. */
    /** Where a reopened case, or an imported one ready for review, starts: the CDOP queue. */
    public static final String READY_FOR_CDOP = "Receive_AssignedToMeeting";
    public static final String ADDED_FORM_B_REQUEST_ID = "addedFormBRequestId";
    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final RuntimeService runtimeService;
    private final JdbcClient jdbc;
    private final AuditLog auditLog;

    CaseProcess(RuntimeService runtimeService, JdbcClient jdbc, AuditLog auditLog) {
        this.runtimeService = runtimeService;
        this.jdbc = jdbc;
        this.auditLog = auditLog;
    }

    /** Where an instance starts when it does not start at the beginning: before activities, or on flows. */
    public record StartPoint(String activityId, boolean transition) {

        public static StartPoint before(String activityId) {
            return new StartPoint(activityId, false);
        }

        public static StartPoint on(String sequenceFlowId) {
            return new StartPoint(sequenceFlowId, true);
        }
    }

    /** A new case: its process from the start. */
    public String start(UUID caseId) {
        Opened c = opened(caseId);
        String id = runtimeService.startProcessInstanceByKey(c.edition().processKey(), c.reference(), c.variables(false))
                .getId();
        jdbc.sql("update case_file set process_instance_id = ? where id = ?").params(id, caseId).update();
        return id;
    }

    /**
     * A case whose earlier steps happened elsewhere (an import) or before (a reopening): its process
     * starts at those points, through the engine's process instance modification, so every listener
     * and timer of the stages it enters is set up as if the case had walked there.
     */
    public String startAt(UUID caseId, boolean reopened, List<StartPoint> points) {
        Opened c = opened(caseId);
        ProcessInstantiationBuilder builder = runtimeService.createProcessInstanceByKey(c.edition().processKey())
                .businessKey(c.reference()).setVariables(c.variables(reopened));
        for (StartPoint point : points) {
            builder = point.transition() ? builder.startTransition(point.activityId())
                    : builder.startBeforeActivity(point.activityId());
        }
        String id = builder.execute().getId();
        jdbc.sql("update case_file set process_instance_id = ? where id = ?").params(id, caseId).update();
        return id;
    }

    /**
     * A case without a running process, whose records say how far it got (an import, or a process
     * cancelled in Cockpit): its process starts at the stages those records imply, so no open case is
     * without a next step. Classification and Form Bs are separate branches of the model; each starts
     * where it stands, and both done means the CDOP queue.
     */
    public String startWhereRecordsSay(UUID caseId) {
        String edition = jdbc.sql("select edition from case_file where id = ?").param(caseId).query(String.class).single();
        if (Edition.ofRecord(edition) == Edition.STATUTORY_GUIDANCE_2018) {
            return startAt(caseId, false, progress2018(caseId).startPoints());
        }
        Progress p = jdbc.sql("""
                select c.death_classification, c.form_b_proceed_reason, c.final_case_discussion_done_at, c.status,
                       (select count(*) from agency_report_request r where r.case_id = c.id and r.status <> 'WITHDRAWN'),
                       (select count(*) from agency_report_request r where r.case_id = c.id and r.status = 'RETURNED'),
                       (select count(*) from rapid_response rr where rr.case_id = c.id)
                from case_file c where c.id = ?""")
                .param(caseId)
                .query((rs, row) -> new Progress(rs.getString(1), rs.getString(2) != null
                        || (rs.getInt(5) > 0 && rs.getInt(5) == rs.getInt(6)), rs.getInt(7) > 0,
                        rs.getObject(3) != null, "REOPENED".equals(rs.getString(4))))
                .single();
        return startAt(caseId, p.reopened(), p.startPoints());
    }

    private record Progress(String classification, boolean formBsIn, boolean rapidResponse, boolean discussionDone,
            boolean reopened) {

        List<StartPoint> startPoints() {
            boolean discussionPending = "unexpected".equals(classification) && rapidResponse && !discussionDone;
            boolean classified = classification != null && !discussionPending;
            if (reopened || (classified && formBsIn)) {
                return List.of(StartPoint.before(READY_FOR_CDOP));
            }
            StartPoint classificationBranch = classification == null ? StartPoint.before("Call_Notification")
                    : discussionPending ? StartPoint.before("Call_FinalCaseDiscussion")
                    : StartPoint.on("Flow_ClassifiedToReady");
            StartPoint formBBranch = formBsIn ? StartPoint.on("Flow_FormBsToReady")
                    : StartPoint.before("Task_RequestFormBReports");
            return List.of(classificationBranch, formBBranch);
        }
    }

    /** How far a 2018 case got, from its records: each branch of childDeathReview2018 starts where it stands. */
    private Progress2018 progress2018(UUID caseId) {
        return jdbc.sql("""
                select c.status, r.jar_decided, r.abuse_or_neglect_suspected, r.looked_after, r.ncmd_notified_at,
                       r.rapid_review_completed_on, r.secretary_of_state_notified_on, c.final_case_discussion_done_at,
                       (select count(*) from final_case_discussion f where f.case_id = c.id), c.form_b_proceed_reason,
                       (select count(*) from agency_report_request q where q.case_id = c.id and q.status <> 'WITHDRAWN'),
                       (select count(*) from agency_report_request q where q.case_id = c.id and q.status = 'RETURNED')
                from case_file c left join case_review_2018 r on r.case_id = c.id where c.id = ?""")
                .param(caseId)
                .query((rs, row) -> new Progress2018("REOPENED".equals(rs.getString(1)), (Boolean) rs.getObject(2),
                        Boolean.TRUE.equals(rs.getObject(3)), Boolean.TRUE.equals(rs.getObject(4)), rs.getObject(5) != null,
                        rs.getObject(6) != null, rs.getObject(7) != null, rs.getObject(8) != null, rs.getInt(9) > 0,
                        rs.getString(10) != null || (rs.getInt(11) > 0 && rs.getInt(11) == rs.getInt(12))))
                .single();
    }

    private record Progress2018(boolean reopened, Boolean jointAgencyResponse, boolean seriousIncident, boolean lookedAfter,
            boolean ncmdNotified, boolean rapidReviewDone, boolean secretaryOfStateNotified, boolean meetingDone,
            boolean meetingStarted, boolean reportingFormsIn) {

        List<StartPoint> startPoints() {
            if (reopened) {
                return List.of(StartPoint.before(READY_FOR_CDOP));
            }
            List<StartPoint> points = new java.util.ArrayList<>();
            if (jointAgencyResponse == null) {
                points.add(StartPoint.before("Call_Notification"));
            } else {
                boolean meetingBranchDone = meetingDone;
                boolean seriousIncidentDone = !seriousIncident || rapidReviewDone;
                boolean lookedAfterDone = !lookedAfter || secretaryOfStateNotified;
                if (meetingBranchDone && seriousIncidentDone && lookedAfterDone) {
                    points.add(StartPoint.on("Flow_ClassifiedToReady"));
                } else {
                    points.add(meetingBranchDone ? StartPoint.on("Flow_MeetingToJoinDecided")
                            : jointAgencyResponse && !meetingStarted ? StartPoint.before("Call_JointAgencyResponse")
                            : StartPoint.before("Call_ChildDeathReviewMeeting"));
                    points.add(seriousIncidentDone ? StartPoint.on("Flow_SeriousIncidentToJoinDecided")
                            : StartPoint.before("Call_SeriousIncident"));
                    points.add(lookedAfterDone ? StartPoint.on("Flow_LookedAfterToJoinDecided")
                            : StartPoint.before("Task_NotifySecretaryOfState"));
                }
            }
            points.add(reportingFormsIn ? StartPoint.on("Flow_FormBsToReady") : StartPoint.before("Task_RequestFormBReports"));
            points.add(ncmdNotified ? StartPoint.on("Flow_NcmdToReady") : StartPoint.before("Task_NotifyNcmd"));
            boolean allIn = points.stream().allMatch(StartPoint::transition) && jointAgencyResponse != null;
            return allIn ? List.of(StartPoint.before(READY_FOR_CDOP)) : points;
        }
    }

    /**
     * The SPOC restarts an open case that no step runs for (its process was cancelled in Cockpit):
     * where its records say. Refused for a closed case, or one whose process runs.
     */
    @Transactional
    public void restart(UUID caseId, String by) {
        record Found(String reference, String status) {
        }
        Found c = jdbc.sql("select case_reference, status from case_file where id = ? for update").param(caseId)
                .query((rs, row) -> new Found(rs.getString(1), rs.getString(2))).optional()
                .orElseThrow(() -> new IllegalArgumentException("No case " + caseId));
        if ("CLOSED".equals(c.status())) {
            throw new NotStopped("Case " + c.reference() + " is closed: reopen it with the new information instead.");
        }
        if (running(c.reference()).isPresent()) {
            throw new NotStopped("Case " + c.reference() + " is not stopped: its process is running.");
        }
        startAgain(caseId, c.reference());
        auditLog.record(by, AuditAction.CASE_CHANGED, c.reference(), "process restarted where its records say");
    }

    /**
     * An open case without its running process gets one where its records say; stages of it still
     * running outside a case process (from an earlier version) end first, or they would ask twice.
     */
    void startAgain(UUID caseId, String reference) {
        endStagesStartedOnTheirOwn(caseId, reference);
        startWhereRecordsSay(caseId);
    }

    /**
     * Stages of the case still running outside its process: started on their own by a version of
     * the app from before the case had one. Its process starts them again where the records say, so
     * these would ask the same people twice.
     */
    private void endStagesStartedOnTheirOwn(UUID caseId, String reference) {
        List<String> keys = new java.util.ArrayList<>(jdbc.sql("select cast(id as varchar(36)) from agency_report_request where case_id = ?")
                .param(caseId).query(String.class).list());
        keys.add(reference);
        for (String key : keys) {
            for (ProcessInstance stage : runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key).list()) {
                boolean onItsOwn = runtimeService.createProcessInstanceQuery().subProcessInstanceId(stage.getId()).count() == 0;
                boolean caseProcess = java.util.Arrays.stream(Edition.processKeys())
                        .anyMatch(caseKey -> stage.getProcessDefinitionId().startsWith(caseKey + ":"));
                if (onItsOwn && !caseProcess) {
                    runtimeService.deleteProcessInstance(stage.getId(), "replaced by the case's process");
                }
            }
        }
    }

    /** The case is not stopped: closed, or its process runs. */
    public static class NotStopped extends RuntimeException {
        NotStopped(String message) {
            super(message);
        }
    }

    /**
     * Another notification matches this open case: its process calls the SPOC's decision to merge it
     * or open a case of its own. A stopped case's process is started again first, so the new
     * notification is never left without its step.
     */
    public void tellOfPossibleDuplicate(UUID caseId, String caseReference, UUID notificationId, String matchedOn,
            Date notifiedAt) {
        if (running(caseReference).isEmpty()) {
            startAgain(caseId, caseReference);
        }
        tell(caseReference, POSSIBLE_DUPLICATE_NOTIFIED, Map.of("duplicateNotificationId", notificationId.toString(),
                "duplicateMatchedOn", matchedOn, "duplicateNotifiedAt", notifiedAt));
    }

    /** The case's running process, if it is running. */
    public Optional<ProcessInstance> running(String caseReference) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKeyIn(Edition.processKeys())
                .processInstanceBusinessKey(caseReference).active().list().stream().findFirst();
    }

    /** Whether the case's process is waiting for this message now. */
    public boolean waitsFor(String caseReference, String message) {
        return running(caseReference).map(p -> runtimeService.createEventSubscriptionQuery().eventType("message")
                .eventName(message).processInstanceId(p.getId()).count() > 0).orElse(false);
    }

    /**
     * Tells the case's process, which must be waiting for the message: ask {@link #waitsFor} first,
     * so that a refusal is the caller's answer, not an engine error in the middle of a transaction.
     */
    public void tell(String caseReference, String message, Map<String, Object> variables) {
        ProcessInstance process = running(caseReference)
                .orElseThrow(() -> new IllegalStateException("Case " + caseReference + " has no running process"));
        runtimeService.createMessageCorrelation(message).processInstanceId(process.getId()).setVariables(variables)
                .correlate();
    }

    private record Opened(UUID id, String reference, Edition edition, Map<String, Object> base) {

        Map<String, Object> variables(boolean reopened) {
            Map<String, Object> variables = new HashMap<>(base);
            variables.put("reopened", reopened);
            return variables;
        }
    }

    /** What the models' expressions read: due dates and timers, and what Cockpit and task forms show. */
    private Opened opened(UUID caseId) {
        Opened opened = jdbc.sql("""
                select case_reference, notified_at, out_of_hours, notified_expected, place_of_death, neonatal,
                       date_of_death, edition from case_file where id = ?""")
                .param(caseId)
                .query((rs, row) -> {
                    Map<String, Object> v = new HashMap<>();
                    v.put("caseId", caseId.toString());
                    v.put("caseReference", rs.getString(1));
                    v.put("notifiedAt", Date.from(rs.getObject(2, OffsetDateTime.class).toInstant()));
                    v.put("outOfHours", rs.getBoolean(3));
                    v.put("notifiedExpected", rs.getString(4));
                    v.put("placeOfDeath", rs.getString(5));
                    v.put("neonatal", rs.getBoolean(6));
                    v.put("dateOfDeath", Date.from(rs.getObject(7, LocalDate.class).atStartOfDay(UK).toInstant()));
                    Edition edition = Edition.ofRecord(rs.getString(8));
                    v.put("edition", edition.code());
                    return new Opened(caseId, rs.getString(1), edition, v);
                })
                .optional().orElseThrow(() -> new IllegalArgumentException("No case " + caseId));
        decided2018(caseId, opened.base());
        return opened;
    }

    /**
     * A 2018 case started part way (a restart, an import) carries the Designated Doctor's decision as
     * the notification stage would have handed it on, so no gateway after it asks again or starts a
     * second serious incident.
     */
    private void decided2018(UUID caseId, Map<String, Object> variables) {
        jdbc.sql("select jar_decided, abuse_or_neglect_suspected, looked_after from case_review_2018 where case_id = ?")
                .param(caseId)
                .query((rs, row) -> {
                    putYesNo(variables, "jointAgencyResponse", rs.getObject(1));
                    putYesNo(variables, "abuseOrNeglectSuspected", rs.getObject(2));
                    putYesNo(variables, "lookedAfter", rs.getObject(3));
                    return true;
                })
                .optional();
    }

    private static void putYesNo(Map<String, Object> variables, String name, Object value) {
        if (value instanceof Boolean yes) {
            variables.put(name, yes ? "yes" : "no");
        }
    }
}
