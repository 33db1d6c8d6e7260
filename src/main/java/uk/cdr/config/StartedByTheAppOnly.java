package uk.cdr.config;

import java.util.Set;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * A case's processes are started by the app when the case reaches them, with variables the app
 * vouches for. A person, administrator included, starts none of them through the engine's own ways
 * in (/engine-rest, Tasklist, Cockpit): only Form A from Tasklist. Starts made by the app (its
 * pages and API, its delegates, its jobs) are not affected.
 */
@Component
public class StartedByTheAppOnly extends AbstractProcessEnginePlugin {

    /** The processes a person may start through the engine. */
    public static final Set<String> PEOPLE_START = Set.of("logDeathFromTasklist");

    private static final ThreadLocal<Integer> DEPTH = ThreadLocal.withInitial(() -> 0);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        CommandInterceptors.addInsideCommandContext(configuration, new CommandInterceptor() {
            @Override
            public <T> T execute(Command<T> command) {
                int depth = DEPTH.get();
                if (depth == 0) {
                    refuseAPersonsStart(command);
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

    private static void refuseAPersonsStart(Command<?> command) {
        CommandContext context = Context.getCommandContext();
        String user = context.getAuthenticatedUserId();
        if (user == null || AppRequests.serving()) {
            return;
        }
        String key = processKey(command, context);
        if (key != null && !PEOPLE_START.contains(key)) {
            throw new AuthorizationException("Process '" + key
                    + "' is started by the app when a case reaches it, not by a person: " + user + " cannot start it.");
        }
    }

    private static String processKey(Command<?> command, CommandContext context) {
        String definitionId;
        if (command instanceof StartProcessInstanceCmd || command instanceof StartProcessInstanceAtActivitiesCmd) {
            ProcessInstantiationBuilderImpl builder = Reflection.field(command, "instantiationBuilder");
            if (builder.getProcessDefinitionKey() != null) {
                return builder.getProcessDefinitionKey();
            }
            definitionId = builder.getProcessDefinitionId();
        } else if (command instanceof SubmitStartFormCmd) {
            definitionId = Reflection.field(command, "processDefinitionId");
        } else {
            return null;
        }
        return definitionId == null ? null : context.getProcessEngineConfiguration().getDeploymentCache()
                .findDeployedProcessDefinitionById(definitionId).getKey();
    }
}
