package uk.cdr.web;

import java.util.List;

import uk.cdr.config.DatabaseOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import uk.cdr.area.UnknownArea;

/**
 * Bad input to our API becomes a 400 problem (RFC 9457) that names each field and its rule, in
 * an "errors" list. Anything unexpected becomes a 500 problem without internals: the stack trace
 * goes to the log only.
 */
@RestControllerAdvice(basePackages = "uk.cdr")
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

    /** The field's key, for programs, and its rule; a rule that is a sentence names the field in words. */
    public record FieldError(String field, String rule) {

        /** "Date of death must not be in the future", or "heldOn must be a date" for a bare rule. */
        public String sentence() {
            return !rule.isEmpty() && Character.isUpperCase(rule.charAt(0)) ? rule : field + " " + rule;
        }
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        String expected = e.getRequiredType() == null ? "of another type" : describe(e.getRequiredType());
        return invalid(List.of(new FieldError(field, "must be " + expected)));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalid(List.of(new FieldError(e.getParameterName(), "is required")));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalid(e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldError(result.getMethodParameter().getParameterName(),
                                error.getDefaultMessage())))
                .toList());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalid(e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldError(error.getField(), error.getDefaultMessage()))
                .toList());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (tooLarge(e)) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                    .body(ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, RequestSizeLimitFilter.DETAIL));
        }
        if (e.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = mismatch.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("body");
            String expected = mismatch.getTargetType() == null ? "of another type" : describe(mismatch.getTargetType());
            return invalid(List.of(new FieldError(field, "must be " + expected)));
        }
        return invalid(List.of(new FieldError("body", "must be well-formed JSON")));
    }

    /**
     * Spring Security's firewall checks parameter names lazily, when the controller reads them: a
     * name with unprintable characters (e.g. a form field called "\u2fff") is bad input, not our fault.
     */
    @ExceptionHandler(org.springframework.security.web.firewall.RequestRejectedException.class)
    ResponseEntity<Object> rejected(org.springframework.security.web.firewall.RequestRejectedException e) {
        LOG.info("Request rejected: {}", e.getMessage());
        return invalid(List.of(new FieldError("request", "contains characters that are not allowed")));
    }

    /** A multipart body that does not parse (no closing boundary, garbage): bad input. Too large is the caller's 413. */
    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ResponseEntity<Object> badMultipart(org.springframework.web.multipart.MultipartException e) {
        if (e instanceof org.springframework.web.multipart.MaxUploadSizeExceededException) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                    .body(ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, RequestSizeLimitFilter.DETAIL));
        }
        return invalid(List.of(new FieldError("body", "must be well-formed multipart/form-data")));
    }

    /** The engine refused the logged-in user: their role lacks an authorization. */
    @ExceptionHandler(org.camunda.bpm.engine.AuthorizationException.class)
    ProblemDetail engineRefused(org.camunda.bpm.engine.AuthorizationException e) {
        LOG.warn("Engine authorization refused: {}", e.getMessage());
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Your role does not give access to this.");
    }

    /** Someone (or the engine's own job) changed the same case in the same instant: nothing was saved. */
    @ExceptionHandler(org.camunda.bpm.engine.OptimisticLockingException.class)
    ProblemDetail changedMeanwhile(org.camunda.bpm.engine.OptimisticLockingException e) {
        LOG.info("Concurrent change refused: {}", e.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "This case changed at the same moment (another person or the system). Nothing was saved; try again.");
        problem.setTitle("Conflict");
        return problem;
    }

    /** An area the CDOP does not serve, wherever it came in (a filter, a form, a meeting): 400 naming the field. */
    @ExceptionHandler(UnknownArea.class)
    ResponseEntity<Object> unknownArea(UnknownArea e) {
        return invalid(List.of(new FieldError(e.field(), e.rule())));
    }

    /** A closed case takes no more changes: the client is told why, and that nothing was saved. */
    @ExceptionHandler(CaseClosed.class)
    ProblemDetail caseClosed(CaseClosed e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Case closed");
        return problem;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (tooLarge(e)) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                    .body(ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, RequestSizeLimitFilter.DETAIL));
        }
        if (notInRepertoire(e)) {
            // PostgreSQL takes no NUL (\u0000) in text: the input is at fault, and nothing was written.
            return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "Text must not contain NUL characters."));
        }
        if (DatabaseOutage.causes(e)) {
            LOG.warn("Database unavailable: {}", e.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "10")
                    .body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, DatabaseOutage.MESSAGE));
        }
        LOG.error("Unexpected error", e);
        return ResponseEntity.internalServerError().body(ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side; it has been logged."));
    }

    public static ResponseEntity<Object> invalid(List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, errors.stream()
                .map(FieldError::sentence).reduce((a, b) -> a + "; " + b).orElse("Invalid request"));
        problem.setTitle("Invalid input");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    /** SQLSTATE 22021 character_not_in_repertoire: e.g. a NUL character sent to PostgreSQL. */
    private static boolean notInRepertoire(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && "22021".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** A chunked body ran past cdr.http.max-body-size while it was read (RequestSizeLimitFilter). */
    private static boolean tooLarge(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestSizeLimitFilter.BodyTooLarge) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + List.of(type.getEnumConstants());
        }
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class) {
            return "a whole number";
        }
        if (type == java.time.LocalDate.class) {
            return "a date (yyyy-mm-dd)";
        }
        if (type == java.time.LocalTime.class) {
            return "a time (hh:mm)";
        }
        return "a " + type.getSimpleName();
    }
}
