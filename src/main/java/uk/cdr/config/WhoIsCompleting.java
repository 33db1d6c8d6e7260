package uk.cdr.config;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** The user completing a task: the logged-in user, or else the assignee. BPMN task listeners call it by name. */
@Component("whoIsCompleting")
public class WhoIsCompleting {

    private final IdentityService identityService;

    WhoIsCompleting(IdentityService identityService) {
        this.identityService = identityService;
    }

    public String of(DelegateTask task) {
        Authentication current = identityService.getCurrentAuthentication();
        if (current != null && current.getUserId() != null) {
            return current.getUserId();
        }
        return task.getAssignee() == null ? "unknown" : task.getAssignee();
    }
}
