package uk.cdr.config;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Several engine API calls as one engine command. Each call is a command of its own, and each
 * command flushes its own inserts (a dozen statements for a process start); nested in one
 * command, as calls from a delegate are, they share one flush, batched by table.
 */
@Component
public class OneEngineCommand {

    private final ProcessEngineConfigurationImpl engine;

    public OneEngineCommand(ProcessEngineConfigurationImpl engine) {
        this.engine = engine;
    }

    /** Joins the caller's transaction, like the calls on their own. */
    public void run(Runnable calls) {
        engine.getCommandExecutorTxRequired().execute(commandContext -> {
            calls.run();
            return null;
        });
    }
}
