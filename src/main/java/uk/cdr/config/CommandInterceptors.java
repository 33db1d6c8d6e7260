package uk.cdr.config;

import java.util.ArrayList;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/** Our engine command interceptors run inside the command context, where they can see and refuse a command. */
final class CommandInterceptors {

    private CommandInterceptors() {
    }

    static void addInsideCommandContext(ProcessEngineConfigurationImpl configuration, CommandInterceptor interceptor) {
        if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<>());
        }
        configuration.getCustomPostCommandInterceptorsTxRequired().add(interceptor);
    }
}
