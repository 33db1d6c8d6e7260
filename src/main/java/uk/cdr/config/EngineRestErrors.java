package uk.cdr.config;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
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
    ResourceConfigCustomizer refusalsAreClientErrors(JdbcClient jdbc) {
        // The refusal mappers reach every Jersey application, this one too, through RefusalsInEveryEngineApi.
        return config -> config.register(new CompletedTaskConflicts(jdbc));
    }

    /**
     * A completion that lost a race fails in whatever way the engine noticed first (a missing task,
     * an authorization already removed with the task, an internal error). If the task is gone, the
     * honest answer is one: someone else has just completed it.
     */
    static class CompletedTaskConflicts implements ContainerResponseFilter {

        private static final Pattern COMPLETION = Pattern.compile(".*task/([^/]+)/(complete|submit-form|resolve)/?$");

        private final JdbcClient jdbc;

        CompletedTaskConflicts(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public void filter(ContainerRequestContext request, ContainerResponseContext response) {
            if (!"POST".equals(request.getMethod()) || response.getStatus() < 400 || response.getStatus() == 400
                    || response.getStatus() == 409) {
                return;
            }
            Matcher completion = COMPLETION.matcher(request.getUriInfo().getPath());
            if (!completion.matches()) {
                return;
            }
            String taskId = completion.group(1);
            boolean gone = jdbc.sql("select count(*) from act_ru_task where id_ = ?").param(taskId)
                    .query(Integer.class).single() == 0;
            if (gone) {
                response.setStatus(Response.Status.CONFLICT.getStatusCode());
                response.getHeaders().putSingle("Content-Type", MediaType.APPLICATION_JSON);
                response.setEntity(Map.of("type", "TaskAlreadyDone", "message", "Task " + taskId
                        + " has already been completed or cancelled by someone else. Reload your task list."));
            }
        }
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
            return refusal != null ? refusal : engineDefault.toResponse(exception);
        }
    }

    static Response refusal(Throwable exception) {
        if (DatabaseOutage.causes(exception)) {
            return Response.status(Response.Status.SERVICE_UNAVAILABLE).header("Retry-After", "10")
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Map.of("type", "DatabaseUnavailable", "message", DatabaseOutage.MESSAGE)).build();
        }
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof TaskCompletionGuard.TaskAlreadyDone done) {
                return json(Response.Status.CONFLICT, "TaskAlreadyDone", done.getMessage());
            }
            if (cause instanceof RefusedAnswers refused) {
                return problem(refused);
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

    /** The same problem details as /api gives for bad input: which field broke which rule. */
    private static Response problem(RefusedAnswers refused) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", "Invalid input");
        body.put("status", 400);
        List<RefusedAnswers.Refusal> worded = refused.worded();
        body.put("detail", worded.stream().map(RefusedAnswers.Refusal::sentence)
                .collect(java.util.stream.Collectors.joining("; ")));
        body.put("errors", worded.stream().map(r -> Map.of("field", r.field(), "rule", r.rule())).toList());
        return Response.status(Response.Status.BAD_REQUEST).type("application/problem+json").entity(body).build();
    }

    private static Response json(Response.Status status, String type, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("type", type, "message", message)).build();
    }
}
