package uk.cdr.panel;

import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * The meeting page and the API complete the CDOP review's tasks for the logged-in panel member or
 * chair, through the engine, so its authorizations and the task listeners' rules apply as in Tasklist.
 */
@Service
class CdopReviewTasks {

    static final String REVIEW_TASK = "Task_ReviewCase";
    static final String RATIFY_TASK = "Task_RatifyReview";

    private final TaskService taskService;
    private final CdopReviews reviews;

    CdopReviewTasks(TaskService taskService, CdopReviews reviews) {
        this.taskService = taskService;
        this.reviews = reviews;
    }

    /**
     * The panel's decision at the meeting: reviewed, or deferred with a reason and a review-by date;
     * at a special neonatal panel, its findings with the specialists who attended.
     */
    void decide(UUID caseId, String outcome, String deferralReason, String deferralDetail, String reviewBy,
            String specialistsAttending) {
        CdopReviews.Review review = reviews.current(caseId).filter(r -> r.outcome() == null)
                .orElseThrow(() -> new CdopReviews.Conflict("The case is not on a meeting's agenda awaiting its review."));
        java.util.HashMap<String, Object> answers = new java.util.HashMap<>();
        answers.put("outcome", outcome);
        answers.put("deferralReason", deferralReason);
        answers.put("deferralDetail", deferralDetail);
        answers.put("reviewBy", reviewBy);
        answers.put("specialistsAttending", specialistsAttending);
        complete(review, REVIEW_TASK, answers);
    }

    void ratify(UUID caseId) {
        CdopReviews.Review review = reviews.current(caseId).filter(r -> "REVIEWED".equals(r.outcome()))
                .orElseThrow(() -> new CdopReviews.Conflict("The case has not been reviewed by the panel: there is nothing to ratify."));
        complete(review, RATIFY_TASK, Map.of("ratified", true));
    }

    private void complete(CdopReviews.Review review, String taskKey, Map<String, Object> answers) {
        Task task = taskService.createTaskQuery().processDefinitionKeyIn(PanelMeetings.REVIEW_PROCESS_KEY, PanelMeetings.REVIEW_PROCESS_KEY_2018)
                .processInstanceId(reviews.processOf(review.id()))
                .taskDefinitionKey(taskKey).singleResult();
        if (task == null) {
            throw new CdopReviews.Conflict("Case " + review.caseReference() + " has no such step open for you now. Reload the page.");
        }
        try {
            taskService.complete(task.getId(), answers);
        } catch (ProcessEngineException e) {
            throw unwrapped(e);
        }
    }

    /** The engine wraps what a task listener throws; the caller needs the refusal itself. */
    static RuntimeException unwrapped(ProcessEngineException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BadUserRequestException refusal) {
                return refusal;
            }
        }
        return e;
    }
}
