package uk.cdr.work;

import java.util.Map;

/** What each user task asks of the person, in words (the task's name alone says little to a new SPOC). */
final class TaskAsks {

    private static final Map<String, String> ASKS = Map.ofEntries(
            Map.entry("Task_AcknowledgeNotification", "Check the Form A and confirm that the notification is logged."),
            Map.entry("Task_ConfirmExpectedOrUnexpected",
                    "Decide whether the death was expected or unexpected; an unexpected death starts the rapid response."),
            Map.entry("Task_BereavementSupport",
                    "Record whether bereavement support was offered to the family, when, and their answer."),
            Map.entry("Task_RequestFormBReports",
                    "Confirm the agencies to ask for a Form B report, or that no agency knew the child or family."),
            Map.entry("Task_FormBOverdue", "An agency's Form B is overdue: chase it, extend its deadline or withdraw the request."),
            Map.entry("Task_InitialInformationSharing",
                    "Record the rapid response's initial information sharing and planning, and whether to convene a meeting."),
            Map.entry("Task_ScheduleMeeting", "Set the date, time and place of the rapid response meeting and invite the agencies."),
            Map.entry("Task_RecordMeetingOutcome",
                    "Record who attended the rapid response meeting, its actions and whether the Serious Case Review criteria may be met."),
            Map.entry("Task_AwaitPostMortemResults",
                    "The final case discussion waits for the post-mortem results: decide whether to go ahead without them."),
            Map.entry("Task_PlanFinalCaseDiscussion",
                    "Convene the final case discussion (date, time, place, invitees) or say why it cannot be convened."),
            Map.entry("Task_RecordFinalCaseDiscussion", "Record the final case discussion and the draft Form C for the panel."),
            Map.entry("Task_ReviewCase", "At the panel meeting, record the review's outcome: reviewed, or deferred with a reason."),
            Map.entry("Task_RatifyReview", "Ratify the panel's Form C for the case, which closes the case."),
            Map.entry("Task_ResolvePossibleDuplicate",
                    "A new notification may be a duplicate of this case: merge it into the case or confirm it is a different death."));

    private TaskAsks() {
    }

    static String of(String taskKey, String name) {
        return ASKS.getOrDefault(taskKey, "Complete \"" + name + "\" on its form.");
    }
}
