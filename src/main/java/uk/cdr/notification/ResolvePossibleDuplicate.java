package uk.cdr.notification;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Carries out the SPOC's decision on a possible duplicate: merge into the matched case, or open a new one. */
@Component("resolvePossibleDuplicate")
class ResolvePossibleDuplicate implements JavaDelegate {

    static final String MERGE = "merge";
    static final String DISTINCT = "distinct";

    private final Notifications notifications;

    ResolvePossibleDuplicate(Notifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // The process is keyed by the new notification's id.
        UUID notificationId = UUID.fromString(execution.getProcessBusinessKey());
        String decision = (String) execution.getVariable(NotificationVariables.DUPLICATE_DECISION);
        String by = (String) execution.getVariable(NotificationVariables.DUPLICATE_RESOLVED_BY);
        if (MERGE.equals(decision)) {
            notifications.mergeIntoMatchedCase(notificationId, by);
        } else if (DISTINCT.equals(decision)) {
            Notifications.Recorded opened = notifications.openDistinctCase(notificationId, by);
            execution.setVariable("openedCaseReference", opened.caseReference());
        } else {
            throw new IllegalStateException("duplicateDecision must be merge or distinct, was " + decision);
        }
    }
}
