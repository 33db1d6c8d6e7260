package uk.cdr.config;

import java.util.Map;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * /engine-rest answers what our task listeners refuse as a 400 naming the fields, and a task
 * completed at the same moment by someone else as a 409, instead of the engine's 500: the engine
 * wraps listener exceptions, which hides their meaning from its own error mapping.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestErrors {

    @Bean
    ResourceConfigCustomizer refusalsAreClientErrors() {
        return config -> config.register(RefusalMapper.class).register(WrappedRefusalMapper.class);
    }

    @Priority(1)
    public static class RefusalMapper implements ExceptionMapper<ProcessEngineException> {

        private final ProcessEngineExceptionHandler engineDefault = new ProcessEngineExceptionHandler();

        @Override
        public Response toResponse(ProcessEngineException exception) {
            Response refusal = refusal(exception);
            return refusal != null ? refusal : engineDefault.toResponse(exception);
        }
    }

    /** Some endpoints (task completion among them) wrap every engine exception in a 500 RestException. */
    @Priority(1)
    public static class WrappedRefusalMapper implements ExceptionMapper<RestException> {

        private final RestExceptionHandler engineDefault = new RestExceptionHandler();

        @Override
        public Response toResponse(RestException exception) {
            Response refusal = refusal(exception);
            if (refusal == null && exception.getCause() instanceof ProcessEngineException cause
                    && cause.getMessage() != null && cause.getMessage().startsWith("Cannot find task with id")) {
                // Completing a task someone has just completed: the second person needs to know why.
                return json(Response.Status.CONFLICT, "TaskAlreadyDone", cause.getMessage()
                        + ": it has already been completed or cancelled. Reload your task list.");
            }
            return refusal != null ? refusal : engineDefault.toResponse(exception);
        }
    }

    static Response refusal(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof TaskCompletionGuard.TaskAlreadyDone done) {
                return json(Response.Status.CONFLICT, "TaskAlreadyDone", done.getMessage());
            }
            if (cause instanceof BadUserRequestException refused) {
                return json(Response.Status.BAD_REQUEST, "InvalidRequestException", refused.getMessage());
            }
            if (cause instanceof OptimisticLockingException) {
                return json(Response.Status.CONFLICT, "OptimisticLockingException",
                        "Someone else changed this at the same moment. Reload and check before trying again.");
            }
        }
        return null;
    }

    private static Response json(Response.Status status, String type, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("type", type, "message", message)).build();
    }
}
