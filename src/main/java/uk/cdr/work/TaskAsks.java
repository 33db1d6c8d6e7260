package uk.cdr.work;

import java.util.Map;

import uk.cdr.guidance.Edition;

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

    /** The 2018 guidance's models: some tasks keep their 2013 keys, none their 2013 words. */
    private static final Map<String, String> ASKS_2018 = Map.ofEntries(
            Map.entry("Task_AcknowledgeNotification",
                    "Check the child death notification form and confirm that the notification is logged."),
            Map.entry("Task_DecideJointAgencyResponse", "Decide against the five criteria whether the death needs a Joint "
                    + "Agency Response; say whether it was expected, whether abuse or neglect is known or suspected, and "
                    + "whether the child was looked after."),
            Map.entry("Task_NameKeyWorker", "Name the family's key worker and record whether the families' guide was offered."),
            Map.entry("Task_NotifyNcmd", "Submit the case's notification record to the National Child Mortality Database "
                    + "within 48 hours, then record when."),
            Map.entry("Task_RequestFormBReports",
                    "Confirm the agencies to send a reporting form, or that no agency knew the child or family."),
            Map.entry("Task_FormBOverdue",
                    "An agency's reporting form is overdue: chase it, extend its deadline or withdraw the request."),
            Map.entry("Task_InitialInformationSharing", "Record the Joint Agency Response's initial information sharing "
                    + "and planning, and whether to convene its meeting."),
            Map.entry("Task_ScheduleMeeting",
                    "Set the date, time and place of the Joint Agency Response meeting and invite the agencies."),
            Map.entry("Task_RecordMeetingOutcome", "Record who attended the Joint Agency Response meeting, its actions and "
                    + "whether abuse or neglect is known or suspected."),
            Map.entry("Task_AwaitPostMortemResults", "The Child Death Review Meeting waits for the post-mortem report: "
                    + "decide whether to go ahead without it."),
            Map.entry("Task_PlanFinalCaseDiscussion", "Convene the Child Death Review Meeting (date at least the notice "
                    + "ahead, time, place, invitees) or say why it cannot be convened."),
            Map.entry("Task_RecordFinalCaseDiscussion",
                    "Record the Child Death Review Meeting and the draft analysis form for the panel."),
            Map.entry("Task_NotifyNationalPanel",
                    "Record when the Child Safeguarding Practice Review Panel was notified (due within 5 working days)."),
            Map.entry("Task_RapidReview",
                    "Record the rapid review (due within 15 working days) and whether a local review will be held."),
            Map.entry("Task_NotifySecretaryOfState",
                    "A looked-after child died: record when the Secretary of State and Ofsted were notified."),
            Map.entry("Task_ReviewCase",
                    "At the panel meeting, record the review's outcome: reviewed, or deferred with a reason."),
            Map.entry("Task_RatifyReview", "Ratify the panel's analysis form for the case, which closes the case."));

    private TaskAsks() {
    }

    /** @param processKey the task's process's key, whose model says the edition whose words the task reads in */
    static String of(String processKey, String taskKey, String name) {
        boolean of2018 = Edition.ofModel(processKey).filter(e -> e == Edition.STATUTORY_GUIDANCE_2018).isPresent();
        return (of2018 ? ASKS_2018 : ASKS).getOrDefault(taskKey, "Complete \"" + name + "\" on its form.");
    }
}
