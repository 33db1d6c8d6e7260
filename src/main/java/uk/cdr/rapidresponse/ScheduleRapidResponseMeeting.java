package uk.cdr.rapidresponse;

import static uk.cdr.rapidresponse.RapidResponseVariables.MEETING_AT;
import static uk.cdr.rapidresponse.RapidResponseVariables.MEETING_ID;
import static uk.cdr.rapidresponse.RapidResponseVariables.MEETING_REMINDER_AT;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import uk.cdr.config.CaseVariables;
import uk.cdr.config.FormAnswers;
import uk.cdr.config.WhoIsCompleting;
import uk.cdr.rapidresponse.InvalidAnswers.FieldError;

/** On completing Task_ScheduleMeeting: the meeting's time drives the invitations and the day-before reminder timer. */
@Component("scheduleRapidResponseMeeting")
class ScheduleRapidResponseMeeting implements TaskListener {

    static final List<String> MEETING_PLAN_TEXT = List.of("meetingDate", "meetingTime", "meetingPlace", "invitees");

    private final RapidResponses rapidResponses;
    private final WhoIsCompleting who;

    ScheduleRapidResponseMeeting(RapidResponses rapidResponses, WhoIsCompleting who) {
        this.rapidResponses = rapidResponses;
        this.who = who;
    }

    @Override
    public void notify(DelegateTask task) {
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
    }
}
