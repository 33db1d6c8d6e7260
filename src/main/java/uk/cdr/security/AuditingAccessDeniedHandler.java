package uk.cdr.security;

import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import uk.cdr.audit.AuditAction;
import uk.cdr.audit.AuditLog;

/** Every refusal is written to the audit log: someone reaching for another role's part is worth knowing about. */
class AuditingAccessDeniedHandler implements AccessDeniedHandler {

    private final AuditLog auditLog;

    AuditingAccessDeniedHandler(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        String actor = CurrentUser.fromSecurityContext().map(CurrentUser::userId).orElse(AuditLog.ANONYMOUS);
        String reason = e instanceof CsrfException ? "missing or invalid CSRF token" : "role not allowed";
        auditLog.record(actor, AuditAction.ACCESS_DENIED, null,
                request.getMethod() + " " + request.getRequestURI() + " (" + reason + ")");
        if (Problems.wantsJson(request)) {
            Problems.write(request, response, HttpStatus.FORBIDDEN,
                    e instanceof CsrfException ? "The request carries no valid CSRF token."
                            : "Your role does not give access to this.");
        } else {
            response.sendError(HttpStatus.FORBIDDEN.value());
        }
    }
}
