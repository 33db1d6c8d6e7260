package uk.cdr.config;

import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

import jakarta.ws.rs.core.FeatureContext;

/**
 * The engine's REST API runs twice: /engine-rest, and the webapps' own copy under /camunda/api/engine
 * through which Tasklist completes tasks. Both must answer a refused answer with a 400 naming the
 * field, not the engine's 500. Jersey applies this to every application it starts
 * (META-INF/services), including the one the webapp starter registers itself.
 */
public class RefusalsInEveryEngineApi implements ForcedAutoDiscoverable {

    @Override
    public void configure(FeatureContext context) {
        if (!context.getConfiguration().isRegistered(EngineRestErrors.RefusalMapper.class)) {
            context.register(EngineRestErrors.RefusalMapper.class);
            context.register(EngineRestErrors.WrappedRefusalMapper.class);
        }
    }
}
