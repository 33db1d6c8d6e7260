package uk.cdr.rapidresponse;

import static uk.cdr.rapidresponse.RapidResponseVariables.*;

import java.time.LocalDate;
import java.time.LocalTime;
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
import uk.cdr.rapidresponse.InvalidAnswers.FieldError;

/**
 * The rapid response's BPMN steps, by the bean names the model uses. Task listeners check the
 * doctor's answers on completion (a rejection rolls the completion back) and move the free text
 * out of the engine into the app's tables.
 */
@Configuration(proxyBeanMethods = false)
class RapidResponseSteps {

    static final List<String> INITIAL_SHARING_TEXT = List.of("participants", "agreed", "siblingsSafeguarding");
    static final List<String> MEETING_PLAN_TEXT = List.of("meetingDate", "meetingTime", "meetingPlace", "invitees");
    static final List<String> MEETING_OUTCOME_TEXT = List.of("attendees", "actions");

    @Bean
    JavaDelegate startRapidResponse(RapidResponses rapidResponses) {
        return execution -> rapidResponses.start(CaseVariables.caseId(execution), CaseVariables.caseReference(execution),
                (Date) execution.getVariable(NOTIFIED_AT));
    }

    @Bean
    TaskListener recordInitialSharing(RapidResponses rapidResponses, WhoIsCompleting who) {
        return task -> {
            List<FieldError> unreadable = new java.util.ArrayList<>();
            rapidResponses.recordInitialSharing(CaseVariables.caseId(task), CaseVariables.caseReference(task), new RapidResponses.InitialSharing(
                    FormAnswers.text(task, "participants"), FormAnswers.text(task, "agreed"), FormAnswers.text(task, "homeVisit"),
                    FormAnswers.text(task, "siblingsSafeguarding"), FormAnswers.text(task, "referredToSocialCare"),
                    FormAnswers.yes(task, CONVENE_MEETING), FormAnswers.yes(task, "startedEarlier"), FormAnswers.date(task, "startedEarlierOn", (f, r) -> unreadable.add(new FieldError(f, r)))),
                    who.of(task));
            INITIAL_SHARING_TEXT.forEach(task.getExecution()::removeVariable);
        };
    }

    @Bean
    TaskListener scheduleRapidResponseMeeting(RapidResponses rapidResponses, WhoIsCompleting who) {
        return task -> {
            List<FieldError> unreadable = new java.util.ArrayList<>();
            LocalDate date = FormAnswers.date(task, "meetingDate", (f, r) -> unreadable.add(new FieldError(f, r)));
            LocalTime time = FormAnswers.time(task, "meetingTime", (f, r) -> unreadable.add(new FieldError(f, r)));
            if (!unreadable.isEmpty()) {
                throw new InvalidAnswers(unreadable);
            }
            RapidResponses.Scheduled scheduled = rapidResponses.scheduleMeeting(CaseVariables.caseId(task), CaseVariables.caseReference(task),
                    new RapidResponses.MeetingPlan(date, time, FormAnswers.text(task, "meetingPlace"), FormAnswers.text(task, "invitees")),
                    who.of(task));
            MEETING_PLAN_TEXT.forEach(task.getExecution()::removeVariable);
            task.getExecution().setVariable(MEETING_ID, scheduled.meetingId().toString());
            task.getExecution().setVariable(MEETING_AT, scheduled.at());
            task.getExecution().setVariable(MEETING_REMINDER_AT, new Date(scheduled.at().getTime() - 24L * 3600 * 1000));
        };
    }

    @Bean
    TaskListener recordRapidResponseMeetingOutcome(RapidResponses rapidResponses, WhoIsCompleting who) {
        return task -> {
            rapidResponses.recordMeetingOutcome(CaseVariables.caseId(task), CaseVariables.caseReference(task),
                    rapidResponses.meetingOf(CaseVariables.caseId(task), MeetingKind.RAPID_RESPONSE), new RapidResponses.MeetingOutcome(
                            FormAnswers.text(task, "attendees"), FormAnswers.text(task, "actions"), FormAnswers.yes(task, SCR_CRITERIA_MAY_BE_MET)),
                    who.of(task));
            MEETING_OUTCOME_TEXT.forEach(task.getExecution()::removeVariable);
        };
    }

    @Bean
    JavaDelegate sendMeetingInvitations(RapidResponseEmails emails, RapidResponses rapidResponses) {
        return execution -> emails.inviteToMeeting(
                rapidResponses.meetingOf(CaseVariables.caseId(execution), MeetingKind.RAPID_RESPONSE));
    }

    @Bean
    JavaDelegate sendMeetingReminder(RapidResponseEmails emails, RapidResponses rapidResponses) {
        return execution -> emails.remindOfMeeting(
                rapidResponses.meetingOf(CaseVariables.caseId(execution), MeetingKind.RAPID_RESPONSE));
    }

    @Bean
    JavaDelegate sendMeetingOverdueToSpoc(RapidResponseEmails emails) {
        return execution -> emails.tellSpocMeetingOverdue(CaseVariables.caseId(execution), CaseVariables.caseReference(execution));
    }

    @Bean
    JavaDelegate sendScrReferral(RapidResponseEmails emails) {
        return execution -> emails.referToLscbChair(CaseVariables.caseId(execution), CaseVariables.caseReference(execution));
    }






}
