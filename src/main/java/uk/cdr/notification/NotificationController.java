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

    NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    @PostMapping
    @Operation(summary = "Log a child death (Form A): opens the case and alerts the Designated Doctor (SPOC only)")
    ResponseEntity<Notifications.Recorded> notify(@RequestBody FormA form, Authentication user) {
        Notifications.Recorded recorded = notifications.record(form, user.getName());
        return ResponseEntity.created(URI.create("/api/cases/" + recorded.caseId())).body(recorded);
    }

    @ExceptionHandler(InvalidFormA.class)
    ResponseEntity<Object> invalid(InvalidFormA e) {
        return ApiExceptionHandler.invalid(e.errors().stream()
                .map(error -> new ApiExceptionHandler.FieldError(error.field(), error.rule())).toList());
    }
}
