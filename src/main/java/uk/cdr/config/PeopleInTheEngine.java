package uk.cdr.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.CorrelateAllMessageCmd;
import org.camunda.bpm.engine.impl.cmd.CorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.RestartProcessInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.springframework.stereotype.Component;

import uk.cdr.config.RefusedAnswers.Refusal;

/**
 * What a person, administrator included, may do to a case's processes through the engine's own
 * ways in (/engine-rest, Tasklist, Cockpit): work on the tasks offered to them, and start Form A
 * from Tasklist. The app starts every other process when a case reaches it, with variables it
 * vouches for, and it alone sends their messages and signals. Tasks end by completion, which
 * {@link TaskAnswersGuard} checks against the form: a BPMN error or escalation thrown from a task
 * (which would set any variables and end the branch unchecked) and the resolution of a delegated
 * task are refused. What the app does itself (its pages and API, its delegates, its jobs) is not
 * affected: those commands are the app's, or nested in a command the app runs.
 */
@Component
public class PeopleInTheEngine extends AbstractProcessEnginePlugin {

    /** The processes a person may start through the engine. */
    public static final Set<String> PEOPLE_START = Set.of("logDeathFromTasklist");

    private static final List<Class<?>> THE_APPS_ALONE = List.of(HandleTaskBpmnErrorCmd.class,
            HandleTaskEscalationCmd.class, ResolveTaskCmd.class, RestartProcessInstancesCmd.class,
            CorrelateMessageCmd.class, CorrelateAllMessageCmd.class, MessageEventReceivedCmd.class,
            SignalEventReceivedCmd.class, StartProcessInstanceAtActivitiesCmd.class);

    private static final ThreadLocal<Integer> DEPTH = ThreadLocal.withInitial(() -> 0);

    private final EngineKeepsNoPersonalData forms;

    public PeopleInTheEngine(EngineKeepsNoPersonalData forms) {
        this.forms = forms;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        CommandInterceptors.addInsideCommandContext(configuration, new CommandInterceptor() {
            @Override
            public <T> T execute(Command<T> command) {
                int depth = DEPTH.get();
                if (depth == 0) {
                    refuseWhatPeopleMayNotDo(command);
                }
                DEPTH.set(depth + 1);
                try {
                    return next.execute(command);
                } finally {
                    DEPTH.set(depth);
                }
            }
        });
    }

    private void refuseWhatPeopleMayNotDo(Command<?> command) {
        CommandContext context = Context.getCommandContext();
        String user = context.getAuthenticatedUserId();
        if (user == null || AppRequests.serving()) {
            return;
        }
        for (Class<?> type : THE_APPS_ALONE) {
            if (type.isInstance(command)) {
                throw new AuthorizationException(user + " may not " + type.getSimpleName().replaceAll("Cmd$", "")
                        + " through the engine: the app does that itself when a case needs it.");
            }
        }
        if (command instanceof DeleteProcessInstanceCmd || command instanceof DeleteProcessInstancesCmd) {
            List<String> ids = command instanceof DeleteProcessInstanceCmd
                    ? List.of((String) Reflection.field(command, "processInstanceId"))
                    : Reflection.field(command, "processInstanceIds");
            refuseCancellingAStage(user, context, ids);
        } else if (command instanceof StartProcessInstanceCmd) {
            ProcessInstantiationBuilderImpl builder = Reflection.field(command, "instantiationBuilder");
            ProcessDefinitionEntity definition = definition(context, builder.getProcessDefinitionKey(),
                    builder.getProcessDefinitionId());
            refuseAnythingButFormA(user, definition, builder.getBusinessKey(), builder.getVariables(),
                    builder.getModificationBuilder() != null && (builder.getModificationBuilder().isSkipCustomListeners()
                            || builder.getModificationBuilder().isSkipIoMappings()));
        } else if (command instanceof SubmitStartFormCmd) {
            ProcessDefinitionEntity definition = definition(context, null, Reflection.field(command, "processDefinitionId"));
            refuseAnythingButFormA(user, definition, Reflection.field(command, "businessKey"),
                    Reflection.field(command, "variables"), false);
        }
    }

    /**
     * A stage is called by its case's process, which would be left waiting for it for ever (the
     * engine cancels just that branch): a person cancels the case's own process, which ends every
     * stage beneath it, or completes the stage's tasks.
     */
    private static void refuseCancellingAStage(String user, CommandContext context, List<String> ids) {
        for (String id : ids == null ? List.<String>of() : ids) {
            ExecutionEntity instance = id == null ? null : context.getExecutionManager().findExecutionById(id);
            if (instance != null && instance.getSuperExecutionId() != null) {
                throw new AuthorizationException(user + " may not cancel process instance " + id + " on its own: it is "
                        + "a stage of its case, which would wait for it for ever. Cancel the case's process "
                        + "(Child death review), which ends its stages, or complete the stage's tasks.");
            }
        }
    }

    /**
     * Form A from Tasklist: only its own fields, no business key (the app gives the case its
     * reference), and with every listener, since its start listener checks and stores the answers.
     */
    private void refuseAnythingButFormA(String user, ProcessDefinitionEntity definition, String businessKey,
            Map<String, Object> variables, boolean skipping) {
        if (definition == null) {
            return; // the command itself says there is no such process
        }
        if (!PEOPLE_START.contains(definition.getKey())) {
            throw new AuthorizationException("Process '" + definition.getKey()
                    + "' is started by the app when a case reaches it, not by a person: " + user + " cannot start it.");
        }
        if (skipping) {
            throw new AuthorizationException("Form A is started with all its checks: " + user
                    + " cannot skip its listeners or input mappings.");
        }
        List<Refusal> refusals = new ArrayList<>();
        if (businessKey != null) {
            refusals.add(new Refusal("businessKey", "is given by the app (the case reference), not by the form"));
        }
        FormFields formA = forms.form("form-a");
        if (variables != null) {
            variables.keySet().stream().filter(name -> !formA.fields().containsKey(name))
                    .forEach(name -> refusals.add(new Refusal(name, "is not a field of Form A")));
        }
        if (!refusals.isEmpty()) {
            throw new RefusedAnswers(refusals);
        }
    }

    private static ProcessDefinitionEntity definition(CommandContext context, String key, String id) {
        var cache = context.getProcessEngineConfiguration().getDeploymentCache();
        if (id != null) {
            return cache.findDeployedProcessDefinitionById(id);
        }
        try {
            return key == null ? null : cache.findDeployedLatestProcessDefinitionByKey(key);
        } catch (org.camunda.bpm.engine.ProcessEngineException noSuchProcess) {
            return null; // the command itself answers that there is no such process
        }
    }
}
