package uk.cdr.casediscussion;

import static uk.cdr.casediscussion.FinalCaseDiscussionVariables.*;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import uk.cdr.config.FormAnswers;
import uk.cdr.config.CaseVariables;
import uk.cdr.config.WhoIsCompleting;
import uk.cdr.rapidresponse.InvalidAnswers;
import uk.cdr.rapidresponse.MeetingKind;
import uk.cdr.rapidresponse.InvalidAnswers.FieldError;
import uk.cdr.rapidresponse.RapidResponseEmails;
import uk.cdr.rapidresponse.RapidResponses;

/**
 * The final case discussion's BPMN steps by the bean names the models use. Task listeners check the
 * doctor's answers on completion and keep the text in the app's tables, not in the engine.
 */
@Configuration(proxyBeanMethods = false)
class FinalCaseDiscussionSteps {

    static final List<String> PLAN_TEXT = List.of("meetingDate", "meetingTime", "meetingPlace", "invitees",
            "notConvenedReason", "notConvenedDetail");
    static final List<String> OUTCOME_TEXT = List.of("attendees", "learningPoints");

    /** Called by the rapid response when it ends: every case with a rapid response gets one. */
    @Bean
    JavaDelegate startFinalCaseDiscussion(FinalCaseDiscussions discussions) {
        return execution -> discussions.start(CaseVariables.caseId(execution), CaseVariables.caseReference(execution));
    }

    @Bean
    TaskListener proceedWithoutPostMortemResults(FinalCaseDiscussions discussions, WhoIsCompleting who) {
        return task -> {
            discussions.proceedWithoutResults(CaseVariables.caseId(task), CaseVariables.caseReference(task), FormAnswers.text(task, "proceedReason"),
                    who.of(task));
            task.getExecution().removeVariable("proceedReason");
        };
    }

    @Bean
    TaskListener planFinalCaseDiscussion(FinalCaseDiscussions discussions, WhoIsCompleting who) {
        return task -> {
            List<FieldError> unreadable = new ArrayList<>();
            Boolean convene = FormAnswers.yes(task, CONVENE);
            RapidResponses.MeetingPlan meeting = new RapidResponses.MeetingPlan(
                    FormAnswers.date(task, "meetingDate", (f, r) -> unreadable.add(new FieldError(f, r))),
                    FormAnswers.time(task, "meetingTime", (f, r) -> unreadable.add(new FieldError(f, r))),
                    FormAnswers.text(task, "meetingPlace"), FormAnswers.text(task, "invitees"));
            if (Boolean.TRUE.equals(convene) && !unreadable.isEmpty()) {
                throw new InvalidAnswers(unreadable);
            }
            UUID meetingId = discussions.plan(CaseVariables.caseId(task), CaseVariables.caseReference(task), new FinalCaseDiscussions.Plan(convene,
                    meeting, FormAnswers.text(task, "notConvenedReason"), FormAnswers.text(task, "notConvenedDetail")), who.of(task));
            PLAN_TEXT.forEach(task.getExecution()::removeVariable);
            task.getExecution().setVariable(CONVENE, Boolean.TRUE.equals(convene) ? "yes" : "no");
            if (meetingId != null) {
                task.getExecution().setVariable(MEETING_ID, meetingId.toString());
            }
        };
    }

    @Bean
    TaskListener recordFinalCaseDiscussion(FinalCaseDiscussions discussions, RapidResponses rapidResponses,
            WhoIsCompleting who) {
        return task -> {
            discussions.recordHeld(CaseVariables.caseId(task), CaseVariables.caseReference(task),
                    rapidResponses.meetingOf(CaseVariables.caseId(task), MeetingKind.FINAL_CASE_DISCUSSION),
                    new FinalCaseDiscussions.DraftFormC(FormAnswers.text(task, "attendees"), FormAnswers.text(task, "domainChild"),
                            FormAnswers.text(task, "domainFamily"), FormAnswers.text(task, "domainParenting"), FormAnswers.text(task, "domainServices"),
                            FormAnswers.text(task, "proposedCategory"), FormAnswers.text(task, "proposedModifiable"), FormAnswers.text(task, "learningPoints")),
                    who.of(task));
            OUTCOME_TEXT.forEach(task.getExecution()::removeVariable);
        };
    }

    @Bean
    JavaDelegate sendFinalCaseDiscussionInvitations(RapidResponseEmails emails, RapidResponses rapidResponses) {
        return execution -> emails.inviteToMeeting(
                rapidResponses.meetingOf(CaseVariables.caseId(execution), MeetingKind.FINAL_CASE_DISCUSSION));
    }

    @Bean
    JavaDelegate sendFinalCaseDiscussionReminder(FinalCaseDiscussionEmails emails) {
        return execution -> emails.remindDoctor(CaseVariables.caseId(execution), CaseVariables.caseReference(execution),
                (Date) execution.getVariable(DATE_OF_DEATH));
    }

    @Bean
    JavaDelegate sendFinalCaseDiscussionOverdueToSpoc(FinalCaseDiscussionEmails emails) {
        return execution -> emails.tellSpocOverdue(CaseVariables.caseId(execution), CaseVariables.caseReference(execution));
    }

    @Bean
    JavaDelegate markFinalCaseDiscussionDone(FinalCaseDiscussions discussions) {
        return execution -> discussions.finalCaseDiscussionDone(CaseVariables.caseId(execution), CaseVariables.caseReference(execution));
    }






}
