package uk.cdr.security;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

import uk.cdr.audit.AuditAction;
import uk.cdr.audit.AuditLog;

/**
 * Logins, failed logins, throttled attempts and logouts go to the audit log. Successful HTTP
 * Basic calls are not logged as logins (every API call would be one); their failures are.
 * Failures name the client address, which is what the throttle counts by.
 */
@Component
class LoginAuditListener {

    private final AuditLog auditLog;

    LoginAuditListener(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @EventListener
    void loggedIn(InteractiveAuthenticationSuccessEvent event) {
        auditLog.record(event.getAuthentication().getName(), AuditAction.LOGIN, null, null);
    }

    @EventListener
    void loginFailed(AbstractAuthenticationFailureEvent event) {
        AuthenticationException e = event.getException();
        AuditAction action = e instanceof LoginThrottledException ? AuditAction.LOGIN_THROTTLED : AuditAction.LOGIN_FAILED;
        auditLog.record(event.getAuthentication().getName(), action, null,
                e.getMessage() + " (from " + LoginAttempt.addressOf(event.getAuthentication()) + ")");
    }

    @EventListener
    void loggedOut(LogoutSuccessEvent event) {
        auditLog.record(event.getAuthentication().getName(), AuditAction.LOGOUT, null, null);
    }
}
