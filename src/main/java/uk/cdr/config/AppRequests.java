package uk.cdr.config;

import java.util.concurrent.Callable;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

import java.util.ArrayList;

/**
 * The engine's authorizations say what a person may do through the engine's own ways in
 * (Tasklist, /engine-rest): claim and complete their tasks, and little else. Our pages and /api
 * decide for themselves who may do what (docs/access-matrix.md), and then the app starts, messages
 * and reads processes on the person's behalf. So while a request to our pages or /api is served,
 * engine commands run without the person's engine authorizations but keep the person's identity,
 * which the engine records (who completed which task). Delegates and listeners already run so
 * (the engine's authorizationEnabledForCustomCode is off by default).
 */
@Component
public class AppRequests extends AbstractProcessEnginePlugin {

    private static final ThreadLocal<Boolean> SERVING = ThreadLocal.withInitial(() -> false);

    /** Runs one request of our pages or /api: the engine calls it makes act for the app. */
    public static <T> T serve(Callable<T> request) throws Exception {
        boolean outer = SERVING.get();
        SERVING.set(true);
        try {
            return request.call();
        } finally {
            SERVING.set(outer);
        }
    }

    static boolean serving() {
        return SERVING.get();
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // Inside the command context, so that it can switch the checks off for this command; also for
        // the commands that run in a transaction of their own (the job executor's, history cleanup).
        CommandInterceptors.addInsideCommandContext(configuration, new ActForTheApp());
        if (configuration.getCustomPostCommandInterceptorsTxRequiresNew() == null) {
            configuration.setCustomPostCommandInterceptorsTxRequiresNew(new ArrayList<>());
        }
        configuration.getCustomPostCommandInterceptorsTxRequiresNew().add(new ActForTheApp());
    }

    static class ActForTheApp extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            if (!serving()) {
                return next.execute(command);
            }
            return Context.getCommandContext().runWithoutAuthorization(() -> next.execute(command));
        }
    }
}
