package uk.cdr.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import uk.cdr.caseprocess.CaseProcess;
import uk.cdr.caseprocess.CaseStage;
import uk.cdr.caseprocess.CaseStages;
import uk.cdr.notification.Notifications;
import uk.cdr.notification.TestForms;
import uk.cdr.support.HttpSession;
import uk.cdr.support.ProcessTest;

/**
 * The one record of where each case is (case_stage, which the queue reads) against the engine's
 * own runtime, worked out independently from the activity instances of each case's process and of
 * the stages it called: they must agree for every case of the test data, in every stage.
 */
class CaseStagesAgreeWithTheEngineTest extends ProcessTest {

    @Autowired
    Notifications notifications;

    @Autowired
    PanelMeetings meetings;

    @Autowired
    CaseStages caseStages;

    @Autowired
    CdopQueue queue;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyCaseIsWhereItsProcessIs() {
        clockAt(LocalDateTime.of(2015, 3, 10, 10, 0));
        Notifications.Recorded justNotified = notifications.record(TestForms.aNotification(), "spoc");
        Notifications.Recorded unexpected = notifications.record(TestForms.aNotification(), "spoc");
        runDueJobs();
        PanelFixtures.as(engine, "doctor", "designated-doctor", () -> engine.getTaskService().complete(
                PanelFixtures.task(engine, unexpected, "Task_ConfirmExpectedOrUnexpected"),
                Map.of("deathClassification", "unexpected")));
        runDueJobs();
        Notifications.Recorded ready = ready();
        Notifications.Recorded assigned = ready();
        Notifications.Recorded ratifying = ready();
        Notifications.Recorded deferred = ready();
        Notifications.Recorded closed = ready();
        PanelFixtures.meetingWith(meetings, LocalDate.of(2015, 4, 22), assigned.caseId(), ratifying.caseId(),
                deferred.caseId(), closed.caseId());
        HttpSession panel = browser().withBasicAuth("panel", DEMO_PASSWORD);
        HttpSession chair = browser().withBasicAuth("chair", DEMO_PASSWORD);
        for (Notifications.Recorded reviewed : List.of(ratifying, closed)) {
            assertThat(panel.putJson(cases(reviewed) + "/form-c", PanelFixtures.formCJson(0, "5", "no")).status()).isEqualTo(200);
        }
        clockAt(LocalDateTime.of(2015, 4, 22, 15, 0));
        assertThat(panel.postJson(cases(ratifying) + "/outcome", "{\"outcome\":\"reviewed\"}").status()).isEqualTo(204);
        assertThat(panel.postJson(cases(closed) + "/outcome", "{\"outcome\":\"reviewed\"}").status()).isEqualTo(204);
        assertThat(panel.postJson(cases(deferred) + "/outcome",
                "{\"outcome\":\"deferred\",\"deferralReason\":\"awaiting-inquest\",\"reviewBy\":\"2015-09-30\"}").status())
                .isEqualTo(204);
        assertThat(chair.postJson(cases(closed) + "/ratification", "{}").status()).isEqualTo(204);
        runDueJobs();

        assertThat(caseStages.of(justNotified.caseId())).containsExactlyInAnyOrder(CaseStage.CLASSIFICATION, CaseStage.FORM_B);
        assertThat(caseStages.of(unexpected.caseId())).containsExactlyInAnyOrder(CaseStage.RAPID_RESPONSE, CaseStage.FORM_B);
        assertThat(caseStages.of(ready.caseId())).containsExactly(CaseStage.READY);
        assertThat(caseStages.of(assigned.caseId())).containsExactly(CaseStage.REVIEW);
        assertThat(caseStages.of(ratifying.caseId())).containsExactlyInAnyOrder(CaseStage.REVIEW, CaseStage.RATIFICATION);
        assertThat(caseStages.of(deferred.caseId())).containsExactly(CaseStage.DEFERRED);
        assertThat(caseStages.of(closed.caseId())).isEmpty();
        assertThat(queue.queued(ratifying.caseId()).orElseThrow().state()).isEqualTo(QueueState.AWAITING_RATIFICATION);
        assertThat(queue.queued(closed.caseId())).isEmpty();

        List<String> disagreements = new ArrayList<>();
        List<UUID> everyCase = jdbc.sql("select id from case_file").query(UUID.class).list();
        for (UUID caseId : everyCase) {
            String reference = jdbc.sql("select case_reference from case_file where id = ?").param(caseId)
                    .query(String.class).single();
            Set<CaseStage> fromEngine = stagesInTheEngine(reference);
            Set<CaseStage> recorded = caseStages.of(caseId);
            if (!fromEngine.equals(recorded)) {
                disagreements.add(reference + ": engine " + fromEngine + ", case_stage " + recorded);
            }
        }
        assertThat(everyCase).hasSizeGreaterThanOrEqualTo(7);
        assertThat(disagreements).isEmpty();
    }

    /** Where the engine says the case is: its running process's activities, and those of the stages it called. */
    private Set<CaseStage> stagesInTheEngine(String reference) {
        Set<CaseStage> stages = EnumSet.noneOf(CaseStage.class);
        for (ProcessInstance p : runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).list()) {
            Set<String> active = activities(runtimeService.getActivityInstance(p.getId()));
            // The definition's key, not its id's prefix: an id longer than the engine allows is a bare UUID.
            switch (engine.getRepositoryService().getProcessDefinition(p.getProcessDefinitionId()).getKey()) {
                case CaseProcess.PROCESS_KEY -> {
                    put(stages, active, "Sub_AgencyReports", CaseStage.FORM_B);
                    put(stages, active, "Call_RapidResponse", CaseStage.RAPID_RESPONSE);
                    put(stages, active, "Call_FinalCaseDiscussion", CaseStage.FINAL_CASE_DISCUSSION);
                    put(stages, active, CaseProcess.READY_FOR_CDOP, CaseStage.READY);
                    put(stages, active, "Receive_AssignedAgain", CaseStage.DEFERRED);
                    put(stages, active, "Call_CdopReview", CaseStage.REVIEW);
                }
                case "childDeathReview2018" -> {
                    put(stages, active, "Sub_AgencyReports", CaseStage.FORM_B);
                    put(stages, active, "Call_JointAgencyResponse", CaseStage.JOINT_AGENCY_RESPONSE);
                    put(stages, active, "Call_ChildDeathReviewMeeting", CaseStage.CHILD_DEATH_REVIEW_MEETING);
                    put(stages, active, "Call_SeriousIncident", CaseStage.SERIOUS_INCIDENT);
                    put(stages, active, "Task_NotifyNcmd", CaseStage.NCMD_NOTIFICATION);
                    put(stages, active, "Task_NotifySecretaryOfState", CaseStage.LOOKED_AFTER_NOTIFICATION);
                    put(stages, active, CaseProcess.READY_FOR_CDOP, CaseStage.READY);
                    put(stages, active, "Receive_AssignedAgain", CaseStage.DEFERRED);
                    put(stages, active, "Call_CdopReview", CaseStage.REVIEW);
                }
                case "childDeathNotification2018" -> {
                    put(stages, active, "Task_DecideJointAgencyResponse", CaseStage.CLASSIFICATION);
                    put(stages, active, "Record_JointAgencyResponseDecision", CaseStage.CLASSIFICATION);
                }
                case "jointAgencyResponse" -> put(stages, active, "Call_SeriousIncident", CaseStage.SERIOUS_INCIDENT);
                case "cdopReview2018" -> put(stages, active, "Task_RatifyReview", CaseStage.RATIFICATION);
                case "childDeathNotification" -> {
                    put(stages, active, "Task_ConfirmExpectedOrUnexpected", CaseStage.CLASSIFICATION);
                    put(stages, active, "Record_DeathClassification", CaseStage.CLASSIFICATION);
                }
                case "cdopReview" -> put(stages, active, "Task_RatifyReview", CaseStage.RATIFICATION);
                default -> {
                    // the case's other processes hold no stage of their own
                }
            }
        }
        return stages;
    }

    private static void put(Set<CaseStage> stages, Set<String> active, String activityId, CaseStage stage) {
        if (active.contains(activityId)) {
            stages.add(stage);
        }
    }

    private static Set<String> activities(ActivityInstance instance) {
        Set<String> ids = new java.util.HashSet<>();
        ids.add(instance.getActivityId());
        for (var transition : instance.getChildTransitionInstances()) {
            ids.add(transition.getActivityId());
        }
        for (ActivityInstance child : instance.getChildActivityInstances()) {
            ids.addAll(activities(child));
        }
        return ids;
    }

    private Notifications.Recorded ready() {
        return PanelFixtures.readyCase(engine, notifications, TestForms.aNotification(), this::runDueJobs);
    }


    private static String cases(Notifications.Recorded c) {
        return "/api/cdop/cases/" + c.caseId();
    }
}
