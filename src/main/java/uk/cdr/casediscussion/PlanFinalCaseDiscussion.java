package uk.cdr.casediscussion;

import static uk.cdr.casediscussion.FinalCaseDiscussionVariables.CONVENE;
import static uk.cdr.casediscussion.FinalCaseDiscussionVariables.MEETING_AT;
import static uk.cdr.casediscussion.FinalCaseDiscussionVariables.MEETING_ID;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import uk.cdr.config.CaseVariables;
import uk.cdr.config.FormAnswers;
import uk.cdr.config.WhoIsCompleting;
import uk.cdr.rapidresponse.InvalidAnswers;
import uk.cdr.rapidresponse.InvalidAnswers.FieldError;
import uk.cdr.rapidresponse.RapidResponses;

/** On completing Task_PlanFinalCaseDiscussion: the doctor's plan is checked and kept in the app, and Gateway_Convened routes on it. */
@Component("planFinalCaseDiscussion")
class PlanFinalCaseDiscussion implements TaskListener {

    static final List<String> PLAN_TEXT = List.of("meetingDate", "meetingTime", "meetingPlace", "invitees",
            "notConvenedReason", "notConvenedDetail");

    private final FinalCaseDiscussions discussions;
    private final WhoIsCompleting who;

    PlanFinalCaseDiscussion(FinalCaseDiscussions discussions, WhoIsCompleting who) {
        this.discussions = discussions;
        this.who = who;
    }

    @Override
    public void notify(DelegateTask task) {
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
            task.getExecution().setVariable(MEETING_AT, java.util.Date.from(meeting.date().atTime(meeting.time())
                    .atZone(java.time.ZoneId.of("Europe/London")).toInstant()));
        }
    }
}
