package uk.cdr.config;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;

/**
 * Two people completing the same task at the same moment: the engine would let the second run
 * on into the process the first has already moved, and fail with an internal error. Before any
 * other listener, every completion locks the task's row; the second finds it gone and is told so.
 */
@Component
class TaskCompletionGuard extends AbstractProcessEnginePlugin {

    private final JdbcClient jdbc;

    TaskCompletionGuard(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The task was completed or cancelled by someone else first: a conflict, not a server error. */
    public static class TaskAlreadyDone extends BadUserRequestException {
        TaskAlreadyDone(String taskId) {
            super("Task " + taskId + " has already been completed or cancelled by someone else. Reload your task list.");
        }
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        TaskListener lockTheTask = task -> {
            boolean stillOpen = !jdbc.sql("select id_ from act_ru_task where id_ = ? for update")
                    .param(task.getId()).query(String.class).list().isEmpty();
            if (!stillOpen) {
                throw new TaskAlreadyDone(task.getId());
            }
        };
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                // Built-in listeners run before the model's own, so the lock comes first.
                ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                        .addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, lockTheTask);
            }
        });
    }
}
