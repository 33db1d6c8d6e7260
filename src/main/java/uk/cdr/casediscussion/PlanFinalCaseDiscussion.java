package uk.cdr.casediscussion;

import static uk.cdr.casediscussion.FinalCaseDiscussionVariables.CONVENE;
import static uk.cdr.casediscussion.FinalCaseDiscussionVariables.MEETING_AT;
import static uk.cdr.casediscussion.FinalCaseDiscussionVariables.MEETING_ID;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import uk.cdr.config.CaseVariables;
import uk.cdr.config.FormAnswers;
import uk.cdr.config.WhoIsCompleting;
import uk.cdr.guidance.Edition;
import uk.cdr.rapidresponse.InvalidAnswers;
import uk.cdr.review2018.CdrmTimers;
import uk.cdr.web.UkDates;
import uk.cdr.rapidresponse.InvalidAnswers.FieldError;
import uk.cdr.rapidresponse.RapidResponses;

/** On completing Task_PlanFinalCaseDiscussion: the doctor's plan is checked and kept in the app, and Gateway_Convened routes on it. */
@Component("planFinalCaseDiscussion")
class PlanFinalCaseDiscussion implements TaskListener {

    static final List<String> PLAN_TEXT = List.of("meetingDate", "meetingTime", "meetingPlace", "invitees",
            "notConvenedReason", "notConvenedDetail");

    private final FinalCaseDiscussions discussions;
    private final WhoIsCompleting who;
    private final CdrmTimers cdrmTimers;
    private final Clock clock;

    PlanFinalCaseDiscussion(FinalCaseDiscussions discussions, WhoIsCompleting who, CdrmTimers cdrmTimers, Clock clock) {
        this.discussions = discussions;
        this.who = who;
        this.cdrmTimers = cdrmTimers;
        this.clock = clock;
    }

    /** The Child Death Review Meeting of a 2018 case is this model's stage with the guidance's notice rule. */
    private static boolean underThe2018Guidance(DelegateTask task) {
        return Edition.STATUTORY_GUIDANCE_2018.code().equals(task.getVariable("edition"));
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
        if (Boolean.TRUE.equals(convene) && meeting.date() != null && underThe2018Guidance(task)) {
            LocalDate earliest = cdrmTimers.earliestMeetingDay(LocalDate.now(clock.withZone(ZoneId.of("Europe/London"))));
            if (meeting.date().isBefore(earliest)) {
                throw new InvalidAnswers(List.of(new FieldError("meetingDate", "must be on or after " + UkDates.inWords(earliest)
                        + ": people need notice of at least " + cdrmTimers.noticeInWords() + " before a Child Death Review Meeting")));
            }
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
