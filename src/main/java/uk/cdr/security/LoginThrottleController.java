package uk.cdr.security;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import uk.cdr.audit.AuditAction;
import uk.cdr.audit.AuditLog;

/**
 * The administrator's unlock for our login throttle, as Camunda Admin's unlock is for the
 * engine's lock (which is switched off): a user held up by someone else's guessing can log in
 * again at once instead of waiting out the block.
 */
@RestController
@RequestMapping("/api/login-throttle")
class LoginThrottleController {

    private final LoginThrottle throttle;
    private final AuditLog auditLog;

    LoginThrottleController(LoginThrottle throttle, AuditLog auditLog) {
        this.throttle = throttle;
        this.auditLog = auditLog;
    }

    @DeleteMapping("/{userId}")
    @Operation(summary = "Forget the failed logins of a user, ending any block on them (administrators only)")
    ResponseEntity<Void> unblock(@PathVariable String userId) {
        int counts = throttle.unblock(userId);
        String admin = CurrentUser.fromSecurityContext().map(CurrentUser::userId).orElse(null);
        auditLog.record(admin, AuditAction.LOGIN_UNBLOCKED, null, "failed logins of " + userId + " forgotten (" + counts + " counts)");
        return ResponseEntity.noContent().build();
    }
}
