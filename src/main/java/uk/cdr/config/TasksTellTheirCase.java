package uk.cdr.config;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Every user task of every model tells its case's {@link CaseTaskLog} when it is created and when it
 * is done or closed, and by whom: the case page's timeline reads that record, not the engine's
 * history, which is cleaned up by design and cost a query per task. In the engine's transaction,
 * so a task and its record never disagree. The case is found from the process, as everywhere.
 */
@Component
class TasksTellTheirCase extends AbstractProcessEnginePlugin {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final CaseOfProcess caseOfProcess;
    private final CaseTaskLog log;

    TasksTellTheirCase(CaseOfProcess caseOfProcess, CaseTaskLog log) {
        this.caseOfProcess = caseOfProcess;
        this.log = log;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new java.util.ArrayList<>());
        }
        TaskListener created = this::created;
        TaskListener ended = this::ended;
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, created);
                definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, ended);
                definition.addBuiltInTaskListener(TaskListener.EVENTNAME_DELETE, ended);
            }
        });
    }

    private void created(DelegateTask task) {
        String businessKey = task.getExecution().getProcessBusinessKey();
        if (businessKey == null) {
            return;
        }
        UUID caseId;
        try {
            caseId = caseOfProcess.caseId(businessKey);
        } catch (IllegalStateException e) {
            // A process of no case (none has user tasks today): nothing for a case's record.
            return;
        }
        log.created(caseId, task.getId(), task.getTaskDefinitionKey(), TasksNameTheirCase.withoutCase(String.valueOf(task.getName())),
                uk(ClockUtil.getCurrentTime()), uk(task.getDueDate()));
    }

    private void ended(DelegateTask task) {
        boolean done = TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName());
        Authentication who = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String by = who != null && who.getUserId() != null ? who.getUserId() : task.getAssignee();
        String reason = done ? "completed" : ((TaskEntity) task).getDeleteReason();
        log.ended(task.getId(), uk(ClockUtil.getCurrentTime()), by, reason == null ? "deleted" : reason, uk(task.getDueDate()));
    }

    private static OffsetDateTime uk(Date date) {
        return date == null ? null : date.toInstant().atZone(UK).toOffsetDateTime();
    }
}
