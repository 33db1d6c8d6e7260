package uk.cdr.notification;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import uk.cdr.web.ApiExceptionHandler;

/** Form A over the API: the same validator and service as the page and the Tasklist start form. */
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

    private final Notifications notifications;
    private final NotificationCheck check;

    NotificationController(Notifications notifications, NotificationCheck check) {
        this.notifications = notifications;
        this.check = check;
    }

    @PostMapping("/check")
    @Operation(summary = "Check a Form A without saving it: broken rules and possible duplicates (SPOC only)")
    NotificationCheck.Result check(@RequestBody FormA form) {
        return check.check(form);
    }

    @PostMapping
    @Operation(summary = "Log a child death (Form A): opens the case and alerts the Designated Doctor (SPOC only)")
    ResponseEntity<Notifications.Recorded> notify(@RequestBody FormA form, Authentication user) {
        Notifications.Recorded recorded = notifications.record(form, user.getName());
        URI location = recorded.caseId() == null ? URI.create("/api/notifications/" + recorded.notificationId())
                : URI.create("/cases/" + recorded.caseId());
        return ResponseEntity.created(location).body(recorded);
    }

    @ExceptionHandler(InvalidFormA.class)
    ResponseEntity<Object> invalid(InvalidFormA e) {
        return ApiExceptionHandler.invalid(e.errors().stream()
                .map(error -> new ApiExceptionHandler.FieldError(error.field(), error.rule())).toList());
    }
}
